// Security notices on every database: a sign-in from a new kind of device (not the first ever),
// repeated failed sign-ins once per lockout window (to the user and the facility's security
// contact), and turning two-step sign-in off — each queued with the event that caused it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, type TestFacility } from '../../../../test/support/fixtures.ts';
import { nowIso } from '../../platform/ids.ts';
import { deviceOf } from './device.ts';
import { PASSWORD, nextTotp, post } from './test-helpers.ts';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0';
const FIREFOX_WINDOWS_NEWER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

function login(app: FastifyInstance, email: string, userAgent: string, password = PASSWORD) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: { 'user-agent': userAgent } });
}

test('the device is the browser and system family, without versions', () => {
  assert.equal(deviceOf(FIREFOX_WINDOWS).label, 'Firefox on Windows');
  assert.equal(deviceOf(FIREFOX_WINDOWS).hash, deviceOf(FIREFOX_WINDOWS_NEWER).hash);
  assert.equal(deviceOf(CHROME_ANDROID).label, 'Chrome on Android');
  assert.equal(deviceOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15').label, 'Safari on macOS');
  assert.equal(deviceOf('curl/8.5.0').label, 'curl');
  assert.equal(deviceOf(undefined).label, 'An unknown device');
});

eachDialect((dialect) => {
  let t: TestApp;
  let facility: TestFacility;
  before(async () => {
    t = await startTestApp(dialect);
    facility = await createFacility(t.db);
  });
  after(() => t.close());

  const user = () => createUser(t.db, [{ facilityId: facility.id, role: 'nurse' }]);
  const notices = (event: string, recipient?: string) => {
    let q = t.db.kysely.selectFrom('notification_deliveries').select(['event', 'recipient', 'channel', 'facility_id']).where('event', '=', event).where('facility_id', '=', facility.id);
    if (recipient) q = q.where('recipient', '=', recipient);
    return q.execute();
  };
  const masked = (email: string) => `${email.slice(0, 2)}***@${email.split('@')[1]}`;

  test('a sign-in from a new kind of device is told to the user; the first sign-in and a browser update are not', async () => {
    const u = await user();
    const count = async () => (await notices('security.new_device', masked(u.email))).length;
    const before = await count();
    assert.equal((await login(t.app, u.email, FIREFOX_WINDOWS)).statusCode, 200);
    assert.equal((await login(t.app, u.email, FIREFOX_WINDOWS_NEWER)).statusCode, 200);
    assert.equal(await count(), before, 'first device and the same family: no notice');
    assert.equal((await login(t.app, u.email, CHROME_ANDROID)).statusCode, 200);
    assert.equal((await login(t.app, u.email, CHROME_ANDROID)).statusCode, 200);
    assert.equal(await count(), before + 1);
    const devices = await t.db.kysely.selectFrom('user_devices').select('label').where('user_id', '=', u.id).orderBy('label').execute();
    assert.deepEqual(devices.map((d) => d.label), ['Chrome on Android', 'Firefox on Windows']);
    const job = await t.db.kysely.selectFrom('notification_deliveries as d').innerJoin('outbox as o', 'o.id', 'd.outbox_id').select('o.payload')
      .where('d.event', '=', 'security.new_device').where('d.recipient', '=', masked(u.email)).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(job.payload).data.device, 'Chrome on Android');
  });

  test('failed sign-ins: one notice to the user and one to the security contact per lockout window', async () => {
    const contact = `security-${Date.now()}@clinic.example.sd`;
    await t.db.kysely.deleteFrom('notification_settings').where('facility_id', '=', facility.id).execute();
    await t.db.kysely.insertInto('notification_settings').values({
      facility_id: facility.id, reminder_lead_minutes: 1440, email_enabled: 1, sms_enabled: 1, security_contact_email: contact, updated_by: (await user()).id, updated_at: nowIso(),
    }).execute();
    const u = await user();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(t.app, u.email, FIREFOX_WINDOWS, `wrong-password-${i}`)).statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
    assert.equal((await notices('security.failed_sign_ins', masked(u.email))).length, 1);
    assert.equal((await notices('security.failed_sign_ins_contact', masked(contact))).length, 1);
    const job = await t.db.kysely.selectFrom('notification_deliveries as d').innerJoin('outbox as o', 'o.id', 'd.outbox_id').select('o.payload')
      .where('d.event', '=', 'security.failed_sign_ins_contact').where('d.recipient', '=', masked(contact)).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(job.payload).data.account, u.email);
  });

  test('turning two-step sign-in off tells the user, in the same transaction', async () => {
    const u = await user();
    const { accessToken } = (await login(t.app, u.email, FIREFOX_WINDOWS)).json();
    const enrol = await post(t.app, '/auth/mfa/enroll', { password: PASSWORD }, accessToken);
    const secret = enrol.json().secret as string;
    const confirmed = await post(t.app, '/auth/mfa/confirm', { code: await nextTotp(secret) }, accessToken);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const fresh = confirmed.json().accessToken as string;
    const before = (await notices('security.mfa_disabled', masked(u.email))).length;
    assert.equal((await post(t.app, '/auth/mfa/disable', { password: 'wrong-password-x', code: '123456' }, fresh)).statusCode, 400);
    assert.equal((await notices('security.mfa_disabled', masked(u.email))).length, before, 'a refused attempt tells nothing');
    const off = await post(t.app, '/auth/mfa/disable', { password: PASSWORD, code: await nextTotp(secret) }, fresh);
    assert.equal(off.statusCode, 204, off.body);
    assert.equal((await notices('security.mfa_disabled', masked(u.email))).length, before + 1);
  });
});
