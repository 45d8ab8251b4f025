// .github/workflows/ci.yml cannot run here; this keeps it honest: valid YAML, the plan's stages
// in order, the three databases as services, only npm scripts and files that exist, and the
// same checks as .ci/run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..');
interface Step { run?: string; uses?: string; 'working-directory'?: string }
interface Job { needs?: string | string[]; services?: Record<string, { image: string }>; env?: Record<string, string>; steps: Step[]; environment?: string }
const workflow = parse(fs.readFileSync(path.join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as { on: unknown; jobs: Record<string, Job> };
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const runs = (job: string) => workflow.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
const allRuns = Object.keys(workflow.jobs).map(runs).join('\n');

test('the plan\'s stages, each after the one before: test → image → deploy → verify → notify', () => {
  const needs = (job: string) => [workflow.jobs[job]!.needs ?? []].flat();
  assert.deepEqual(needs('image'), ['test']);
  assert.deepEqual(needs('deploy'), ['image']);
  assert.deepEqual(needs('verify'), ['deploy']);
  assert.deepEqual(needs('notify').sort(), ['deploy', 'image', 'test', 'verify']);
  assert.equal(workflow.jobs.deploy!.environment, 'production', 'deploys wait for the production environment\'s approval');
});

test('tests run on PostgreSQL, MySQL 8 and Redis service containers, with audit and lint', () => {
  const job = workflow.jobs.test!;
  assert.match(job.services!.postgres!.image, /^postgres:/);
  assert.match(job.services!.mysql!.image, /^mysql:8/);
  assert.match(job.services!.redis!.image, /^redis:/);
  for (const v of ['TEST_POSTGRES_URL', 'TEST_MYSQL_URL', 'TEST_REDIS_URL', 'CI']) assert.ok(job.env?.[v], `${v} is set`);
  assert.match(runs('test'), /npm audit --omit=dev/);
});

test('every npm script the workflow runs exists in package.json', () => {
  const used = [...allRuns.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
  assert.ok(used.includes('test:smoke') && used.includes('lint') && used.includes('typecheck'));
  for (const name of used) assert.ok(scripts[name], `npm run ${name}: no such script`);
});

test('the workflow runs every check .ci/run runs', () => {
  const ci = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
  const checks = [...ci.matchAll(/^\s*(?:\S+=\S+\s+)*(npm (?:ci|test|run [\w:-]+)|npm audit[^\n]*)/gm)].map((m) => m[1]!.trim());
  assert.ok(checks.length >= 4, `found ${checks.join(', ')}`);
  for (const check of checks) assert.ok(allRuns.includes(check.split(' --')[0]!), `.ci/run runs "${check}", the workflow does not`);
});

test('the files it builds and deploys exist; the image is tagged with the commit', () => {
  assert.match(runs('image'), /docker build -f deploy\/Dockerfile /);
  assert.ok(fs.existsSync(path.join(ROOT, 'deploy/Dockerfile')));
  assert.match(allRuns, /GITHUB_SHA/);
  for (const dir of [...allRuns.matchAll(/apply -k (\S+)/g)].map((m) => m[1]!)) assert.ok(fs.existsSync(path.join(ROOT, dir, 'kustomization.yaml')), `${dir} is not a kustomization`);
  for (const step of Object.values(workflow.jobs).flatMap((j) => j.steps)) {
    if (step['working-directory']) assert.ok(fs.existsSync(path.join(ROOT, step['working-directory'])), `${step['working-directory']} does not exist`);
  }
});
