// Refresh-token rotation, reuse detection, logout, and every kind of token that must not pass for
// an access token — on every database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, type TestFacility } from '../../../../test/support/fixtures.ts';
import { me, metric, post, problemOf, signIn } from './test-helpers.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let facility: TestFacility;
  before(async () => {
    t = await startTestApp(dialect);
    facility = await createFacility(t.db);
  });
  after(() => t.close());

  const user = () => createUser(t.db, [{ facilityId: facility.id, role: 'nurse' }]);
  const refresh = (refreshToken: string) => post(t.app, '/auth/refresh', { refreshToken });

  test('refresh rotates: a new pair, and the family keeps working', async () => {
    const u = await user();
    const first = await signIn(t.app, u.email);
    const res = await refresh(first.refreshToken);
    assert.equal(res.statusCode, 200, res.body);
    const second = res.json();
    assert.deepEqual(Object.keys(second).sort(), ['accessToken', 'expiresIn', 'refreshToken', 'tokenType']);
    assert.notEqual(second.refreshToken, first.refreshToken);
    assert.equal((await me(t.app, second.accessToken)).statusCode, 200);
    assert.equal((await me(t.app, first.accessToken)).statusCode, 200, 'rotation alone does not end the session');
    const third = await refresh(second.refreshToken);
    assert.equal(third.statusCode, 200, third.body);

    const rows = await t.db.kysely.selectFrom('refresh_tokens').selectAll().where('user_id', '=', u.id).orderBy('created_at').orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.status), ['used', 'used', 'active']);
    assert.equal(new Set(rows.map((r) => r.family_id)).size, 1);
    assert.equal(new Set(rows.map((r) => r.expires_at)).size, 1, 'absolute expiry is fixed at sign-in');
  });

  test('reusing a spent refresh token revokes the whole family, access tokens included', async () => {
    const u = await user();
    const other = await signIn(t.app, u.email);
    const stolen = await signIn(t.app, u.email);
    const rotated = (await refresh(stolen.refreshToken)).json();
    const reuseBefore = await metric(t.app, /auth_token_reuse_total/);

    problemOf(await refresh(stolen.refreshToken), 401, 'token_invalid');
    assert.equal(await metric(t.app, /auth_token_reuse_total/), reuseBefore + 1);
    problemOf(await refresh(rotated.refreshToken), 401, 'token_invalid');
    problemOf(await me(t.app, rotated.accessToken), 401, 'token_invalid');
    problemOf(await me(t.app, stolen.accessToken), 401, 'token_invalid');

    assert.equal((await me(t.app, other.accessToken)).statusCode, 200, 'other sessions of the user live on');
    assert.equal((await refresh(other.refreshToken)).statusCode, 200);
    const events = await t.db.kysely.selectFrom('audit_events').select(['action', 'outcome']).where('actor_id', '=', u.id).where('action', '=', 'auth.refresh_reuse').execute();
    assert.deepEqual(events.map((e) => [e.action, e.outcome]), [['auth.refresh_reuse', 'failure']]);
  });

  test('two refreshes racing with one token: at most one wins', async () => {
    const u = await user();
    const s = await signIn(t.app, u.email);
    const results = await Promise.all([refresh(s.refreshToken), refresh(s.refreshToken)]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 401]);
    const active = await t.db.kysely.selectFrom('refresh_tokens').select('id').where('user_id', '=', u.id).where('status', '=', 'active').execute();
    assert.equal(active.length, 0, 'the race counts as reuse: the family is revoked');
  });

  test('idle-expired, expired and unknown refresh tokens are refused; so is a disabled user', async () => {
    const u = await user();
    const past = new Date(Date.now() - 1000).toISOString();
    const idle = await signIn(t.app, u.email);
    await t.db.kysely.updateTable('refresh_tokens').set({ idle_expires_at: past }).where('user_id', '=', u.id).where('status', '=', 'active').execute();
    problemOf(await refresh(idle.refreshToken), 401, 'token_invalid');

    const old = await signIn(t.app, u.email);
    await t.db.kysely.updateTable('refresh_tokens').set({ expires_at: past }).where('user_id', '=', u.id).where('status', '=', 'active').execute();
    problemOf(await refresh(old.refreshToken), 401, 'token_invalid');
    problemOf(await refresh('x'.repeat(43)), 401, 'token_invalid');

    const live = await signIn(t.app, u.email);
    await t.db.kysely.updateTable('users').set({ status: 'disabled' }).where('id', '=', u.id).execute();
    problemOf(await refresh(live.refreshToken), 401, 'token_invalid');
  });

  test('logout ends the session: refresh and access tokens stop working', async () => {
    const u = await user();
    const s = await signIn(t.app, u.email);
    const res = await post(t.app, '/auth/logout', undefined, s.accessToken);
    assert.equal(res.statusCode, 204, res.body);
    problemOf(await me(t.app, s.accessToken), 401, 'token_invalid');
    problemOf(await refresh(s.refreshToken), 401, 'token_invalid');
  });

  test('forged, expired and foreign tokens never pass as access tokens', async () => {
    const u = await user();
    const s = await signIn(t.app, u.email);
    assert.equal((await me(t.app, s.accessToken)).statusCode, 200);
    const [header, payload, signature] = s.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const key = new TextEncoder().encode(t.config.jwt.secret);
    const sign = (opts: { exp?: number; iss?: string; aud?: string } = {}) =>
      new SignJWT({ sid: claims.sid, tv: claims.tv, typ: 'access' })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setSubject(u.id)
        .setIssuer(opts.iss ?? t.config.jwt.issuer).setAudience(opts.aud ?? t.config.jwt.audience)
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600).setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 600).sign(key);
    assert.equal((await me(t.app, await sign())).statusCode, 200, 'the forging recipe itself is right');

    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    const unsigned = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
    const cases: Record<string, string> = {
      'tampered signature': `${header}.${payload}.${flip(signature[0]!)}${signature.slice(1)}`,
      'tampered payload': `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${signature}`,
      'expired': await sign({ exp: Math.floor(Date.now() / 1000) - 60 }),
      'alg none': `${unsigned}.${payload}.`,
      'wrong audience': await sign({ aud: 'another-api' }),
      'wrong issuer': await sign({ iss: 'someone-else' }),
      'refresh token': s.refreshToken,
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await me(t.app, token);
      assert.equal(res.statusCode, 401, `${name}: ${res.body}`);
    }
  });
});
