// `nilecare user reset-password EMAIL`, run as an operator runs it (a child process) against each
// database, while an API instance serves the same database: it prints a temporary password, the
// user must change it, every session of theirs ends, and the reset is audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { eachDialect, startTestApp, TEST_SECRETS, type TestApp } from './support/app.ts';
import { buildApp } from '../src/server/app.ts';
import { createFacility, createUser, type TestUser } from './support/fixtures.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/nilecare');

function nilecare(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(BIN, args, {
    cwd: path.dirname(BIN), // no .env is read: bin/ holds none
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', LOG_LEVEL: 'error', ...TEST_SECRETS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
  child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); }));
}

eachDialect((dialect) => {
  let t: TestApp;
  let admin: TestUser;
  before(async () => {
    t = await startTestApp(dialect);
    const facility = await createFacility(t.db);
    admin = await createUser(t.db, [{ facilityId: facility.id, role: 'super_admin' }], { email: 'locked.out@clinic.sd', name: 'Locked Out' });
  });
  after(() => t.close());

  const inject = (method: 'GET' | 'POST', url: string, payload?: object, token?: string) =>
    t.app.inject({ method, url: `/api/v1${url}`, ...(payload && { payload }), headers: token ? { authorization: `Bearer ${token}` } : {} });

  test('prints a temporary password that must be changed, ends every session, and is audited', async () => {
    const login = await inject('POST', '/auth/login', { email: admin.email, password: admin.password });
    assert.equal(login.statusCode, 200, login.body);
    const old = login.json();
    assert.equal((await inject('GET', '/auth/me', undefined, old.accessToken)).statusCode, 200);

    const r = await nilecare(['user', 'reset-password', 'Locked.Out@clinic.sd'], t.database.env);
    assert.equal(r.code, 0, r.stderr);
    const password = /Password: +(\S+)/.exec(r.stdout)?.[1];
    assert.ok(password && password.length >= 12, r.stdout);
    assert.match(r.stdout, /locked\.out@clinic\.sd/);

    // Refresh tokens are checked in the database at once; access tokens within the session-state
    // TTL on every instance — a fresh instance shows what each one sees by then.
    const other = await buildApp({ config: t.config, db: t.db });
    try {
      const me = await other.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${old.accessToken}` } });
      assert.equal(me.statusCode, 401, me.body);
    } finally {
      await other.close();
    }
    assert.equal((await inject('POST', '/auth/refresh', { refreshToken: old.refreshToken })).statusCode, 401);
    assert.equal((await inject('POST', '/auth/login', { email: admin.email, password: admin.password })).statusCode, 401);

    const fresh = await inject('POST', '/auth/login', { email: admin.email, password });
    assert.equal(fresh.statusCode, 200, fresh.body);
    assert.equal(fresh.json().user.mustChangePassword, true);
    assert.equal((await inject('GET', '/facilities', undefined, fresh.json().accessToken)).json().code, 'password_change_required');

    const events = await t.db.kysely.selectFrom('audit_events').select(['action', 'actor_id', 'target_id', 'details']).where('action', '=', 'user.password_reset').execute();
    assert.equal(events.length, 1);
    assert.deepEqual([events[0]!.actor_id, events[0]!.target_id], [null, admin.id]);
    assert.equal(JSON.parse(events[0]!.details!).via, 'cli');
    assert.ok(!JSON.stringify(events).includes(password), 'the password is not in the audit trail');
  });

  test('an unknown email exits 1 and changes nothing; no email exits 2 with the usage', async () => {
    const before = await t.db.kysely.selectFrom('users').select(['id', 'password_hash', 'token_version']).orderBy('id').execute();
    const unknown = await nilecare(['user', 'reset-password', 'nobody@clinic.sd'], t.database.env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no account with the email nobody@clinic\.sd/);
    assert.doesNotMatch(unknown.stdout, /Password:/);
    const usage = await nilecare(['user', 'reset-password'], t.database.env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /usage: nilecare user reset-password EMAIL/);
    assert.deepEqual(await t.db.kysely.selectFrom('users').select(['id', 'password_hash', 'token_version']).orderBy('id').execute(), before);
  });
});
