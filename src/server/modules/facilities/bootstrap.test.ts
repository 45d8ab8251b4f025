// First start on an empty database, on every dialect: the configured admin, a generated one
// outside production, and nothing (but a warning) in production without admin variables.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { eachDialect, startTestEnv, TEST_SECRETS, type TestEnv } from '../../../../test/support/app.ts';
import type { Db } from '../../db/connect.ts';
import { ensureFirstAdmin, facilityCodeFrom, DEFAULT_ADMIN_EMAIL } from './bootstrap.ts';
import { verifyPassword } from '../auth/crypto/passwords.ts';

interface LogLine { level: number; msg: string; [key: string]: unknown }
const WARN = 40;

function capturingLogger(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => { lines.push(JSON.parse(s) as LogLine); } });
  return { log, lines };
}

async function everything(db: Db) {
  const [facilities, users, memberships] = await Promise.all([
    db.kysely.selectFrom('facilities').selectAll().execute(),
    db.kysely.selectFrom('users').selectAll().execute(),
    db.kysely.selectFrom('memberships').selectAll().execute(),
  ]);
  return { facilities, users, memberships };
}

// Secrets that pass the production checks (≥64 characters, no placeholders, distinct).
const PRODUCTION: Record<string, string> = {
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(64).toString('hex'),
  JWT_REFRESH_SECRET: randomBytes(64).toString('hex'),
  PHI_ENCRYPTION_KEYS: TEST_SECRETS.PHI_ENCRYPTION_KEYS!,
  PHI_INDEX_KEY: TEST_SECRETS.PHI_INDEX_KEY!,
  METRICS_TOKEN: randomBytes(32).toString('hex'),
};

test('facility codes come from the name, upper-case ASCII, 3 to 8 characters', () => {
  assert.equal(facilityCodeFrom('Khartoum Teaching Hospital'), 'KHARTOUM');
  assert.equal(facilityCodeFrom('Omdurman Clinic'), 'OMDURMAN');
  assert.equal(facilityCodeFrom('Al'), 'ALX');
  assert.equal(facilityCodeFrom('Clínica Médica'), 'CLINICAM');
  assert.equal(facilityCodeFrom('مستشفى الخرطوم'), 'FAC');
});

eachDialect((dialect) => {
  describe('with NILECARE_ADMIN_EMAIL and NILECARE_ADMIN_PASSWORD', () => {
    const password = 'Nile river 2026 — correct horse';
    let t: TestEnv;
    before(async () => {
      t = await startTestEnv(dialect, { NILECARE_ADMIN_EMAIL: 'Director@Clinic.SD', NILECARE_ADMIN_PASSWORD: password, NILECARE_FACILITY_NAME: 'Khartoum Teaching Hospital' });
    });
    after(() => t.close());

    test('creates one facility, one admin with an argon2id hash, and a super_admin membership', async () => {
      const { log, lines } = capturingLogger();
      await ensureFirstAdmin({ config: t.config, db: t.db, log });
      const { facilities, users, memberships } = await everything(t.db);

      assert.equal(facilities.length, 1);
      const f = facilities[0]!;
      assert.deepEqual([f.name, f.code, f.time_zone, f.status], ['Khartoum Teaching Hospital', 'KHARTOUM', 'Africa/Khartoum', 'active']);

      assert.equal(users.length, 1);
      const u = users[0]!;
      assert.equal(u.email, 'director@clinic.sd');
      assert.equal(u.status, 'active');
      assert.equal(Number(u.must_change_password), 0);
      assert.match(u.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      assert.deepEqual(await verifyPassword(u.password_hash, password), { ok: true, needsRehash: false });
      assert.equal((await verifyPassword(u.password_hash, 'not the password')).ok, false);

      assert.equal(memberships.length, 1);
      const m = memberships[0]!;
      assert.deepEqual([m.user_id, m.facility_id, m.role], [u.id, f.id, 'super_admin']);

      assert.ok(lines.some((l) => l.msg.includes('Created the first administrator')));
      assert.ok(!lines.some((l) => JSON.stringify(l).includes(password)), 'a configured password is never logged');
    });

    test('a second call creates nothing more', async () => {
      const first = await everything(t.db);
      const { log, lines } = capturingLogger();
      await ensureFirstAdmin({ config: t.config, db: t.db, log });
      assert.deepEqual(await everything(t.db), first);
      assert.deepEqual(lines, []);
    });
  });

  describe('without admin variables outside production', () => {
    let t: TestEnv;
    before(async () => { t = await startTestEnv(dialect, { APP_URL: 'https://clinic.example.sd' }); });
    after(() => t.close());

    test('creates admin@nilecare.local with a generated password, printed once on the console (not logged), to be changed', async () => {
      assert.equal(t.config.nodeEnv, 'test');
      const { log, lines } = capturingLogger();
      const printed: string[] = [];
      await ensureFirstAdmin({ config: t.config, db: t.db, log }, (text) => printed.push(text));
      const { facilities, users, memberships } = await everything(t.db);

      assert.deepEqual(facilities.map((f) => [f.name, f.code, f.time_zone]), [['Main Facility', 'MAINFACI', 'Africa/Khartoum']]);
      assert.equal(users.length, 1);
      const u = users[0]!;
      assert.equal(u.email, DEFAULT_ADMIN_EMAIL);
      assert.equal(Number(u.must_change_password), 1);
      assert.deepEqual(memberships.map((m) => [m.user_id, m.facility_id, m.role]), [[u.id, facilities[0]!.id, 'super_admin']]);

      assert.equal(printed.length, 1, 'one block on the console');
      const block = printed[0]!;
      assert.ok(block.includes('https://clinic.example.sd'), block);
      assert.ok(block.includes(DEFAULT_ADMIN_EMAIL), block);
      const generated = /Password: +(\S+)/.exec(block)?.[1];
      assert.ok(generated && generated.length >= 12, block);
      assert.doesNotMatch(block, /^\{/m, 'plain text, not a JSON log line');
      assert.match(u.password_hash, /^\$argon2id\$/);
      assert.equal((await verifyPassword(u.password_hash, generated)).ok, true, 'the printed password signs in');

      const announcement = lines.find((l) => l.msg.includes('Created the first administrator'));
      assert.equal(announcement?.level, WARN, JSON.stringify(lines));
      assert.ok(!JSON.stringify(lines).includes(generated), 'the password never goes into the log');

      const again = capturingLogger();
      const printedAgain: string[] = [];
      await ensureFirstAdmin({ config: t.config, db: t.db, log: again.log }, (text) => printedAgain.push(text));
      assert.deepEqual([again.lines, printedAgain], [[], []], 'the password is never shown again');
      assert.equal((await everything(t.db)).users.length, 1);
    });
  });

  describe('NILECARE_ADMIN_* set after the first start', () => {
    const password = 'Nile river 2026 — correct horse';
    let t: TestEnv;
    before(async () => {
      t = await startTestEnv(dialect, { NILECARE_ADMIN_EMAIL: 'director@clinic.sd', NILECARE_ADMIN_PASSWORD: password });
      await ensureFirstAdmin({ config: t.config, db: t.db, log: capturingLogger().log }, () => {});
    });
    after(() => t.close());

    const startWith = async (env: { email?: string; password?: string }) => {
      const { log, lines } = capturingLogger();
      const config = { ...t.config, bootstrap: { ...t.config.bootstrap, adminEmail: env.email, adminPassword: env.password } };
      const before = await everything(t.db);
      await ensureFirstAdmin({ config, db: t.db, log }, () => assert.fail('nothing is printed'));
      assert.deepEqual(await everything(t.db), before, 'nothing changes');
      return lines;
    };

    test('unchanged variables are quietly in place', async () => {
      assert.deepEqual(await startWith({ email: 'director@clinic.sd', password }), []);
      assert.deepEqual(await startWith({}), []);
    });

    test('a new password, or an email with no account, is ignored with a warning that says so and what to do', async () => {
      for (const env of [{ email: 'director@clinic.sd', password: 'A brand new password 2027' }, { email: 'someone.else@clinic.sd', password }, { password: 'A brand new password 2027' }]) {
        const lines = await startWith(env);
        assert.equal(lines.length, 1, JSON.stringify(lines));
        assert.equal(lines[0]!.level, WARN);
        assert.match(lines[0]!.msg, /NILECARE_ADMIN_/);
        assert.match(lines[0]!.msg, /ignored/);
        assert.match(lines[0]!.msg, /nilecare user reset-password/);
        assert.ok(!JSON.stringify(lines).includes('A brand new password'), 'no password in the log');
      }
      const [u] = (await everything(t.db)).users;
      assert.equal((await verifyPassword(u!.password_hash, password)).ok, true, 'the password did not change');
    });
  });

  describe('without admin variables in production', () => {
    let t: TestEnv;
    before(async () => { t = await startTestEnv(dialect, PRODUCTION); });
    after(() => t.close());

    test('creates nothing and says how to create the first administrator', async () => {
      assert.equal(t.config.nodeEnv, 'production');
      const { log, lines } = capturingLogger();
      await ensureFirstAdmin({ config: t.config, db: t.db, log });
      assert.deepEqual(await everything(t.db), { facilities: [], users: [], memberships: [] });
      assert.equal(lines.length, 1);
      assert.equal(lines[0]!.level, WARN);
      assert.match(lines[0]!.msg, /NILECARE_ADMIN_EMAIL/);
      assert.match(lines[0]!.msg, /NILECARE_ADMIN_PASSWORD/);
    });
  });
});
