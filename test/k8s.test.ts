// deploy/k8s: every object of the base and of each overlay (rendered by `kubectl kustomize`) is
// valid against the Kubernetes API schemas (kubernetes-models), and the objects fit together:
// selectors match pod labels, probes and ports point at what NileCare serves, the Secret is only
// referenced, and the ConfigMap plus the documented Secret keys make a valid production config.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { parseConfig } from '../src/server/config.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { run, toolSkip } from './support/system-tool.ts';

const K8S = path.resolve(import.meta.dirname, '../deploy/k8s');
const OPERATIONS = path.resolve(import.meta.dirname, '../docs/operations.md');
const kubectlSkip = toolSkip('kubectl', 'kubectl');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are free-form YAML
type Obj = Record<string, any>;
type Labels = Record<string, string>;

function baseObjects(): Obj[] {
  const k = parse(fs.readFileSync(path.join(K8S, 'base/kustomization.yaml'), 'utf8')) as { resources: string[] };
  return k.resources.flatMap((file) => parseAllDocuments(fs.readFileSync(path.join(K8S, 'base', file), 'utf8')).map((d) => d.toJS() as Obj));
}

function rendered(overlay: string): Obj[] {
  const r = run('kubectl', ['kustomize', path.join(K8S, 'overlays', overlay)]);
  assert.equal(r.status, 0, r.output);
  return parseAllDocuments(r.output).map((d) => d.toJS() as Obj);
}

async function validate(obj: Obj): Promise<void> {
  const where = `${obj.kind}/${obj.metadata?.name}`;
  const mod = (await import(`kubernetes-models/${obj.apiVersion}/${obj.kind}`).catch(() => undefined)) as Record<string, new (o: Obj) => { validate(): void }> | undefined;
  assert.ok(mod?.[obj.kind], `${where}: no schema for ${obj.apiVersion} ${obj.kind}`);
  try {
    new mod[obj.kind]!(obj).validate();
  } catch (err) {
    assert.fail(`${where} is not a valid ${obj.apiVersion} ${obj.kind}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const matches = (selector: Labels, labels: Labels | undefined) => Object.entries(selector).every(([k, v]) => labels?.[k] === v);
const byKind = (objs: Obj[], kind: string) => objs.filter((o) => o.kind === kind);
const one = (objs: Obj[], kind: string, name: string) => {
  const found = objs.find((o) => o.kind === kind && o.metadata.name === name);
  assert.ok(found, `no ${kind}/${name}`);
  return found;
};
const podTemplates = (objs: Obj[]) => objs.filter((o) => ['Deployment', 'Job'].includes(o.kind)).map((o) => ({ owner: o, pod: o.spec.template }));

/** The keys docs/operations.md tells operators to put in the Secret nilecare-secrets. */
function documentedSecretKeys(): string[] {
  const doc = fs.readFileSync(OPERATIONS, 'utf8');
  const command = /kubectl[^\n]*create secret generic nilecare-secrets(?:[^\n]*\\\n)*[^\n]*/.exec(doc)?.[0];
  assert.ok(command, 'docs/operations.md shows the `kubectl create secret generic nilecare-secrets` command');
  return [...command.matchAll(/--from-(?:literal|file)=([A-Z_]+)=/g)].map((m) => m[1]!);
}

const sample: Record<string, () => string> = {
  JWT_SECRET: () => randomBytes(40).toString('hex'),
  JWT_REFRESH_SECRET: () => randomBytes(40).toString('hex'),
  PHI_ENCRYPTION_KEYS: () => `k1:${randomBytes(32).toString('base64')}`,
  PHI_INDEX_KEY: () => randomBytes(32).toString('base64'),
};

/** Everything that must hold for one rendered set of objects. */
function checkReferences(objs: Obj[]): void {
  assert.equal(byKind(objs, 'Secret').length, 0, 'no Secret is embedded in the manifests');
  for (const { owner, pod } of podTemplates(objs)) {
    const where = `${owner.kind}/${owner.metadata.name}`;
    if (owner.kind === 'Deployment') assert.ok(matches(owner.spec.selector.matchLabels, pod.metadata.labels), `${where}: selector does not match its pod labels`);
    const spec = pod.spec;
    assert.equal(spec.securityContext?.runAsNonRoot, true, `${where}: runAsNonRoot`);
    assert.equal(spec.securityContext?.runAsUser, 10001, `${where}: the image's uid`);
    for (const c of spec.containers as Obj[]) {
      assert.equal(c.securityContext?.readOnlyRootFilesystem, true, `${where}/${c.name}: read-only root filesystem`);
      assert.equal(c.securityContext?.allowPrivilegeEscalation, false, `${where}/${c.name}: no privilege escalation`);
      assert.ok(c.resources?.requests?.memory && c.resources?.limits?.memory, `${where}/${c.name}: memory request and limit`);
      assert.match(c.image, /(^|\/)nilecare(:|$)/, `${where}/${c.name}: the NileCare image`);
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) one(objs, 'ConfigMap', from.configMapRef.name);
        if (from.secretRef) assert.equal(from.secretRef.name, 'nilecare-secrets', `${where}: the documented Secret`);
      }
      const ports = new Map((c.ports ?? []).map((p: Obj) => [p.name, p.containerPort]));
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
        if (!c[probe]) continue;
        assert.ok(ports.has(c[probe].httpGet.port), `${where}/${c.name}: ${probe} port ${c[probe].httpGet.port} is not a named container port`);
      }
    }
  }
  for (const svc of byKind(objs, 'Service')) {
    const targets = podTemplates(objs).filter(({ pod }) => matches(svc.spec.selector, pod.metadata.labels));
    assert.ok(targets.length > 0, `Service/${svc.metadata.name} selects no pods`);
    for (const port of svc.spec.ports) {
      assert.ok(targets.some(({ pod }) => pod.spec.containers.some((c: Obj) => c.ports?.some((p: Obj) => p.name === port.targetPort))), `Service/${svc.metadata.name}: no pod port named ${port.targetPort}`);
    }
  }
  for (const pdb of byKind(objs, 'PodDisruptionBudget')) {
    assert.ok(podTemplates(objs).some(({ owner, pod }) => owner.kind === 'Deployment' && matches(pdb.spec.selector.matchLabels, pod.metadata.labels)), `PodDisruptionBudget/${pdb.metadata.name} selects no pods`);
  }
  for (const hpa of byKind(objs, 'HorizontalPodAutoscaler')) {
    const target = one(objs, hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name);
    assert.equal(target.spec.replicas, undefined, `${target.metadata.name} sets replicas, which would fight its autoscaler`);
    assert.ok(hpa.spec.minReplicas >= 2, 'at least two API pods');
  }
  for (const ing of byKind(objs, 'Ingress')) {
    assert.ok(ing.spec.tls?.length, `Ingress/${ing.metadata.name} has TLS`);
    for (const rule of ing.spec.rules) {
      assert.ok(ing.spec.tls.some((t: Obj) => t.hosts.includes(rule.host)), `Ingress/${ing.metadata.name}: ${rule.host} is not in its TLS hosts`);
      for (const p of rule.http.paths) {
        const svc = one(objs, 'Service', p.backend.service.name);
        assert.ok(svc.spec.ports.some((sp: Obj) => sp.name === p.backend.service.port.name), `Ingress/${ing.metadata.name}: Service ${svc.metadata.name} has no port ${p.backend.service.port.name}`);
      }
    }
  }
  for (const np of byKind(objs, 'NetworkPolicy')) {
    const selected = podTemplates(objs).filter(({ pod }) => matches(np.spec.podSelector.matchLabels, pod.metadata.labels));
    assert.ok(selected.length > 0, `NetworkPolicy/${np.metadata.name} selects no pods`);
    for (const rule of np.spec.ingress ?? []) {
      for (const port of rule.ports ?? []) {
        assert.ok(selected.some(({ pod }) => pod.spec.containers.some((c: Obj) => c.ports?.some((p: Obj) => p.containerPort === port.port))), `NetworkPolicy/${np.metadata.name} opens ${port.port}, which no selected pod listens on`);
      }
    }
  }
  // The ConfigMap holds no secret, and with the documented Secret keys it is a complete production config.
  const config = one(objs, 'ConfigMap', 'nilecare-config').data as Record<string, string>;
  for (const key of Object.keys(config)) assert.doesNotMatch(key, /PASSWORD|SECRET|_KEY|TOKEN/, `ConfigMap holds ${key}, a secret`);
  const secrets = Object.fromEntries(documentedSecretKeys().map((k) => [k, (sample[k] ?? (() => randomBytes(16).toString('hex')))()]));
  const parsed = parseConfig({ ...config, ...secrets });
  assert.equal(parsed.nodeEnv, 'production');
  const worker = one(objs, 'Deployment', 'nilecare-worker').spec.template.spec.containers[0];
  assert.equal(String(worker.ports.find((p: Obj) => p.name === 'metrics').containerPort), config.WORKER_METRICS_PORT, 'the worker listens where WORKER_METRICS_PORT says');
  assert.equal(String(one(objs, 'Deployment', 'nilecare-api').spec.template.spec.containers[0].ports[0].containerPort), config.PORT ?? '3000');
  const job = one(objs, 'Job', 'nilecare-migrate');
  assert.deepEqual(job.spec.template.spec.containers[0].args, ['migrate', 'up']);
}

let t: TestApp;
before(async () => { t = await startTestApp({ client: 'sqlite' }); });
after(() => t.close());

test('every base object is valid against the Kubernetes API schemas (a broken one is caught)', async () => {
  const objs = baseObjects();
  assert.ok(objs.length >= 10);
  for (const obj of objs) await validate(obj);
  const broken = structuredClone(one(objs, 'Deployment', 'nilecare-api'));
  broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
  await assert.rejects(validate(broken), /must be integer/);
});

test('base: the serve Deployment has its probes, PDB, HPA; worker, Job, Service, Ingress, NetworkPolicy fit together', () => {
  const objs = baseObjects();
  const kinds = new Set(objs.map((o) => o.kind));
  for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'Job', 'Ingress', 'NetworkPolicy', 'ConfigMap']) assert.ok(kinds.has(kind), `no ${kind}`);
  const api = one(objs, 'Deployment', 'nilecare-api').spec.template.spec.containers[0];
  assert.equal(api.readinessProbe.httpGet.path, '/health/ready');
  assert.equal(api.livenessProbe.httpGet.path, '/health');
  assert.deepEqual(api.args, ['serve']);
  assert.deepEqual(one(objs, 'Deployment', 'nilecare-worker').spec.template.spec.containers[0].args, ['worker']);
  checkReferences(objs);
});

test('every probe path answers 200 on a running NileCare', async () => {
  const paths = new Set(podTemplates(baseObjects()).flatMap(({ pod }) => pod.spec.containers.flatMap((c: Obj) => ['readinessProbe', 'livenessProbe', 'startupProbe'].filter((p) => c[p]).map((p) => c[p].httpGet.path as string))));
  assert.deepEqual([...paths].sort(), ['/health', '/health/ready']);
  for (const url of paths) assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 200, url);
});

for (const overlay of ['staging', 'production']) {
  test(`overlay ${overlay}: kubectl kustomize renders valid objects that fit together`, { skip: kubectlSkip }, async () => {
    const objs = rendered(overlay);
    for (const obj of objs) await validate(obj);
    const namespaces = new Set(objs.map((o) => o.metadata.namespace));
    assert.deepEqual([...namespaces], [overlay === 'production' ? 'nilecare' : 'nilecare-staging']);
    checkReferences(objs);
  });
}
