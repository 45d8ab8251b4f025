// Rotating the PHI encryption key and the blind-index key with `nilecare keys rotate`, on every
// database: search keeps finding patients by national ID while the index is rebuilt, a rotation
// killed midway and run again ends with every value on the new keys, none lost or encrypted twice,
// and `nilecare keys status` says what is left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestApp, TEST_SECRETS, type TestApp } from './support/app.ts';
import { openDesk, registered, type Desk } from './support/patients.ts';
import { createUser } from './support/fixtures.ts';
import { runCli } from './support/cli.ts';
import { parseConfig } from '../src/server/config.ts';
import { buildApp } from '../src/server/app.ts';
import { blindIndex, decryptField } from '../src/server/platform/field-crypto.ts';
import { keyIdOf } from '../src/server/platform/keys/encrypted-field.ts';
import { sealSecret, secretContext } from '../src/server/modules/auth/second-factor.ts';

const OLD = { key: TEST_SECRETS.PHI_ENCRYPTION_KEYS!.split(':')[1]!, index: TEST_SECRETS.PHI_INDEX_KEY! };
const NEW = { key: randomBytes(32).toString('base64'), index: randomBytes(32).toString('base64') };
const ROTATING = { PHI_ENCRYPTION_KEYS: `k2:${NEW.key},t1:${OLD.key}`, PHI_INDEX_KEY: NEW.index, PHI_INDEX_KEY_PREVIOUS: OLD.index };
const FINAL = { PHI_ENCRYPTION_KEYS: `k2:${NEW.key}`, PHI_INDEX_KEY: NEW.index };
const context = (id: string) => `patients.national_id:${id}`;

eachDialect((dialect) => {
  let t: TestApp;
  let desk: Desk;
  const known = new Map<string, string>(); // patient id → national ID, read before any rotation
  let mfaUser = '';
  const envOf = (extra: Record<string, string>) => ({ ...TEST_SECRETS, ...t.database.env, ...extra });
  const appWith = async (extra: Record<string, string>): Promise<FastifyInstance> => {
    const app = await buildApp({ config: parseConfig({ NODE_ENV: 'test', ...envOf(extra), RATE_LIMIT_MAX: '1000000' }), db: t.db });
    await app.ready();
    return app;
  };
  const rows = () => t.db.kysely.selectFrom('patients').select(['id', 'national_id_enc', 'national_id_index']).where('national_id_enc', 'is not', null).execute();

  before(async () => {
    t = await startTestApp(dialect);
    desk = await openDesk(t.app);
    await registered(t.app, desk, { firstName: 'Amna', lastName: 'Osman', dateOfBirth: '1990-01-01', nationalId: '12345678901' });
    const code = (await t.db.kysely.selectFrom('facilities').select('code').where('id', '=', desk.facility.id).executeTakeFirstOrThrow()).code;
    const seeded = await runCli(['seed', '--patients', '80', '--appointments', '0', '--facility', code], envOf({}));
    assert.equal(seeded.code, 0, seeded.stderr);
    const ring = { keys: { t1: Buffer.from(OLD.key, 'base64') }, activeKeyId: 't1' };
    for (const r of await rows()) known.set(r.id, decryptField(r.national_id_enc!, ring, context(r.id)));
    assert.ok(known.size > 50, `${known.size} patients with a national ID`);
    mfaUser = (await createUser(t.db, [{ facilityId: desk.facility.id, role: 'doctor' }])).id;
    await t.db.kysely.updateTable('users').set({ mfa_secret: sealSecret(t.config, mfaUser, 'JBSWY3DPEHPK3PXP') }).where('id', '=', mfaUser).execute();
  });
  after(() => t.close());

  test('with the new keys configured, search by national ID and the duplicate check still find not-yet-rotated patients', async () => {
    const app = await appWith(ROTATING);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/patients?q=12345678901', headers: desk.headers });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().items.length, 1, 'found through PHI_INDEX_KEY_PREVIOUS');
      const dup = await app.inject({ method: 'POST', url: '/api/v1/patients', headers: desk.headers, payload: { firstName: 'Other', lastName: 'Person', dateOfBirth: '1970-01-01', nationalId: '12345678901' } });
      assert.equal(dup.statusCode, 409, dup.body);
      assert.deepEqual(dup.json().candidates[0].matchedOn, ['nationalId']);
    } finally {
      await app.close();
    }
  });

  test('keys status counts what is left on the old keys', async () => {
    const r = await runCli(['keys', 'status'], envOf(ROTATING));
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, new RegExp(`patients.national_id_enc: ${known.size} value\\(s\\) — t1: ${known.size}; ${known.size} index entries not under PHI_INDEX_KEY`));
    assert.match(r.stdout, /users.mfa_secret: 1 value\(s\) — t1: 1/);
  });

  test('a rotation killed midway and run again ends with everything on the new keys, nothing lost or doubly encrypted', async () => {
    // Small batches with a pause, so the process is surely killed between two of them.
    const child = spawn(path.resolve(import.meta.dirname, '../bin/nilecare'), ['keys', 'rotate', '--batch-size', '7', '--pause-ms', '400'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', ...envOf(ROTATING) }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress: ${out}`)), 60_000);
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        if (/national_id_enc: 14 scanned/.test(out)) { clearTimeout(timer); child.kill('SIGKILL'); resolve(); }
      });
    });
    await new Promise((resolve) => child.once('close', resolve));
    const midway = await rows();
    const onNew = midway.filter((r) => keyIdOf(r.national_id_enc!) === 'k2').length;
    assert.ok(onNew > 0 && onNew < known.size, `killed midway: ${onNew} of ${known.size} rotated`);

    const again = await runCli(['keys', 'rotate', '--batch-size', '7'], envOf(ROTATING));
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /All values on key k2 and all indexes under PHI_INDEX_KEY/);

    // Only the new key and index key from here: every value decrypts to exactly what it was.
    const ring = { keys: { k2: Buffer.from(NEW.key, 'base64') }, activeKeyId: 'k2' };
    const after = await rows();
    assert.equal(after.length, known.size);
    for (const r of after) {
      assert.equal(decryptField(r.national_id_enc!, ring, context(r.id)), known.get(r.id));
      assert.equal(r.national_id_index, blindIndex(Buffer.from(NEW.index, 'base64'), 'national_id', known.get(r.id)!));
    }
    const user = await t.db.kysely.selectFrom('users').select('mfa_secret').where('id', '=', mfaUser).executeTakeFirstOrThrow();
    assert.equal(decryptField(user.mfa_secret!, ring, secretContext(mfaUser)), 'JBSWY3DPEHPK3PXP');

    const status = await runCli(['keys', 'status'], envOf(FINAL));
    assert.equal(status.code, 0, status.stdout);
    const audit = await runCli(['audit', 'verify'], envOf(FINAL));
    assert.equal(audit.code, 0, audit.stdout);
    const events = await t.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'keys.rotate').execute();
    assert.equal(events.length, 1, 'the completed pass is audited');
  });

  test('after the rotation, with the old keys removed, the API reads and finds patients as before', async () => {
    const app = await appWith(FINAL);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/patients?q=12345678901', headers: desk.headers });
      assert.equal(res.statusCode, 200, res.body);
      const [hit] = res.json().items;
      const one = await app.inject({ method: 'GET', url: `/api/v1/patients/${hit.id}`, headers: desk.headers });
      assert.equal(one.json().nationalId, '12345678901');
    } finally {
      await app.close();
    }
  });
});
