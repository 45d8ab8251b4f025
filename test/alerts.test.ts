// The alert rules (deploy/prometheus) and the Grafana dashboard (deploy/grafana) must query
// metrics NileCare really exports — from the API's /metrics or the worker's — and routes it serves.
// Only the scrape-health and blackbox metrics Prometheus makes itself are allowed besides.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import pino from 'pino';
import { parse } from 'yaml';
import { startTestApp, type TestApp } from './support/app.ts';
import { createMetricsRegistry } from '../src/server/platform/http/metrics.ts';
import { outboxMetrics } from '../src/server/platform/outbox/outbox-metrics.ts';
import { auditChainCheck } from '../src/server/platform/audit/chain-monitor.ts';
import { notificationMetrics } from '../src/server/modules/notifications/index.ts';

const NOT_OURS = new Set(['up', 'probe_success', 'probe_ssl_earliest_cert_expiry']);
const KEYWORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'inf', 'nan']);

/** Metric names a PromQL expression reads: identifiers that are not functions, keywords or labels. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // strings
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // range and subquery durations
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ''); // label lists
  return [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)]
    .map((m) => m[1]!)
    .filter((n) => !KEYWORDS.has(n.toLowerCase()) && !/^\d/.test(n));
}

const alertExprs = (parse(fs.readFileSync(new URL('../deploy/prometheus/alerts.yml', import.meta.url), 'utf8')) as {
  groups: { rules: { alert: string; expr: string }[] }[];
}).groups.flatMap((g) => g.rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr })));
const dashboardExprs = (JSON.parse(fs.readFileSync(new URL('../deploy/grafana/dashboards/nilecare.json', import.meta.url), 'utf8')) as {
  panels: { title: string; targets: { expr: string }[] }[];
}).panels.flatMap((p) => p.targets.map((t) => ({ where: `panel "${p.title}"`, expr: t.expr })));

let t: TestApp;
let exported: string;
before(async () => {
  t = await startTestApp({ client: 'sqlite' });
  // What `nilecare worker` exports on WORKER_METRICS_PORT, built the way serve.ts builds it.
  const worker = createMetricsRegistry(t.db.poolStats);
  outboxMetrics(worker, t.db);
  auditChainCheck(t.db, worker, pino({ level: 'silent' }), 3_600_000);
  notificationMetrics(worker); // jobHandlers(rt, registry) makes these
  exported = (await t.app.inject({ method: 'GET', url: '/metrics' })).body + (await worker.metrics());
});
after(() => t.close());

function assertExported(name: string, where: string) {
  if (NOT_OURS.has(name)) return;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  const found = new RegExp(`^# TYPE ${name} `, 'm').test(exported) || new RegExp(`^# TYPE ${base} histogram`, 'm').test(exported);
  assert.ok(found, `${where} reads ${name}, which NileCare does not export`);
}

test('the name extractor finds metrics and skips functions, keywords and labels (it can fail)', () => {
  assert.deepEqual(metricNames('sum by (job, le) (rate(http_request_duration_seconds_bucket{route="/x"}[5m])) > 1'), ['http_request_duration_seconds_bucket']);
  assert.deepEqual(metricNames('absent(up{job="w"} == 1) and on(instance) foo_total offset 5m'), ['up', 'foo_total']);
  assert.throws(() => assertExported('mysql_global_status_threads_connected', 'test'), /does not export/);
});

test('every metric an alert rule reads is exported by the API or the worker', () => {
  const names = new Set(alertExprs.flatMap((a) => metricNames(a.expr).map((n) => ({ n, where: a.where }))).map((x) => `${x.n}\t${x.where}`));
  assert.ok(names.size >= 12, `expected the rules' metrics, found ${[...names].join(', ')}`);
  for (const entry of names) {
    const [name, where] = entry.split('\t') as [string, string];
    assertExported(name, where);
  }
});

test('every dashboard query reads exported metrics', () => {
  assert.ok(dashboardExprs.length >= 10);
  for (const { where, expr } of dashboardExprs) {
    const names = metricNames(expr);
    assert.ok(names.length > 0, `${where}: no metric in ${expr}`);
    for (const name of names) assertExported(name, where);
  }
});

test('every route a dashboard query filters on is a route the API serves', () => {
  const served = new Set(t.app.routeTable.map((r) => `${r.method} ${r.url}`));
  const routes = dashboardExprs.flatMap(({ where, expr }) => [...expr.matchAll(/\{([^}]*)\}/g)].map((m) => ({ where, matchers: m[1]! })))
    .flatMap(({ where, matchers }) => {
      const route = /route="([^"]+)"/.exec(matchers)?.[1];
      const method = /method="([^"]+)"/.exec(matchers)?.[1] ?? 'POST';
      return route ? [{ where, key: `${method} ${route}` }] : [];
    });
  assert.ok(routes.length >= 3, 'the sign-in and booking panels filter on routes');
  for (const { where, key } of routes) assert.ok(served.has(key), `${where} filters on ${key}, which the API does not serve`);
});
