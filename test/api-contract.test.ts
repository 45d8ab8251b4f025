// The OpenAPI document is a contract: Redocly's recommended rules pass with no error and no
// warning, the facts a client relies on hold, and a client generated from it (openapi-typescript +
// openapi-fetch), written the natural way, type-checks. Everything runs offline from node_modules.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { apiTypes, openApiDocument, SCHEMA_FILE } from '../scripts/api-types.ts';

const require = createRequire(import.meta.url);
const APP_URL = 'https://clinic.example.sd';

interface Response { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: Record<string, unknown> }> }
interface Operation {
  operationId?: string; summary?: string; security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, Response>;
}
interface Doc { servers: { url: string }[]; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> } }

let doc: Doc;
let dir: string;
const operations = () => Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => ({ path: p, method, op })));
const op = (operationId: string) => operations().find((o) => o.op.operationId === operationId)!.op;

before(async () => {
  doc = await openApiDocument({ APP_URL }) as unknown as Doc;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-contract-'));
  fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
});

test('Redocly (recommended rules) finds no error and no warning', () => {
  const cli = require.resolve('@redocly/cli/bin/cli.js');
  const run = spawnSync(process.execPath, [cli, 'lint', 'openapi.json', '--format=json', '--max-problems=1000'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }, timeout: 120_000,
  });
  const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
  const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
  assert.deepEqual(problems, []);
  assert.deepEqual(report.totals, { ...report.totals, errors: 0, warnings: 0 });
});

test('every operation has a unique camelCase operationId, a summary and real descriptions', () => {
  const ids = operations().map((o) => o.op.operationId);
  assert.ok(ids.length >= 50, `${ids.length} operations`);
  assert.equal(new Set(ids).size, ids.length, 'unique');
  for (const { path: p, method, op: o } of operations()) {
    assert.match(o.operationId ?? '', /^[a-z][A-Za-z]+$/, `${method} ${p}`);
    assert.ok(o.summary, `${o.operationId} has a summary`);
    for (const [status, r] of Object.entries(o.responses)) assert.notEqual(r.description, 'Default Response', `${o.operationId} ${status}`);
  }
});

test('every error response is problem+json with a code, and the common ones are declared everywhere', () => {
  for (const { op: o } of operations()) {
    assert.ok(o.responses['429'], `${o.operationId} may be rate limited`);
    for (const [status, r] of Object.entries(o.responses)) {
      if (status.startsWith('2')) continue;
      const schema = r.content?.['application/problem+json']?.schema;
      assert.ok(schema, `${o.operationId} ${status} is problem+json`);
      const resolved = (schema.$ref ? doc.components.schemas.Problem : schema) as { properties: Record<string, unknown>; required: string[] };
      assert.ok(resolved.properties.code && resolved.required.includes('code'), `${o.operationId} ${status} has a code`);
    }
  }
  assert.deepEqual(Object.keys(op('listPatients').responses).sort(), ['200', '400', '401', '403', '404', '429']);
  assert.deepEqual(Object.keys(op('signIn').responses).sort(), ['200', '400', '401', '413', '415', '429']);
  const duplicates = op('createPatient').responses['409']!.content!['application/problem+json']!.schema as { properties: Record<string, unknown> };
  assert.ok(duplicates.properties.candidates, 'the 409 of POST /patients shows its candidates');
});

test('defaults make query parameters optional; If-Match is required where 428 is; X-Facility-Id, ETag and the server URL are there', () => {
  const param = (o: Operation, name: string) => o.parameters?.find((p) => p.name === name);
  assert.equal(param(op('listPatients'), 'limit')?.required, false);
  assert.equal(param(op('listAuditEvents'), 'scope')?.required, false);
  assert.equal(param(op('listAppointments'), 'limit')?.required, false);
  assert.equal(param(op('updatePatient'), 'if-match')?.required, true);
  assert.ok(op('updatePatient').responses['428']);
  assert.ok(param(op('listPatients'), 'X-Facility-Id'));
  assert.equal(param(op('getMe'), 'X-Facility-Id'), undefined, 'not where no facility is involved');
  assert.ok(op('getPatient').responses['200']!.headers?.ETag);
  assert.deepEqual(doc.servers, [{ url: APP_URL }]);
});

test('src/web/api/schema.d.ts is what `npm run api:types` generates now', async () => {
  const current = await apiTypes(await openApiDocument());
  assert.ok(current === fs.readFileSync(SCHEMA_FILE, 'utf8'), 'the API changed: run `npm run api:types` and commit src/web/api/schema.d.ts');
});

// A client as its author would write it: sign in, search, register (handling the duplicates), book.
const CLIENT = `
import createClient from 'openapi-fetch';
import type { paths } from './schema.d.ts';

const api = createClient<paths>({ baseUrl: 'https://clinic.example.sd' });

export async function frontDesk(email: string, password: string): Promise<string> {
  const login = await api.POST('/api/v1/auth/login', { body: { email, password } });
  if (login.error) {
    if (login.error.code === 'mfa_required') return 'code needed: ' + (login.error.mfaToken ?? '');
    throw new Error(login.error.detail);
  }
  const headers = { Authorization: 'Bearer ' + login.data.accessToken };

  const found = await api.GET('/api/v1/patients', { params: { query: { q: 'Fatima' } }, headers });
  if (found.error) throw new Error(found.error.detail + ' ' + (found.error.errors ?? []).map((e) => e.field).join(', '));
  const names: string[] = found.data.items.map((p) => p.mrn + ' ' + (p.firstName ?? p.firstNameAr ?? ''));

  let created = await api.POST('/api/v1/patients', { body: { firstName: 'Fatima', lastName: 'Elamin', dateOfBirth: '1990-01-01', sex: 'female' }, headers });
  if (created.error?.code === 'duplicate_candidates') {
    const likely = created.error.candidates.map((c) => c.mrn + ' ' + c.name + ' (' + c.matchedOn.join(', ') + ')');
    names.push(...likely);
    created = await api.POST('/api/v1/patients', { body: { firstName: 'Fatima', lastName: 'Elamin', dateOfBirth: '1990-01-01', confirmNew: true }, headers });
  }
  if (created.error) throw new Error(created.error.detail);
  const patient = created.data;
  const version = created.response.headers.get('etag') ?? String(patient.version);

  const edited = await api.PATCH('/api/v1/patients/{id}', { params: { path: { id: patient.id }, header: { 'if-match': version } }, body: { phone: '0912345678' }, headers });
  if (edited.error?.code === 'version_conflict') names.push('reload: now ' + String(edited.error.currentVersion));

  const slots = await api.GET('/api/v1/providers/{id}/slots', { params: { path: { id: 'provider-id' }, query: { date: '2026-12-01' } }, headers });
  const first = slots.data?.slots[0];
  if (!first) return 'no free slot';
  const booked = await api.POST('/api/v1/appointments', { body: { patientId: patient.id, dateTime: first.start, type: 'consultation' }, headers });
  if (booked.error) return booked.error.code === 'slot_taken' ? 'taken: ' + booked.error.detail : booked.error.detail;
  const checkedIn = await api.POST('/api/v1/appointments/{id}/check-in', { params: { path: { id: booked.data.id } }, headers });
  await api.POST('/api/v1/auth/logout', { headers });
  return names.join('; ') + ' ' + booked.data.dateTime + ' ' + (checkedIn.data?.status ?? checkedIn.error?.code ?? '');
}
`;

test('a client generated from the document and written the natural way type-checks', async () => {
  fs.writeFileSync(path.join(dir, 'schema.d.ts'), await apiTypes(doc as unknown as Record<string, unknown>));
  fs.writeFileSync(path.join(dir, 'client.ts'), CLIENT);
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'es2024', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2024', 'dom'], strict: true, noEmit: true,
      allowImportingTsExtensions: true, noUncheckedIndexedAccess: true, skipLibCheck: false, types: [],
    },
    files: ['client.ts'],
  }));
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', timeout: 180_000 });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  fs.rmSync(dir, { recursive: true, force: true });
});
