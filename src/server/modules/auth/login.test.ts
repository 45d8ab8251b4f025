// Sign-in on every database: success, the indistinguishable failures, lock-out, legacy hashes, /me.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, type TestFacility } from '../../../../test/support/fixtures.ts';
import { hashBcrypt } from './crypto/passwords.ts';
import { ROLE_PERMISSIONS } from '../../platform/access/roles.ts';
import { PASSWORD, me, metric, post, problemOf, signIn } from './test-helpers.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let facility: TestFacility;
  before(async () => {
    t = await startTestApp(dialect);
    facility = await createFacility(t.db, { name: 'Omdurman Clinic' });
  });
  after(() => t.close());

  const user = (name = 'Amira Hassan') => createUser(t.db, [{ facilityId: facility.id, role: 'doctor' }], { name });
  const auditOf = (actorId: string | null, action: string) =>
    t.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action)
      .where((eb) => (actorId ? eb('actor_id', '=', actorId) : eb('actor_id', 'is', null))).orderBy('seq').execute();

  test('the right password signs in and returns tokens and the user, never the hash', async () => {
    const u = await user();
    const res = await post(t.app, '/auth/login', { email: u.email.toUpperCase(), password: PASSWORD });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.tokenType, 'Bearer');
    assert.equal(body.expiresIn, t.config.jwt.expirySeconds);
    assert.ok(body.accessToken && body.refreshToken);
    assert.equal(body.mfaEnrollmentRequired, false);
    assert.deepEqual(body.user, {
      id: u.id, email: u.email, name: 'Amira Hassan', mustChangePassword: false, mfaEnabled: false,
      memberships: [{ facilityId: facility.id, facilityName: 'Omdurman Clinic', role: 'doctor' }],
    });
    assert.doesNotMatch(res.body, /argon2|password_hash|passwordHash/);

    const row = await t.db.kysely.selectFrom('users').select('last_login_at').where('id', '=', u.id).executeTakeFirstOrThrow();
    assert.ok(row.last_login_at);
    const tokens = await t.db.kysely.selectFrom('refresh_tokens').selectAll().where('user_id', '=', u.id).execute();
    assert.equal(tokens.length, 1);
    assert.notEqual(tokens[0]!.token_hash, body.refreshToken, 'only a hash of the refresh token is stored');
    assert.equal((await auditOf(u.id, 'auth.login')).length, 1);
  });

  test('GET /auth/me returns the caller with memberships; without a token 401', async () => {
    const u = await user();
    const { accessToken } = await signIn(t.app, u.email);
    const res = await me(t.app, accessToken);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      id: u.id, email: u.email, name: 'Amira Hassan', mustChangePassword: false, mfaEnabled: false, mfaEnrollmentRequired: false,
      preferredLanguage: null, digits: null,
      memberships: [{
        facilityId: facility.id, facilityName: 'Omdurman Clinic', role: 'doctor', timeZone: 'Africa/Khartoum', lockAfterMinutes: 10,
        // The role's row of the one permission table (docs/access-control.md checks the same table).
        permissions: [...ROLE_PERMISSIONS.doctor],
      }],
    });
    problemOf(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }), 401, 'unauthorized');
  });

  test('wrong password, unknown email and disabled account answer exactly alike', async () => {
    const u = await user();
    const disabled = await user();
    await t.db.kysely.updateTable('users').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
    const before = await metric(t.app, /auth_login_failures_total\{reason="bad_credentials"\}/);

    const attempts = [
      { email: u.email, password: 'Not-The-Password-1' },
      { email: 'nobody-here@test.nilecare.local', password: PASSWORD },
      { email: disabled.email, password: PASSWORD },
    ];
    const answers = [];
    for (const attempt of attempts) {
      const res = await post(t.app, '/auth/login', attempt);
      const { requestId, ...body } = problemOf(res, 401, 'invalid_credentials');
      assert.ok(requestId);
      answers.push({ body, headers: Object.keys(res.headers).filter((h) => !['x-request-id', 'date', 'content-length'].includes(h)).sort() });
    }
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
    assert.equal(await metric(t.app, /auth_login_failures_total\{reason="bad_credentials"\}/), before + 3);

    const [failure] = await auditOf(u.id, 'auth.login');
    assert.equal(failure!.outcome, 'failure');
    assert.equal(JSON.parse(failure!.details!).reason, 'wrong_password');
    const [disabledFailure] = await auditOf(disabled.id, 'auth.login');
    assert.equal(JSON.parse(disabledFailure!.details!).reason, 'user_disabled');
    const unknown = (await auditOf(null, 'auth.login')).map((e) => e.details!).filter((d) => d.includes('nobody-here'));
    assert.equal(unknown.length, 1);
    assert.equal(JSON.parse(unknown[0]!).reason, 'unknown_email');
    const all = await t.db.kysely.selectFrom('audit_events').select('details').execute();
    assert.ok(!all.some((e) => e.details?.includes('Not-The-Password-1') || e.details?.includes(PASSWORD)), 'no password in the audit trail');
  });

  test('five failures lock the account: even the right password then gets 429 with Retry-After', async () => {
    const u = await user();
    for (let i = 0; i < 5; i++) problemOf(await post(t.app, '/auth/login', { email: u.email, password: `Wrong-password-${i}` }), 401, 'invalid_credentials');
    const locked = await post(t.app, '/auth/login', { email: u.email, password: PASSWORD });
    problemOf(locked, 429, 'too_many_requests');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    assert.ok(await metric(t.app, /auth_login_failures_total\{reason="locked"\}/) >= 1);
  });

  test('a legacy bcrypt user signs in and the hash is replaced with argon2id', async () => {
    const u = await user();
    await t.db.kysely.updateTable('users').set({ password_hash: await hashBcrypt(PASSWORD, 10) }).where('id', '=', u.id).execute();
    await signIn(t.app, u.email);
    const row = await t.db.kysely.selectFrom('users').select('password_hash').where('id', '=', u.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
    await signIn(t.app, u.email);
    problemOf(await post(t.app, '/auth/login', { email: u.email, password: 'Not-The-Password-1' }), 401, 'invalid_credentials');
  });

  test('malformed input is a 400 naming the field', async () => {
    const res = await post(t.app, '/auth/login', { email: 'a@b.sd' });
    const body = problemOf(res, 400, 'validation_failed');
    assert.deepEqual((body.errors as { field: string }[]).map((e) => e.field), ['body.password']);
    const extra = problemOf(await post(t.app, '/auth/login', { email: 'a@b.sd', password: 'x', admin: true }), 400, 'validation_failed');
    assert.deepEqual((extra.errors as { field: string }[]).map((e) => e.field), ['body.admin']);
  });
});
