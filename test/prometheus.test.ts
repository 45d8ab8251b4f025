// The monitoring configuration as Prometheus itself reads it: the alert rules load, their unit
// tests (deploy/prometheus/alerts.test.yml: each alert firing on trouble, quiet when healthy)
// pass, the scrape config and the blackbox module parse, and every dashboard query is valid PromQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { run, toolSkip } from './support/system-tool.ts';

const DIR = path.resolve(import.meta.dirname, '../deploy/prometheus');
const DASHBOARD = path.resolve(import.meta.dirname, '../deploy/grafana/dashboards/nilecare.json');
const skip = toolSkip('promtool', 'prometheus');

test('promtool check rules: alerts.yml loads', { skip }, () => {
  const r = run('promtool', ['check', 'rules', 'alerts.yml'], { cwd: DIR });
  assert.equal(r.status, 0, r.output);
});

test('promtool test rules: every alert fires on its synthetic trouble and stays quiet when healthy', { skip }, () => {
  const r = run('promtool', ['test', 'rules', 'alerts.test.yml'], { cwd: DIR });
  assert.equal(r.status, 0, r.output);
  // Each alert has a firing case in the unit tests, so a new alert cannot ship untested.
  const alerts = (parse(fs.readFileSync(path.join(DIR, 'alerts.yml'), 'utf8')) as { groups: { rules: { alert: string }[] }[] })
    .groups.flatMap((g) => g.rules.map((x) => x.alert));
  const cases = (parse(fs.readFileSync(path.join(DIR, 'alerts.test.yml'), 'utf8')) as { tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[] }).tests
    .flatMap((t) => t.alert_rule_test);
  for (const alert of alerts) {
    assert.ok(cases.some((c) => c.alertname === alert && c.exp_alerts.length > 0), `${alert} has no test where it fires`);
    assert.ok(cases.some((c) => c.alertname === alert && c.exp_alerts.length === 0), `${alert} has no test where it stays quiet`);
  }
});

test('promtool check config: the compose scrape configuration parses', { skip }, () => {
  const r = run('promtool', ['check', 'config', '--syntax-only', 'prometheus.yml'], { cwd: DIR });
  assert.equal(r.status, 0, r.output);
});

test('every Grafana dashboard query is valid PromQL (as recording rules, checked by promtool)', { skip }, () => {
  const dashboard = JSON.parse(fs.readFileSync(DASHBOARD, 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
  const rules = dashboard.panels.flatMap((p, i) => p.targets.map((t, j) => ({ record: `dashboard:panel_${i}_${j}`, expr: t.expr })));
  assert.ok(rules.length >= 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-dashboard-'));
  try {
    fs.writeFileSync(path.join(dir, 'dashboard.rules.yml'), stringify({ groups: [{ name: 'dashboard', rules }] }));
    const r = run('promtool', ['check', 'rules', 'dashboard.rules.yml'], { cwd: dir });
    assert.equal(r.status, 0, r.output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a broken rule is caught: promtool rejects bad PromQL (this check can fail)', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-rules-'));
  try {
    fs.writeFileSync(path.join(dir, 'bad.yml'), stringify({ groups: [{ name: 'x', rules: [{ alert: 'Bad', expr: 'sum(rate(http_requests_total[5m]) > ' }] }] }));
    assert.notEqual(run('promtool', ['check', 'rules', 'bad.yml'], { cwd: dir }).status, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the blackbox exporter accepts its module configuration', { skip: toolSkip('prometheus-blackbox-exporter', 'prometheus-blackbox-exporter') }, () => {
  const r = run('prometheus-blackbox-exporter', ['--config.check', `--config.file=${path.join(DIR, 'blackbox.yml')}`]);
  assert.equal(r.status, 0, r.output);
});
