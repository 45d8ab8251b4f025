// The alert rules shipped in deploy/prometheus must query metrics NileCare really exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parse } from 'yaml';
import { startTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
before(async () => { t = await startTestApp({ client: 'sqlite' }); });
after(() => t.close());

test('every NileCare metric an alert rule names is exported by /metrics', async () => {
  const rules = parse(fs.readFileSync(new URL('../deploy/prometheus/alerts.yml', import.meta.url), 'utf8')) as {
    groups: { rules: { alert: string; expr: string }[] }[];
  };
  const exported = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
  const ours = /\b((?:http|db_pool|auth)_[a-z_]+)/g;
  const names = new Set(rules.groups.flatMap((g) => g.rules.flatMap((r) => [...r.expr.matchAll(ours)].map((m) => m[1]!.replace(/_bucket$/, '')))));
  assert.ok(names.size >= 6, `expected the spec's metric names, found ${[...names].join(', ')}`);
  for (const name of names) assert.match(exported, new RegExp(`^# TYPE ${name} `, 'm'), `${name} is not exported`);
});
