// Account actions through HTTP on every database: disabling ends sessions at once, temporary
// passwords, replacing memberships within the caller's reach, and the guards against locking the
// installation out (self-disable, demoting the last super admin).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, tokenFor, authHeaders, type TestFacility, type TestUser } from '../../../../test/support/fixtures.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { verifyPassword } from '../auth/index.ts';

interface Res { statusCode: number; body: string; json(): Record<string, unknown> & { errors?: { field: string }[] } }
type MembershipJson = { facilityId: string; role: string };

eachDialect((dialect) => {
  let t: TestApp;
  let home: TestFacility;
  let other: TestFacility;
  let superAdmin: TestUser;
  let admin: TestUser;
  const tok = { superAdmin: '', admin: '' };

  before(async () => {
    t = await startTestApp(dialect);
    home = await createFacility(t.db);
    other = await createFacility(t.db);
    superAdmin = await createUser(t.db, [{ facilityId: home.id, role: 'super_admin' }]);
    admin = await createUser(t.db, [{ facilityId: home.id, role: 'facility_admin' }]);
    tok.superAdmin = await tokenFor(t.app, superAdmin.id);
    tok.admin = await tokenFor(t.app, admin.id);
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: unknown): Promise<Res> =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: authHeaders(token), ...(payload !== undefined && { payload: payload as object }) });
  const me = (token: string) => call('GET', '/facilities', token);
  const actions = async (id: string) => (await t.db.kysely.selectFrom('audit_events').select('action').where('target_id', '=', id).orderBy('seq').execute()).map((e) => e.action);
  const memberships = async (userId: string) =>
    (await t.db.kysely.selectFrom('memberships').select(['facility_id', 'role']).where('user_id', '=', userId).orderBy('facility_id').execute())
      .map((m) => ({ facilityId: m.facility_id, role: m.role }));
  const addRefreshToken = async (userId: string) => {
    const now = nowIso();
    await t.db.kysely.insertInto('refresh_tokens').values({
      id: uuidv7(), family_id: uuidv7(), user_id: userId, token_hash: uuidv7(), status: 'active', created_at: now,
      expires_at: '2999-01-01T00:00:00.000Z', idle_expires_at: '2999-01-01T00:00:00.000Z', used_at: null, ip: null, user_agent: null,
    }).execute();
  };

  test('disabling ends every session at once; enabling lets the user sign in again', async () => {
    const nurse = await createUser(t.db, [{ facilityId: home.id, role: 'nurse' }]);
    const token = await tokenFor(t.app, nurse.id);
    await addRefreshToken(nurse.id);
    assert.equal((await me(token)).statusCode, 200, 'the session works and is now cached');

    const res = await call('POST', `/users/${nurse.id}/disable`, tok.admin);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'disabled');
    assert.equal((await me(token)).statusCode, 401, 'the cached session state was dropped');
    const refresh = await t.db.kysely.selectFrom('refresh_tokens').select('status').where('user_id', '=', nurse.id).execute();
    assert.deepEqual(refresh.map((r) => r.status), ['revoked']);
    assert.equal((await call('POST', `/users/${nurse.id}/disable`, tok.admin)).statusCode, 200, 'disabling twice changes nothing');

    assert.equal((await call('POST', `/users/${nurse.id}/enable`, tok.admin)).json().status, 'active');
    assert.equal((await me(token)).statusCode, 401, 'old tokens stay dead after re-enabling');
    assert.equal((await me(await tokenFor(t.app, nurse.id))).statusCode, 200);
    assert.deepEqual(await actions(nurse.id), ['user.disable', 'user.enable']);
  });

  test('PATCH status disabled is the same as disable', async () => {
    const clerk = await createUser(t.db, [{ facilityId: home.id, role: 'billing_clerk' }]);
    const token = await tokenFor(t.app, clerk.id);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${clerk.id}`, headers: authHeaders(tok.admin), payload: { status: 'disabled', name: 'Gone Clerk' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await me(token)).statusCode, 401);
    assert.deepEqual(await actions(clerk.id), ['user.update', 'user.disable']);
  });

  test('no one disables themselves', async () => {
    const res = await call('POST', `/users/${admin.id}/disable`, tok.admin);
    assert.equal(res.statusCode, 409);
    assert.equal((await call('POST', `/users/${superAdmin.id}/disable`, tok.superAdmin)).statusCode, 409);
    assert.equal((await me(tok.admin)).statusCode, 200);
  });

  test('a temporary password ends sessions and must be changed before anything else', async () => {
    const doctor = await createUser(t.db, [{ facilityId: home.id, role: 'doctor' }]);
    const old = await tokenFor(t.app, doctor.id);
    assert.equal((await me(old)).statusCode, 200);
    const password = 'Temporary Sennar 77 river';
    const res = await call('POST', `/users/${doctor.id}/temporary-password`, tok.admin, { password });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().mustChangePassword, true);
    assert.doesNotMatch(res.body, /argon2|password_?hash|Sennar/i, 'neither the hash nor the password comes back');
    assert.equal((await me(old)).statusCode, 401);
    const fresh = await me(await tokenFor(t.app, doctor.id));
    assert.equal(fresh.statusCode, 403);
    assert.equal(fresh.json().code, 'password_change_required');
    const row = await t.db.kysely.selectFrom('users').select('password_hash').where('id', '=', doctor.id).executeTakeFirstOrThrow();
    assert.equal((await verifyPassword(row.password_hash, password)).ok, true);
    assert.deepEqual(await actions(doctor.id), ['user.temporary_password']);

    const weak = await call('POST', `/users/${doctor.id}/temporary-password`, tok.admin, { password: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.deepEqual([...new Set(weak.json().errors?.map((e) => e.field))], ['body.password']);
  });

  test('a facility admin replaces only the membership in their facility and leaves the others', async () => {
    const both = await createUser(t.db, [{ facilityId: home.id, role: 'nurse' }, { facilityId: other.id, role: 'lab_technician' }]);
    const res = await call('PUT', `/users/${both.id}/memberships`, tok.admin, { memberships: [{ facilityId: home.id, role: 'doctor' }] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().memberships, [{ facilityId: home.id, role: 'doctor' }]);
    const expected: MembershipJson[] = [{ facilityId: home.id, role: 'doctor' }, { facilityId: other.id, role: 'lab_technician' }];
    assert.deepEqual(await memberships(both.id), expected.sort((a, b) => (a.facilityId < b.facilityId ? -1 : 1)));

    const removed = await call('PUT', `/users/${both.id}/memberships`, tok.admin, { memberships: [] });
    assert.equal(removed.statusCode, 200);
    assert.deepEqual(await memberships(both.id), [{ facilityId: other.id, role: 'lab_technician' }]);
    assert.equal((await call('GET', `/users/${both.id}`, tok.admin)).statusCode, 404, 'no longer staff here');
    assert.deepEqual(await actions(both.id), ['user.memberships', 'user.memberships']);
  });

  test('a facility admin may not grant elsewhere, grant super_admin, or touch a super admin (403)', async () => {
    const nurse = await createUser(t.db, [{ facilityId: home.id, role: 'nurse' }]);
    const put = (id: string, list: MembershipJson[]) => call('PUT', `/users/${id}/memberships`, tok.admin, { memberships: list });
    assert.equal((await put(nurse.id, [{ facilityId: home.id, role: 'nurse' }, { facilityId: other.id, role: 'nurse' }])).statusCode, 403);
    assert.equal((await put(nurse.id, [{ facilityId: home.id, role: 'super_admin' }])).statusCode, 403);
    assert.equal((await put(superAdmin.id, [{ facilityId: home.id, role: 'doctor' }])).statusCode, 403);
    for (const path of ['/disable', '/temporary-password']) {
      const res = await call('POST', `/users/${superAdmin.id}${path}`, tok.admin, path === '/disable' ? undefined : { password: 'Some long passphrase 42' });
      assert.equal(res.statusCode, 403, path);
    }
    assert.deepEqual(await memberships(nurse.id), [{ facilityId: home.id, role: 'nurse' }]);
    assert.equal((await me(tok.superAdmin)).statusCode, 200);
  });

  test('a facility admin may not change the account of someone who also works elsewhere (403)', async () => {
    const shared = await createUser(t.db, [{ facilityId: home.id, role: 'pharmacist' }, { facilityId: other.id, role: 'facility_admin' }]);
    for (const [path, body] of [['/disable', undefined], ['/temporary-password', { password: 'Some long passphrase 42' }]] as const) {
      assert.equal((await call('POST', `/users/${shared.id}${path}`, tok.admin, body)).statusCode, 403, path);
    }
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${shared.id}`, headers: authHeaders(tok.admin), payload: { name: 'Renamed' } });
    assert.equal(patch.statusCode, 403);
    assert.equal((await call('POST', `/users/${shared.id}/disable`, tok.superAdmin)).statusCode, 200, 'a super admin may');
  });

  test('a super admin replaces all memberships; unknown or repeated facilities are 400s', async () => {
    const u = await createUser(t.db, [{ facilityId: home.id, role: 'nurse' }, { facilityId: other.id, role: 'nurse' }]);
    const res = await call('PUT', `/users/${u.id}/memberships`, tok.superAdmin, { memberships: [{ facilityId: other.id, role: 'super_admin' }] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(await memberships(u.id), [{ facilityId: other.id, role: 'super_admin' }]);
    const ghost = await call('PUT', `/users/${u.id}/memberships`, tok.superAdmin, { memberships: [{ facilityId: uuidv7(), role: 'nurse' }] });
    assert.deepEqual(ghost.json().errors?.map((e) => e.field), ['body.memberships.0.facilityId']);
    const twice = await call('PUT', `/users/${u.id}/memberships`, tok.superAdmin, { memberships: [{ facilityId: home.id, role: 'nurse' }, { facilityId: home.id, role: 'doctor' }] });
    assert.deepEqual(twice.json().errors?.map((e) => e.field), ['body.memberships.1.facilityId']);
    assert.deepEqual(await memberships(u.id), [{ facilityId: other.id, role: 'super_admin' }]);
  });

  test('the last active super admin cannot be demoted (409); one of two can', async () => {
    const others = await t.db.kysely.selectFrom('memberships').select('user_id').where('role', '=', 'super_admin').where('user_id', '<>', superAdmin.id).execute();
    for (const o of others) await call('POST', `/users/${o.user_id}/disable`, tok.superAdmin);
    const demote = await call('PUT', `/users/${superAdmin.id}/memberships`, tok.superAdmin, { memberships: [{ facilityId: home.id, role: 'facility_admin' }] });
    assert.equal(demote.statusCode, 409, demote.body);
    assert.deepEqual(await memberships(superAdmin.id), [{ facilityId: home.id, role: 'super_admin' }], 'rolled back');
    assert.deepEqual(await actions(superAdmin.id), [], 'nothing audited for a refused change');

    const second = await createUser(t.db, [{ facilityId: other.id, role: 'super_admin' }]);
    const ok = await call('PUT', `/users/${superAdmin.id}/memberships`, tok.superAdmin, { memberships: [{ facilityId: home.id, role: 'facility_admin' }] });
    assert.equal(ok.statusCode, 200, ok.body);
    const secondToken = await tokenFor(t.app, second.id);
    const back = await call('PUT', `/users/${superAdmin.id}/memberships`, secondToken, { memberships: [{ facilityId: home.id, role: 'super_admin' }] });
    assert.equal(back.statusCode, 200, back.body);
  });
});
