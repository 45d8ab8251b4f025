// A facility that requires MFA for a role, on every database: its unenrolled members still sign
// in, but permission routes refuse them (403 mfa_enrollment_required) until they enrol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, type TestFacility } from '../../../../test/support/fixtures.ts';
import { nowIso } from '../../platform/ids.ts';
import { PASSWORD, me, nextTotp, post, problemOf, signIn } from './test-helpers.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let strict: TestFacility;
  before(async () => {
    t = await startTestApp(dialect, {}, {
      beforeReady: (app) => {
        app.get('/api/v1/test/guarded', { config: { access: { permission: 'facilities:read' } } }, async () => ({ ok: true }));
      },
    });
    strict = await createFacility(t.db);
    await t.db.kysely.insertInto('facility_mfa_roles').values({ facility_id: strict.id, role: 'doctor', created_at: nowIso() }).execute();
  });
  after(() => t.close());

  const guarded = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/test/guarded', headers: { authorization: `Bearer ${token}` } });

  test('an unenrolled doctor signs in but is held at permission routes until enrolled', async () => {
    const doctor = await createUser(t.db, [{ facilityId: strict.id, role: 'doctor' }]);
    const res = await post(t.app, '/auth/login', { email: doctor.email, password: doctor.password });
    assert.equal(res.statusCode, 200, res.body);
    const session = res.json();
    assert.equal(session.mfaEnrollmentRequired, true);
    problemOf(await guarded(session.accessToken), 403, 'mfa_enrollment_required');
    assert.equal((await me(t.app, session.accessToken)).json().mfaEnrollmentRequired, true, 'authenticated routes still work');

    const { secret } = (await post(t.app, '/auth/mfa/enroll', { password: PASSWORD }, session.accessToken)).json();
    problemOf(await guarded(session.accessToken), 403, 'mfa_enrollment_required');
    const confirmed = await post(t.app, '/auth/mfa/confirm', { code: await nextTotp(secret) }, session.accessToken);
    assert.equal(confirmed.statusCode, 200);
    const { accessToken } = confirmed.json();
    assert.equal((await guarded(accessToken)).statusCode, 200);
    assert.equal((await me(t.app, accessToken)).json().mfaEnrollmentRequired, false);
  });

  test('roles the policy does not name, and other facilities, are not affected', async () => {
    const nurse = await createUser(t.db, [{ facilityId: strict.id, role: 'nurse' }]);
    const relaxed = await createFacility(t.db);
    const doctorElsewhere = await createUser(t.db, [{ facilityId: relaxed.id, role: 'doctor' }]);
    for (const u of [nurse, doctorElsewhere]) {
      const res = await post(t.app, '/auth/login', { email: u.email, password: u.password });
      assert.equal(res.json().mfaEnrollmentRequired, false);
      assert.equal((await guarded(res.json().accessToken)).statusCode, 200);
    }
  });

  test('turning MFA off under the policy puts the hold back at once', async () => {
    const doctor = await createUser(t.db, [{ facilityId: strict.id, role: 'doctor' }]);
    const first = await signIn(t.app, doctor.email);
    const { secret } = (await post(t.app, '/auth/mfa/enroll', { password: PASSWORD }, first.accessToken)).json();
    const { recoveryCodes, accessToken } = (await post(t.app, '/auth/mfa/confirm', { code: await nextTotp(secret) }, first.accessToken)).json();
    assert.equal((await guarded(accessToken)).statusCode, 200);
    assert.equal((await post(t.app, '/auth/mfa/disable', { password: doctor.password, code: recoveryCodes[0] }, accessToken)).statusCode, 204);
    problemOf(await guarded(accessToken), 403, 'mfa_enrollment_required');
  });
});
