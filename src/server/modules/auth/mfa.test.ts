// Two-step sign-in on every database: enrol → confirm → sign-in asks for a code → TOTP or a
// recovery code completes it, each exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, type TestFacility } from '../../../../test/support/fixtures.ts';
import { PASSWORD, lastTotp, me, metric, nextTotp, post, problemOf, signIn } from './test-helpers.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let facility: TestFacility;
  before(async () => {
    t = await startTestApp(dialect);
    facility = await createFacility(t.db);
  });
  after(() => t.close());

  /** A user who has set up an authenticator app, through the API. */
  async function enrolled() {
    const u = await createUser(t.db, [{ facilityId: facility.id, role: 'doctor' }]);
    const { accessToken } = await signIn(t.app, u.email);
    const enrol = await post(t.app, '/auth/mfa/enroll', { password: PASSWORD }, accessToken);
    assert.equal(enrol.statusCode, 200, enrol.body);
    const { secret, otpauthUri, qrSvg } = enrol.json();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.ok(otpauthUri.startsWith('otpauth://totp/NileCare:'));
    assert.match(qrSvg, /^<svg/);
    const confirmed = await post(t.app, '/auth/mfa/confirm', { code: await nextTotp(secret) }, accessToken);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    // Turning MFA on ended the session it was done in; carry on with the pair it returned.
    const { recoveryCodes, accessToken: fresh } = confirmed.json() as { recoveryCodes: string[]; accessToken: string };
    assert.equal(recoveryCodes.length, 10);
    problemOf(await me(t.app, accessToken), 401, 'token_invalid');
    return { ...u, secret, recoveryCodes, accessToken: fresh };
  }

  async function challenge(email: string): Promise<string> {
    const body = problemOf(await post(t.app, '/auth/login', { email, password: PASSWORD }), 401, 'mfa_required');
    assert.equal(typeof body.mfaToken, 'string');
    assert.equal(body.accessToken, undefined);
    return body.mfaToken as string;
  }
  const verify = (mfaToken: string, code: string) => post(t.app, '/auth/mfa/verify', { mfaToken, code });

  test('enrolment asks for the password again, so a stolen access token cannot enrol a device', async () => {
    const u = await createUser(t.db, [{ facilityId: facility.id, role: 'doctor' }]);
    const { accessToken } = await signIn(t.app, u.email);
    const body = problemOf(await post(t.app, '/auth/mfa/enroll', { password: 'not-the-password-1' }, accessToken), 400, 'validation_failed');
    assert.deepEqual((body.errors as { field: string }[]).map((e) => e.field), ['body.password']);
    problemOf(await post(t.app, '/auth/mfa/enroll', undefined, accessToken), 400, 'validation_failed');
    const row = await t.db.kysely.selectFrom('users').select('mfa_secret').where('id', '=', u.id).executeTakeFirstOrThrow();
    assert.equal(row.mfa_secret, null);
  });

  test('enrol, confirm, then sign-in needs a TOTP code, which works once', async () => {
    const u = await enrolled();
    const row = await t.db.kysely.selectFrom('users').select(['mfa_secret', 'mfa_enabled']).where('id', '=', u.id).executeTakeFirstOrThrow();
    assert.equal(Number(row.mfa_enabled), 1);
    assert.match(row.mfa_secret!, /^v1:t1:/);
    assert.ok(!row.mfa_secret!.includes(u.secret), 'the secret is encrypted at rest');
    assert.equal((await me(t.app, u.accessToken)).json().mfaEnabled, true);

    const mfaToken = await challenge(u.email);
    problemOf(await me(t.app, mfaToken), 401, 'token_invalid');
    const res = await verify(mfaToken, await nextTotp(u.secret));
    assert.equal(res.statusCode, 200, res.body);
    const session = res.json();
    assert.equal(session.user.mfaEnabled, true);
    assert.equal((await me(t.app, session.accessToken)).statusCode, 200);

    problemOf(await verify(mfaToken, u.recoveryCodes[0]!), 401, 'token_invalid');
    const again = await challenge(u.email);
    const before = await metric(t.app, /auth_login_failures_total\{reason="mfa"\}/);
    problemOf(await verify(again, lastTotp(u.secret)), 401, 'invalid_credentials');
    assert.equal(await metric(t.app, /auth_login_failures_total\{reason="mfa"\}/), before + 1);
    const actions = await t.db.kysely.selectFrom('audit_events').select(['action', 'outcome']).where('actor_id', '=', u.id).orderBy('seq').execute();
    assert.deepEqual(actions.map((a) => `${a.action}:${a.outcome}`), [
      'auth.login:success', 'auth.mfa_enroll:success', 'auth.mfa_confirm:success', 'auth.mfa_challenge:success',
      'auth.mfa_verify:success', 'auth.login:success', 'auth.mfa_challenge:success', 'auth.mfa_verify:failure',
    ]);
  });

  test('turning MFA on ends every session, as a password change does, and gives this device a fresh pair', async () => {
    const u = await createUser(t.db, [{ facilityId: facility.id, role: 'doctor' }]);
    const here = await signIn(t.app, u.email);
    const elsewhere = await signIn(t.app, u.email);
    const { secret } = (await post(t.app, '/auth/mfa/enroll', { password: PASSWORD }, here.accessToken)).json();
    const res = await post(t.app, '/auth/mfa/confirm', { code: await nextTotp(secret) }, here.accessToken);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['accessToken', 'expiresIn', 'recoveryCodes', 'refreshToken', 'tokenType']);

    const refresh = (refreshToken: string) => post(t.app, '/auth/refresh', { refreshToken });
    for (const old of [here, elsewhere]) {
      problemOf(await me(t.app, old.accessToken), 401, 'token_invalid');
      problemOf(await refresh(old.refreshToken), 401, 'token_invalid');
    }
    assert.equal((await me(t.app, body.accessToken)).json().mfaEnabled, true);
    assert.equal((await refresh(body.refreshToken)).statusCode, 200);
    const event = await t.db.kysely.selectFrom('audit_events').select('details').where('actor_id', '=', u.id).where('action', '=', 'auth.mfa_confirm').executeTakeFirstOrThrow();
    assert.equal(typeof JSON.parse(event.details!).sessionId, 'string');
  });

  test('a recovery code signs in once, in any case and spacing', async () => {
    const u = await enrolled();
    const code = u.recoveryCodes[0]!;
    const res = await verify(await challenge(u.email), ` ${code.toUpperCase().replaceAll('-', ' ')} `);
    assert.equal(res.statusCode, 200, res.body);
    problemOf(await verify(await challenge(u.email), code), 401, 'invalid_credentials');
    assert.equal((await verify(await challenge(u.email), u.recoveryCodes[1]!)).statusCode, 200);
  });

  test('an mfaToken dies after five wrong codes and when expired', async () => {
    const u = await enrolled();
    const mfaToken = await challenge(u.email);
    for (let i = 0; i < 5; i++) problemOf(await verify(mfaToken, '000000'), 401, 'invalid_credentials');
    problemOf(await verify(mfaToken, u.recoveryCodes[0]!), 401, 'token_invalid');

    const v = await enrolled();
    const late = await challenge(v.email);
    await t.db.kysely.updateTable('auth_challenges').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', v.id).execute();
    problemOf(await verify(late, v.recoveryCodes[0]!), 401, 'token_invalid');
    problemOf(await verify('y'.repeat(43), v.recoveryCodes[0]!), 401, 'token_invalid');
  });

  test('new recovery codes replace the old ones', async () => {
    const u = await enrolled();
    const res = await post(t.app, '/auth/mfa/recovery-codes', { code: await nextTotp(u.secret) }, u.accessToken);
    assert.equal(res.statusCode, 200, res.body);
    const { recoveryCodes } = res.json() as { recoveryCodes: string[] };
    assert.equal(recoveryCodes.length, 10);
    problemOf(await verify(await challenge(u.email), u.recoveryCodes[0]!), 401, 'invalid_credentials');
    assert.equal((await verify(await challenge(u.email), recoveryCodes[0]!)).statusCode, 200);
  });

  test('turning MFA off needs the password and a code; sign-in is then one step again', async () => {
    const u = await enrolled();
    const wrongPassword = problemOf(await post(t.app, '/auth/mfa/disable', { password: 'Not-The-Password-1', code: u.recoveryCodes[0]! }, u.accessToken), 400, 'validation_failed');
    assert.deepEqual((wrongPassword.errors as { field: string }[]).map((e) => e.field), ['body.password']);
    const wrongCode = problemOf(await post(t.app, '/auth/mfa/disable', { password: PASSWORD, code: '123456' }, u.accessToken), 400, 'validation_failed');
    assert.deepEqual((wrongCode.errors as { field: string }[]).map((e) => e.field), ['body.code']);

    const res = await post(t.app, '/auth/mfa/disable', { password: PASSWORD, code: u.recoveryCodes[0]! }, u.accessToken);
    assert.equal(res.statusCode, 204, res.body);
    const s = await signIn(t.app, u.email);
    assert.equal((await me(t.app, s.accessToken)).json().mfaEnabled, false);
    const row = await t.db.kysely.selectFrom('users').select('mfa_secret').where('id', '=', u.id).executeTakeFirstOrThrow();
    assert.equal(row.mfa_secret, null);
    const codes = await t.db.kysely.selectFrom('mfa_recovery_codes').select('id').where('user_id', '=', u.id).execute();
    assert.equal(codes.length, 0);
  });

  test('enrolment mistakes: a wrong first code, enrolling twice, confirming without enrolling', async () => {
    const u = await createUser(t.db, [{ facilityId: facility.id, role: 'doctor' }]);
    const { accessToken } = await signIn(t.app, u.email);
    problemOf(await post(t.app, '/auth/mfa/confirm', { code: '123456' }, accessToken), 409, 'conflict');
    const { secret } = (await post(t.app, '/auth/mfa/enroll', { password: PASSWORD }, accessToken)).json();
    const wrong = problemOf(await post(t.app, '/auth/mfa/confirm', { code: (Number(await nextTotp(secret)) ^ 1).toString().padStart(6, '0') }, accessToken), 400, 'validation_failed');
    assert.deepEqual((wrong.errors as { field: string }[]).map((e) => e.field), ['body.code']);
    assert.equal((await me(t.app, accessToken)).json().mfaEnabled, false);
    const confirmed = await post(t.app, '/auth/mfa/confirm', { code: await nextTotp(secret) }, accessToken);
    assert.equal(confirmed.statusCode, 200);
    problemOf(await post(t.app, '/auth/mfa/enroll', { password: PASSWORD }, confirmed.json().accessToken), 409, 'conflict');
  });
});
