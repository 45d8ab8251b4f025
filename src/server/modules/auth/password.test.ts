// Changing one's password, on every database: it ends every other session, keeps this device
// signed in, and refuses weak passwords naming the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, type TestFacility } from '../../../../test/support/fixtures.ts';
import { PASSWORD, me, post, problemOf, signIn } from './test-helpers.ts';

const NEW_PASSWORD = 'Blue Nile at dawn, 2026';

eachDialect((dialect) => {
  let t: TestApp;
  let facility: TestFacility;
  before(async () => {
    t = await startTestApp(dialect, {}, {
      beforeReady: (app) => {
        app.get('/api/v1/test/guarded', { config: { access: { permission: 'facilities:read' } } }, async () => ({ ok: true }));
      },
    });
    facility = await createFacility(t.db);
  });
  after(() => t.close());

  const user = () => createUser(t.db, [{ facilityId: facility.id, role: 'receptionist' }], { name: 'Khalid Osman' });
  const change = (token: string, currentPassword: string, newPassword: string) => post(t.app, '/auth/password', { currentPassword, newPassword }, token);
  const guarded = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/test/guarded', headers: { authorization: `Bearer ${token}` } });
  const refresh = (refreshToken: string) => post(t.app, '/auth/refresh', { refreshToken });

  test('a new password ends every other session and keeps this device signed in', async () => {
    const u = await user();
    await t.db.kysely.updateTable('users').set({ must_change_password: 1 }).where('id', '=', u.id).execute();
    const here = await signIn(t.app, u.email);
    const elsewhere = await signIn(t.app, u.email);
    problemOf(await guarded(here.accessToken), 403, 'password_change_required');

    const res = await change(here.accessToken, PASSWORD, NEW_PASSWORD);
    assert.equal(res.statusCode, 200, res.body);
    const fresh = res.json();
    assert.deepEqual(Object.keys(fresh).sort(), ['accessToken', 'expiresIn', 'refreshToken', 'tokenType']);

    for (const s of [here, elsewhere]) {
      problemOf(await me(t.app, s.accessToken), 401, 'token_invalid');
      problemOf(await refresh(s.refreshToken), 401, 'token_invalid');
    }
    assert.equal((await me(t.app, fresh.accessToken)).json().mustChangePassword, false);
    assert.equal((await guarded(fresh.accessToken)).statusCode, 200);
    assert.equal((await refresh(fresh.refreshToken)).statusCode, 200);

    problemOf(await post(t.app, '/auth/login', { email: u.email, password: PASSWORD }), 401, 'invalid_credentials');
    await signIn(t.app, u.email, NEW_PASSWORD);
    const row = await t.db.kysely.selectFrom('users').select(['password_hash', 'password_changed_at', 'must_change_password']).where('id', '=', u.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
    assert.ok(row.password_changed_at);
    assert.equal(Number(row.must_change_password), 0);
  });

  test('the current password must be right', async () => {
    const u = await user();
    const s = await signIn(t.app, u.email);
    const body = problemOf(await change(s.accessToken, 'Not-The-Password-1', NEW_PASSWORD), 400, 'validation_failed');
    assert.deepEqual((body.errors as { field: string }[]).map((e) => e.field), ['body.currentPassword']);
    assert.equal((await me(t.app, s.accessToken)).statusCode, 200, 'nothing changed');
  });

  test('short, common, personal or unchanged passwords are refused naming body.newPassword', async () => {
    const u = await user();
    const s = await signIn(t.app, u.email);
    const weak: Record<string, RegExp> = {
      'Short-1': /at least 12 characters/,
      'password1234': /commonly used/,
      'khalid-osman-2026': /must not contain your name/,
      [`${u.email.split('@')[0]}-2026`]: /must not contain your email/,
      [PASSWORD]: /must differ/,
    };
    for (const [password, message] of Object.entries(weak)) {
      const body = problemOf(await change(s.accessToken, PASSWORD, password), 400, 'validation_failed');
      const errors = body.errors as { field: string; message: string }[];
      assert.ok(errors.length >= 1 && errors.every((e) => e.field === 'body.newPassword'), JSON.stringify(errors));
      assert.ok(errors.some((e) => message.test(e.message)), `${password}: ${JSON.stringify(errors)}`);
    }
    await signIn(t.app, u.email, PASSWORD);
    assert.equal((await me(t.app, s.accessToken)).statusCode, 200, 'the session survived the refusals');
  });

  test('without a token 401', async () => {
    problemOf(await post(t.app, '/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }), 401, 'unauthorized');
  });
});
