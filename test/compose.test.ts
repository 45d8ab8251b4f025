// deploy/compose.yaml as Docker Compose reads it (`docker-compose config`), and the promises it
// makes: the plan's services, two API replicas, a one-shot migration, secrets only from the
// environment or files, and addresses that agree with TRUST_PROXY, METRICS_ALLOW and Prometheus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { run, toolSkip } from './support/system-tool.ts';

const DEPLOY = path.resolve(import.meta.dirname, '../deploy');
const COMPOSE = path.join(DEPLOY, 'compose.yaml');
const skip = toolSkip('docker-compose', 'docker-compose');

interface Service {
  image?: string; command?: string[]; entrypoint?: string[]; profiles?: string[]; restart?: string; ports?: unknown[];
  environment?: Record<string, string>; volumes?: string[]; secrets?: string[]; deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>; networks?: Record<string, { ipv4_address?: string } | null> | string[];
  read_only?: boolean; user?: string;
}
const raw = parse(fs.readFileSync(COMPOSE, 'utf8'), { merge: true }) as { services: Record<string, Service> };

const ENV: Record<string, string> = {
  NILECARE_DOMAIN: 'nilecare.test', DB_PASSWORD: 'db-pw', REDIS_PASSWORD: 'redis-pw', JWT_SECRET: 'j1', JWT_REFRESH_SECRET: 'j2',
  PHI_ENCRYPTION_KEYS: 'k1:AAAA', PHI_INDEX_KEY: 'AAAA',
};

function composeConfig(env: Record<string, string>): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-compose-'));
  try {
    const file = path.join(dir, 'test.env');
    fs.writeFileSync(file, Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n'));
    // A clean environment, so a variable set on this machine cannot fill a gap in the file.
    return run('docker-compose', ['-f', COMPOSE, '--env-file', file, 'config'], { env: { PATH: process.env.PATH } });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('docker-compose config accepts the file with every secret given', { skip }, () => {
  const r = composeConfig(ENV);
  assert.equal(r.status, 0, r.output);
  const cfg = parse(r.output) as { services: Record<string, Service> };
  assert.equal(cfg.services.serve!.deploy?.replicas, 2);
  assert.equal(cfg.services.serve!.environment!.DB_PASSWORD, 'db-pw', 'the secret comes from the environment file');
  assert.equal(cfg.services.redis!.environment!.REDIS_PASSWORD, 'redis-pw');
  assert.equal(cfg.services.gateway!.environment!.NGINX_SERVER_NAME, 'nilecare.test');
});

test('docker-compose config refuses to start without a secret, naming it', { skip }, () => {
  for (const missing of ['DB_PASSWORD', 'JWT_SECRET', 'PHI_ENCRYPTION_KEYS', 'REDIS_PASSWORD']) {
    const env = { ...ENV };
    delete env[missing];
    const r = composeConfig(env);
    assert.notEqual(r.status, 0, `config passed without ${missing}`);
    assert.match(r.output, new RegExp(`set ${missing}`));
  }
});

test('the production plan\'s services are there: gateway, serve ×2, worker, one-shot migrate, MySQL 8 or PostgreSQL, Redis, Prometheus, Grafana, Jaeger', () => {
  const s = raw.services;
  for (const name of ['gateway', 'serve', 'worker', 'migrate', 'mysql', 'postgres', 'redis', 'prometheus', 'grafana', 'jaeger']) assert.ok(s[name], `no ${name} service`);
  assert.deepEqual(s.gateway!.ports, ['80:80', '443:443']);
  assert.match(s.mysql!.image!, /^mysql:8/);
  assert.deepEqual(s.mysql!.profiles, ['mysql']);
  assert.deepEqual(s.postgres!.profiles, ['postgres']);
  assert.deepEqual(s.serve!.command, ['serve']);
  assert.deepEqual(s.worker!.command, ['worker']);
  assert.equal(s.migrate!.restart, 'no');
  assert.match(s.migrate!.command!.join(' '), /nilecare migrate up/);
  for (const role of ['serve', 'worker']) {
    assert.equal(s[role]!.depends_on?.migrate?.condition, 'service_completed_successfully', `${role} waits for the migration`);
    assert.equal(s[role]!.image, s.migrate!.image, 'one image for every role');
    assert.equal(s[role]!.read_only, true);
  }
  assert.match(s.redis!.command!.join(' '), /--requirepass "\$\$REDIS_PASSWORD"/);
  assert.ok(s.grafana!.volumes!.some((v) => v.startsWith('./grafana/provisioning:')), 'Grafana datasource and dashboards are provisioned');
});

test('no secret is written in compose.yaml: every password, secret, key or token is ${…} or a file', () => {
  const secretish = /PASSWORD|SECRET|_KEY|KEYS|TOKEN|DSN/;
  for (const [name, service] of Object.entries(raw.services)) {
    for (const [key, value] of Object.entries(service.environment ?? {})) {
      // A path names a file (a mounted key or certificate); the file itself is never in the repository.
      if (!secretish.test(key) || key.endsWith('_FILE') || String(value).startsWith('/')) continue;
      assert.match(String(value), /^\$\{[A-Z_]+(:[?-][^}]*)?\}$/, `${name}.${key} is a literal`);
    }
  }
});

test('mounted configuration files exist in the repository', () => {
  const operatorProvided = /^\$\{|^\.\/(tls|secrets|backups|letsencrypt)\b/;
  for (const [name, service] of Object.entries(raw.services)) {
    for (const volume of service.volumes ?? []) {
      const source = volume.split(':')[0]!;
      if (!source.startsWith('./') || operatorProvided.test(source)) continue;
      assert.ok(fs.existsSync(path.join(DEPLOY, source)), `${name} mounts ${source}, which does not exist`);
    }
  }
});

test('addresses agree: TRUST_PROXY is the gateway, METRICS_ALLOW is Prometheus, scrape ports are the roles\' ports', () => {
  const s = raw.services;
  const ip = (svc: Service) => (svc.networks as Record<string, { ipv4_address?: string }>).backend!.ipv4_address;
  assert.equal(s.serve!.environment!.TRUST_PROXY, ip(s.gateway!));
  assert.equal(s.serve!.environment!.METRICS_ALLOW, `${ip(s.prometheus!)}/32`);
  const prom = parse(fs.readFileSync(path.join(DEPLOY, 'prometheus/prometheus.yml'), 'utf8')) as {
    scrape_configs: { job_name: string; dns_sd_configs?: { names: string[]; port: number }[] }[];
  };
  const job = (n: string) => prom.scrape_configs.find((j) => j.job_name === n)!;
  assert.deepEqual(job('nilecare').dns_sd_configs![0]!.names, ['serve']);
  assert.equal(job('nilecare').dns_sd_configs![0]!.port, 3000);
  assert.deepEqual(job('nilecare-worker').dns_sd_configs![0]!.names, ['worker']);
  assert.equal(String(job('nilecare-worker').dns_sd_configs![0]!.port), s.worker!.environment!.WORKER_METRICS_PORT);
});
