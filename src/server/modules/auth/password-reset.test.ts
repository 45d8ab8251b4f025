// Self-service password reset on every database: the same answer for known and unknown emails,
// the link in an email queued in the user's language, a token that works once, for 30 minutes,
// under a race too; the reset ends every session and leaves the second factor in place.
import { test, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, type TestFacility } from '../../../../test/support/fixtures.ts';
import { sha256Hex } from './crypto/tokens.ts';
import { PASSWORD, me, nextTotp, post, problemOf, signIn } from './test-helpers.ts';

const NEW_PASSWORD = 'Blue Nile at dawn, 2026';

eachDialect((dialect) => {
  let t: TestApp;
  let facility: TestFacility;
  before(async () => {
    t = await startTestApp(dialect, { APP_URL: 'https://clinic.example.sd/' });
    facility = await createFacility(t.db);
  });
  after(() => t.close());

  const user = () => createUser(t.db, [{ facilityId: facility.id, role: 'receptionist' }], { name: 'Khalid Osman' });
  const request = (email: string) => post(t.app, '/auth/password-reset', { email });
  const confirm = (token: string, newPassword = NEW_PASSWORD) => post(t.app, '/auth/password-reset/confirm', { token, newPassword });
  const resetMails = () => t.db.kysely.selectFrom('notification_deliveries as d').innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .select(['d.event', 'd.channel', 'd.language', 'd.status', 'd.recipient', 'o.payload']).where('d.event', '=', 'auth.password_reset')
    .orderBy('d.created_at').execute();

  /** Requests a reset and answers the token from the link in the queued email. */
  async function tokenFor(email: string): Promise<string> {
    const before = (await resetMails()).length;
    const res = await request(email);
    assert.equal(res.statusCode, 202, res.body);
    const mails = await resetMails();
    assert.equal(mails.length, before + 1);
    const { data, address } = JSON.parse(mails.at(-1)!.payload) as { data: { link: string }; address: string };
    assert.equal(address, email);
    const match = /^https:\/\/clinic\.example\.sd\/reset-password#token=([A-Za-z0-9_-]{43})$/.exec(data.link);
    assert.ok(match, data.link);
    return match[1]!;
  }

  test('a known and an unknown email get the same answer; only the known one gets an email, in its language', async () => {
    const u = await user();
    await t.db.kysely.updateTable('users').set({ preferred_language: 'ar' }).where('id', '=', u.id).execute();
    const before = (await resetMails()).length;
    const known = await request(u.email.toUpperCase());
    const unknown = await request(`nobody-${u.id}@test.nilecare.local`);
    assert.equal(known.statusCode, 202, known.body);
    assert.equal(unknown.statusCode, 202, unknown.body);
    assert.equal(known.body, unknown.body);
    const mails = await resetMails();
    assert.equal(mails.length, before + 1);
    assert.deepEqual([mails.at(-1)!.channel, mails.at(-1)!.language, mails.at(-1)!.status], ['email', 'ar', 'queued']);
    // Stored hashed: the token itself is nowhere in the challenges table.
    const token = /#token=(.+)$/.exec(JSON.parse(mails.at(-1)!.payload).data.link)![1]!;
    const row = await t.db.kysely.selectFrom('auth_challenges').selectAll().where('user_id', '=', u.id).where('purpose', '=', 'password_reset').executeTakeFirstOrThrow();
    assert.equal(row.token_hash, sha256Hex(token));
    assert.ok(Math.abs(Date.parse(row.expires_at) - Date.now() - 30 * 60_000) < 60_000);
    const audits = await t.db.kysely.selectFrom('audit_events').select(['outcome', 'details']).where('action', '=', 'auth.password_reset_request').where('seq', '>', 0).orderBy('seq', 'desc').limit(2).execute();
    assert.deepEqual(audits.map((a) => a.outcome), ['failure', 'success']);
    assert.match(audits[0]!.details!, /unknown_email/);
  });

  test('the new password ends every session; the token works once; the old password stops working', async () => {
    const u = await user();
    const session = await signIn(t.app, u.email);
    const token = await tokenFor(u.email);
    const res = await confirm(token);
    assert.equal(res.statusCode, 204, res.body);
    problemOf(await me(t.app, session.accessToken), 401, 'token_invalid');
    problemOf(await post(t.app, '/auth/refresh', { refreshToken: session.refreshToken }), 401, 'token_invalid');
    problemOf(await post(t.app, '/auth/login', { email: u.email, password: PASSWORD }), 401, 'invalid_credentials');
    await signIn(t.app, u.email, NEW_PASSWORD);
    const again = problemOf(await confirm(token, 'Another long passphrase 77'), 400, 'validation_failed');
    assert.equal((again.errors as { field: string }[])[0]!.field, 'body.token');
    await signIn(t.app, u.email, NEW_PASSWORD);
  });

  test('a weak password is refused naming the field and does not spend the link; a newer link retires the older', async () => {
    const u = await user();
    const first = await tokenFor(u.email);
    const weak = problemOf(await confirm(first, 'short'), 400, 'validation_failed');
    assert.ok((weak.errors as { field: string }[]).every((e) => e.field === 'body.newPassword'));
    const second = await tokenFor(u.email);
    problemOf(await confirm(first), 400, 'validation_failed');
    assert.equal((await confirm(second)).statusCode, 204);
  });

  test('the link expires after 30 minutes', async () => {
    const u = await user();
    const token = await tokenFor(u.email);
    mock.timers.enable({ apis: ['Date'], now: Date.now() + 31 * 60_000 });
    try {
      const res = problemOf(await confirm(token), 400, 'validation_failed');
      assert.match(String(res.detail ?? res.title ?? ''), /expired|invalid/i);
    } finally {
      mock.timers.reset();
    }
    await signIn(t.app, u.email, PASSWORD);
  });

  test('two confirms at once: exactly one sets the password', async () => {
    const u = await user();
    const token = await tokenFor(u.email);
    const results = await Promise.all([confirm(token, 'First racer passphrase 1'), confirm(token, 'Second racer passphrase 2')]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [204, 400]);
    const winner = results[0]!.statusCode === 204 ? 'First racer passphrase 1' : 'Second racer passphrase 2';
    await signIn(t.app, u.email, winner);
    const audits = await t.db.kysely.selectFrom('audit_events').select('outcome').where('action', '=', 'auth.password_reset').where('target_id', '=', u.id).execute();
    assert.deepEqual(audits.map((a) => a.outcome).sort(), ['failure', 'success']);
  });

  test('a reset never bypasses two-step sign-in', async () => {
    const u = await user();
    const { accessToken } = await signIn(t.app, u.email);
    const enrol = await post(t.app, '/auth/mfa/enroll', { password: PASSWORD }, accessToken);
    assert.equal(enrol.statusCode, 200, enrol.body);
    assert.equal((await post(t.app, '/auth/mfa/confirm', { code: await nextTotp(enrol.json().secret) }, accessToken)).statusCode, 200);
    assert.equal((await confirm(await tokenFor(u.email))).statusCode, 204);
    const login = problemOf(await post(t.app, '/auth/login', { email: u.email, password: NEW_PASSWORD }), 401, 'mfa_required');
    assert.ok(login.mfaToken);
  });

  test('requests are limited per email (the same for unknown ones)', async () => {
    const email = `limited-${Date.now()}@test.nilecare.local`;
    for (let i = 0; i < 3; i++) assert.equal((await request(email)).statusCode, 202);
    const res = problemOf(await request(email), 429, 'too_many_requests');
    assert.ok(Number(res.retryAfterSeconds) > 0);
  });
});
