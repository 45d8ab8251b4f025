// What the web app relies on, over real HTTP on every database: the refresh token travels in an
// HttpOnly cookie that only the app's own requests can spend; sign out everywhere; unlocking a
// locked screen (throttled like sign-in); language and digit preferences; the lock delay setting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { authHeaders, createFacility, createUser, tokenFor, type TestFacility } from '../../../../test/support/fixtures.ts';
import { PASSWORD, nextTotp } from './test-helpers.ts';

const WEB = { 'x-nilecare-client': 'web' };
const COOKIE = 'nilecare_refresh';

eachDialect((dialect) => {
  let t: TestApp;
  let base: string;
  let facility: TestFacility;
  before(async () => {
    t = await startTestApp(dialect);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as { port: number };
    base = `http://localhost:${port}/api/v1`; // a browser treats localhost as secure: Secure cookies work over http
    facility = await createFacility(t.db, { name: 'Wad Madani Clinic' });
  });
  after(() => t.close());

  const call = (method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; token?: string; cookie?: string } = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(opts.body !== undefined && { 'content-type': 'application/json' }),
        ...(opts.token && { authorization: `Bearer ${opts.token}` }),
        ...(opts.cookie && { cookie: `${COOKIE}=${opts.cookie}` }),
        ...opts.headers,
      },
      ...(opts.body !== undefined && { body: JSON.stringify(opts.body) }),
    });
  const refreshCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
  const cookieValue = (setCookie: string | undefined) => decodeURIComponent(/^[^=]+=([^;]*)/.exec(setCookie ?? '')?.[1] ?? '');
  const fields = async (res: Response) => ((await res.json()) as { errors?: { field: string }[] }).errors?.map((e) => e.field);
  const user = (role: 'doctor' | 'facility_admin' = 'doctor') => createUser(t.db, [{ facilityId: facility.id, role }]);
  async function webSignIn(email: string) {
    const res = await call('POST', '/auth/login', { body: { email, password: PASSWORD }, headers: WEB });
    assert.equal(res.status, 200);
    const body = await res.json() as { accessToken: string; refreshToken?: string };
    return { body, cookie: cookieValue(refreshCookie(res)), setCookie: refreshCookie(res) };
  }

  test('the web app gets its refresh token as an HttpOnly, Secure, SameSite=Strict cookie for the refresh path only', async () => {
    const u = await user();
    const { body, cookie, setCookie } = await webSignIn(u.email);
    assert.ok(body.accessToken);
    assert.equal(body.refreshToken, undefined, 'no refresh token in a body the page could read');
    assert.ok(cookie.length >= 16);
    const attrs = setCookie!.split(';').map((a) => a.trim().toLowerCase());
    for (const a of ['httponly', 'secure', 'samesite=strict', 'path=/api/v1/auth/refresh', `max-age=${t.config.jwt.refreshExpirySeconds}`]) {
      assert.ok(attrs.includes(a), `${a} in ${setCookie}`);
    }
  });

  test('other clients keep the refresh token in the body and get no cookie', async () => {
    const u = await user();
    const res = await call('POST', '/auth/login', { body: { email: u.email, password: PASSWORD } });
    const body = await res.json() as { refreshToken?: string };
    assert.ok(body.refreshToken);
    assert.equal(refreshCookie(res), undefined);
    const rotated = await call('POST', '/auth/refresh', { body: { refreshToken: body.refreshToken } });
    assert.equal(rotated.status, 200);
    assert.ok((await rotated.json() as { refreshToken?: string }).refreshToken);
  });

  test('the cookie refreshes only with the web-client header and not from another site; it rotates', async () => {
    const u = await user();
    const { cookie } = await webSignIn(u.email);
    // A cross-site form or image cannot add a header: the cookie alone is not enough.
    assert.deepEqual(await fields(await call('POST', '/auth/refresh', { body: {}, cookie })), ['body.refreshToken']);
    assert.equal((await call('POST', '/auth/refresh', { body: {}, cookie, headers: { ...WEB, 'sec-fetch-site': 'cross-site' } })).status, 400);

    const res = await call('POST', '/auth/refresh', { body: {}, cookie, headers: { ...WEB, 'sec-fetch-site': 'same-origin' } });
    assert.equal(res.status, 200);
    const body = await res.json() as { accessToken: string; refreshToken?: string };
    assert.ok(body.accessToken);
    assert.equal(body.refreshToken, undefined);
    const next = cookieValue(refreshCookie(res));
    assert.ok(next && next !== cookie, 'a new token in a new cookie');
    // The old cookie is spent: presenting it again is reuse, which ends the session.
    assert.equal((await call('POST', '/auth/refresh', { body: {}, cookie, headers: WEB })).status, 401);
    assert.equal((await call('POST', '/auth/refresh', { body: {}, cookie: next, headers: WEB })).status, 401);
  });

  test('a page on another origin cannot send the web-client header: the CORS preflight is refused', async () => {
    const res = await call('OPTIONS', '/auth/refresh', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-nilecare-client' },
    });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  test('MFA sign-in and a password change deliver the cookie too; logout clears it', async () => {
    const u = await user();
    const { body } = await webSignIn(u.email);
    const enrol = await call('POST', '/auth/mfa/enroll', { body: { password: PASSWORD }, token: body.accessToken, headers: WEB });
    const { secret } = await enrol.json() as { secret: string };
    assert.equal((await call('POST', '/auth/mfa/confirm', { body: { code: await nextTotp(secret) }, token: body.accessToken, headers: WEB })).status, 200);

    const challenge = await call('POST', '/auth/login', { body: { email: u.email, password: PASSWORD }, headers: WEB });
    const { mfaToken } = await challenge.json() as { mfaToken: string };
    const verified = await call('POST', '/auth/mfa/verify', { body: { mfaToken, code: await nextTotp(secret) }, headers: WEB });
    assert.equal(verified.status, 200);
    assert.ok(cookieValue(refreshCookie(verified)));
    const session = await verified.json() as { accessToken: string; refreshToken?: string };
    assert.equal(session.refreshToken, undefined);

    const changed = await call('POST', '/auth/password', { body: { currentPassword: PASSWORD, newPassword: 'Blue-Nile-Sunrise-2031' }, token: session.accessToken, headers: WEB });
    assert.equal(changed.status, 200);
    const fresh = await changed.json() as { accessToken: string; refreshToken?: string };
    assert.equal(fresh.refreshToken, undefined);
    assert.ok(cookieValue(refreshCookie(changed)));

    const out = await call('POST', '/auth/logout', { token: fresh.accessToken, headers: WEB });
    assert.equal(out.status, 204);
    const cleared = refreshCookie(out)!;
    assert.equal(cookieValue(cleared), '');
    assert.match(cleared, /Expires=Thu, 01 Jan 1970/i);
    assert.match(cleared, /Path=\/api\/v1\/auth\/refresh/);
  });

  test('sign out everywhere ends every session of the account, not only this one', async () => {
    const u = await user();
    const here = await webSignIn(u.email);
    const there = await webSignIn(u.email);
    const res = await call('POST', '/auth/logout-all', { token: here.body.accessToken, headers: WEB });
    assert.equal(res.status, 204);
    assert.equal(cookieValue(refreshCookie(res)), '');
    assert.equal((await call('GET', '/auth/me', { token: there.body.accessToken })).status, 401);
    assert.equal((await call('POST', '/auth/refresh', { body: {}, cookie: there.cookie, headers: WEB })).status, 401);
    const audit = await t.db.kysely.selectFrom('audit_events').select('action').where('actor_id', '=', u.id).where('action', '=', 'auth.logout_all').execute();
    assert.equal(audit.length, 1);
  });

  test('unlock takes the password; wrong ones name the field and count toward the sign-in lockout', async () => {
    const u = await user();
    const { body } = await webSignIn(u.email);
    const token = body.accessToken;
    assert.equal((await call('POST', '/auth/unlock', { body: { password: PASSWORD }, token })).status, 204);
    for (let i = 0; i < 5; i++) {
      const wrong = await call('POST', '/auth/unlock', { body: { password: `Wrong-${i}` }, token });
      assert.equal(wrong.status, 400);
      assert.deepEqual(await fields(wrong), ['body.password']);
    }
    const locked = await call('POST', '/auth/unlock', { body: { password: PASSWORD }, token });
    assert.equal(locked.status, 429);
    assert.equal((await call('POST', '/auth/login', { body: { email: u.email, password: PASSWORD } })).status, 429, 'one budget with sign-in');
    assert.equal((await call('POST', '/auth/unlock', { body: { password: PASSWORD } })).status, 401);
    const outcomes = await t.db.kysely.selectFrom('audit_events').select('outcome').where('actor_id', '=', u.id).where('action', '=', 'auth.unlock').orderBy('seq').execute();
    assert.deepEqual(outcomes.map((o) => o.outcome), ['success', ...Array(6).fill('failure')]);
  });

  test('language and digits are the user\'s own, settable even before a forced password change', async () => {
    const u = await user();
    await t.db.kysely.updateTable('users').set({ must_change_password: 1 }).where('id', '=', u.id).execute();
    const token = await tokenFor(t.app, u.id);
    const set = await call('PATCH', '/auth/me', { body: { preferredLanguage: 'ar', digits: 'arab' }, token });
    assert.equal(set.status, 200);
    const me = await (await call('GET', '/auth/me', { token })).json() as { preferredLanguage: string; digits: string };
    assert.deepEqual([me.preferredLanguage, me.digits], ['ar', 'arab']);
    assert.deepEqual(await fields(await call('PATCH', '/auth/me', { body: { preferredLanguage: 'fr' }, token })), ['body.preferredLanguage']);
    assert.deepEqual(await fields(await call('PATCH', '/auth/me', { body: { digits: 'roman' }, token })), ['body.digits']);
    const latin = await call('PATCH', '/auth/me', { body: { digits: 'latn' }, token });
    assert.deepEqual(Object.values(await latin.json() as object).length > 0, true);
    const audit = await t.db.kysely.selectFrom('audit_events').select('action').where('actor_id', '=', u.id).where('action', '=', 'user.preferences').execute();
    assert.equal(audit.length, 2);
  });

  test('the screen-lock delay is a facility setting (default 10 minutes, 1–120) shown to every member', async () => {
    const admin = await user('facility_admin');
    const doctor = await user();
    const adminToken = await tokenFor(t.app, admin.id);
    const doctorToken = await tokenFor(t.app, doctor.id);
    const read = await call('GET', `/facilities/${facility.id}`, { headers: authHeaders(adminToken) });
    assert.equal((await read.json() as { lockAfterMinutes: number }).lockAfterMinutes, 10);
    for (const bad of [0, 121, 2.5, 'ten']) {
      const res = await call('PATCH', `/facilities/${facility.id}`, { body: { lockAfterMinutes: bad }, token: adminToken });
      assert.equal(res.status, 400, String(bad));
      assert.deepEqual(await fields(res), ['body.lockAfterMinutes'], String(bad));
    }
    assert.equal((await call('PATCH', `/facilities/${facility.id}`, { body: { lockAfterMinutes: 5 }, token: doctorToken })).status, 403);
    const ok = await call('PATCH', `/facilities/${facility.id}`, { body: { lockAfterMinutes: 3 }, token: adminToken });
    assert.equal((await ok.json() as { lockAfterMinutes: number }).lockAfterMinutes, 3);
    const me = await (await call('GET', '/auth/me', { token: doctorToken })).json() as { memberships: { facilityId: string; lockAfterMinutes: number }[] };
    assert.equal(me.memberships.find((m) => m.facilityId === facility.id)!.lockAfterMinutes, 3);
    await call('PATCH', `/facilities/${facility.id}`, { body: { lockAfterMinutes: 10 }, token: adminToken });
  });
});
