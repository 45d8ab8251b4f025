// Facilities, departments and the facility MFA policy through HTTP on every database: who may
// create, what each caller sees, another facility answering 404, 409s, 400s naming the field,
// and an audit event for every change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, tokenFor, authHeaders, type TestFacility } from '../../../../test/support/fixtures.ts';

interface Res { statusCode: number; body: string; json(): Record<string, unknown> & { errors?: { field: string }[] } }

eachDialect((dialect) => {
  let t: TestApp;
  let home: TestFacility;
  let other: TestFacility;
  const tok = { superAdmin: '', admin: '', doctor: '', otherAdmin: '' };

  before(async () => {
    t = await startTestApp(dialect);
    home = await createFacility(t.db);
    other = await createFacility(t.db);
    const make = async (facilityId: string, role: Parameters<typeof createUser>[1][number]['role']) =>
      tokenFor(t.app, (await createUser(t.db, [{ facilityId, role }])).id);
    tok.superAdmin = await make(home.id, 'super_admin');
    tok.admin = await make(home.id, 'facility_admin');
    tok.doctor = await make(home.id, 'doctor');
    tok.otherAdmin = await make(other.id, 'facility_admin');
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token: string, payload?: unknown, facilityId?: string): Promise<Res> =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: authHeaders(token, facilityId), ...(payload !== undefined && { payload: payload as object }) });
  const fields = (res: Res) => (res.json().errors ?? []).map((e) => e.field);
  const auditActions = async (targetId: string) =>
    (await t.db.kysely.selectFrom('audit_events').select('action').where('target_id', '=', targetId).orderBy('seq').execute()).map((e) => e.action);

  const khartoum = { name: 'Khartoum North Clinic', code: 'KNC1', type: 'clinic', state: 'khartoum' };

  test('a super admin creates a facility; time zone defaults to Africa/Khartoum; the event is audited', async () => {
    const res = await call('POST', '/facilities', tok.superAdmin, khartoum);
    assert.equal(res.statusCode, 201, res.body);
    const f = res.json();
    assert.deepEqual({ ...f, id: undefined, createdAt: undefined, updatedAt: undefined }, {
      ...khartoum, id: undefined, locality: null, timeZone: 'Africa/Khartoum', lockAfterMinutes: 10, status: 'active', createdAt: undefined, updatedAt: undefined,
    });
    assert.deepEqual(await auditActions(String(f.id)), ['facility.create']);
    const read = await call('GET', `/facilities/${String(f.id)}`, tok.superAdmin);
    assert.equal(read.json().code, 'KNC1');
  });

  test('a time zone is stored in its canonical spelling; an unknown one is a 400 naming body.timeZone', async () => {
    const ok = await call('POST', '/facilities', tok.superAdmin, { ...khartoum, code: 'PSD', state: 'red_sea', locality: 'Port Sudan', timeZone: 'africa/khartoum' });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().timeZone, 'Africa/Khartoum');
    assert.equal(ok.json().locality, 'Port Sudan');
    for (const timeZone of ['Mars/Olympus', '+03:00', 'Khartoum']) {
      const bad = await call('POST', '/facilities', tok.superAdmin, { ...khartoum, code: 'TZX', timeZone });
      assert.equal(bad.statusCode, 400, timeZone);
      assert.deepEqual(fields(bad), ['body.timeZone']);
    }
  });

  test('a duplicate code is a 409, whoever spells the rest', async () => {
    const res = await call('POST', '/facilities', tok.superAdmin, { ...khartoum, name: 'Another' });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'conflict');
    assert.equal(res.json().field, 'body.code');
  });

  test('bad input is a 400 naming each field', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...khartoum, code: 'knc2' }, ['body.code']],
      [{ ...khartoum, code: 'A' }, ['body.code']],
      [{ ...khartoum, code: 'ABCDEFGHIJKLMNOPQ' }, ['body.code']],
      [{ ...khartoum, code: 'OK2', state: 'cairo' }, ['body.state']],
      [{ ...khartoum, code: 'OK2', type: 'spa' }, ['body.type']],
      [{ ...khartoum, code: 'OK2', owner: 'me' }, ['body.owner']],
      [{ code: 'OK2', type: 'clinic', state: 'khartoum' }, ['body.name']],
    ];
    for (const [body, expected] of cases) {
      const res = await call('POST', '/facilities', tok.superAdmin, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(fields(res), expected, JSON.stringify(body));
    }
  });

  test('only a super admin creates facilities', async () => {
    assert.equal((await call('POST', '/facilities', tok.admin, { ...khartoum, code: 'NOPE' })).statusCode, 403);
    assert.equal((await call('POST', '/facilities', tok.doctor, { ...khartoum, code: 'NOPE' })).statusCode, 403);
  });

  test('a super admin lists every facility; others only their own', async () => {
    const all = (await call('GET', '/facilities', tok.superAdmin)).json().items as { id: string }[];
    assert.ok(all.some((f) => f.id === other.id) && all.some((f) => f.id === home.id));
    assert.ok(all.length >= 4);
    const mine = await call('GET', '/facilities', tok.doctor);
    assert.equal(mine.statusCode, 200);
    assert.deepEqual((mine.json().items as { id: string }[]).map((f) => f.id), [home.id]);
  });

  test('the active facility reads and edits itself; another facility answers 404', async () => {
    assert.equal((await call('GET', `/facilities/${home.id}`, tok.doctor)).statusCode, 200);
    assert.equal((await call('GET', `/facilities/${other.id}`, tok.doctor)).statusCode, 404);
    assert.equal((await call('GET', `/facilities/${other.id}`, tok.admin)).statusCode, 404);
    assert.equal((await call('PATCH', `/facilities/${other.id}`, tok.admin, { name: 'Mine now' })).statusCode, 404);
    const stranger = await call('GET', `/facilities/${other.id}`, tok.admin, undefined, other.id);
    assert.equal(stranger.statusCode, 403, 'naming a facility one is not a member of in X-Facility-Id is refused');

    const res = await call('PATCH', `/facilities/${home.id}`, tok.admin, { name: 'Home Hospital', type: 'hospital', locality: 'Bahri', timeZone: 'Africa/Cairo' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().name, res.json().type, res.json().locality, res.json().timeZone], ['Home Hospital', 'hospital', 'Bahri', 'Africa/Cairo']);
    const cleared = await call('PATCH', `/facilities/${home.id}`, tok.admin, { locality: null, timeZone: 'Africa/Khartoum' });
    assert.equal(cleared.json().locality, null);
    assert.deepEqual(await auditActions(home.id), ['facility.update', 'facility.update']);
    assert.equal((await call('PATCH', `/facilities/${home.id}`, tok.doctor, { name: 'x' })).statusCode, 403);
  });

  test('a super admin edits any facility; a taken code or bad zone is refused', async () => {
    const res = await call('PATCH', `/facilities/${other.id}`, tok.superAdmin, { code: 'OTHER1' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().code, 'OTHER1');
    assert.equal((await call('PATCH', `/facilities/${home.id}`, tok.superAdmin, { code: 'OTHER1' })).statusCode, 409);
    assert.deepEqual(fields(await call('PATCH', `/facilities/${home.id}`, tok.admin, { timeZone: 'Nowhere/Town' })), ['body.timeZone']);
    assert.deepEqual(fields(await call('PATCH', `/facilities/${home.id}`, tok.admin, { status: 'inactive' })), ['body.status']);
  });

  test('departments: created by administrators, listed for members, unique code per facility', async () => {
    const created = await call('POST', `/facilities/${home.id}/departments`, tok.admin, { name: 'Outpatients', code: 'OPD' });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().facilityId, home.id);
    assert.deepEqual(await auditActions(String(created.json().id)), ['department.create']);
    assert.equal((await call('POST', `/facilities/${home.id}/departments`, tok.admin, { name: 'Again', code: 'OPD' })).statusCode, 409);
    const elsewhere = await call('POST', `/facilities/${other.id}/departments`, tok.otherAdmin, { name: 'Outpatients', code: 'OPD' });
    assert.equal(elsewhere.statusCode, 201, 'codes are unique per facility, not globally');
    assert.deepEqual(fields(await call('POST', `/facilities/${home.id}/departments`, tok.admin, { name: 'Lab', code: 'lab' })), ['body.code']);
    assert.equal((await call('POST', `/facilities/${home.id}/departments`, tok.doctor, { name: 'Lab', code: 'LAB' })).statusCode, 403);
    assert.equal((await call('POST', `/facilities/${other.id}/departments`, tok.admin, { name: 'Lab', code: 'LAB' })).statusCode, 404);

    const list = await call('GET', `/facilities/${home.id}/departments`, tok.doctor);
    assert.equal(list.statusCode, 200);
    assert.deepEqual((list.json().items as { code: string }[]).map((d) => d.code), ['OPD']);
    assert.equal((await call('GET', `/facilities/${other.id}/departments`, tok.doctor)).statusCode, 404);
    const superList = await call('GET', `/facilities/${other.id}/departments`, tok.superAdmin);
    assert.deepEqual((superList.json().items as { code: string }[]).map((d) => d.code), ['OPD']);
  });

  test('MFA policy: replaced as a whole, read back in role order, audited, scoped', async () => {
    // A facility of its own, so the policy does not demand MFA of the other tests' users.
    const clinic = await createFacility(t.db);
    const admin = await tokenFor(t.app, (await createUser(t.db, [{ facilityId: clinic.id, role: 'facility_admin' }])).id);
    assert.deepEqual((await call('GET', `/facilities/${clinic.id}/mfa-policy`, admin)).json(), { roles: [] });
    const set = await call('PUT', `/facilities/${clinic.id}/mfa-policy`, admin, { roles: ['doctor', 'facility_admin'] });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(set.json(), { roles: ['facility_admin', 'doctor'] });
    await call('PUT', `/facilities/${clinic.id}/mfa-policy`, admin, { roles: ['nurse', 'doctor'] });
    assert.deepEqual((await call('GET', `/facilities/${clinic.id}/mfa-policy`, admin)).json(), { roles: ['doctor', 'nurse'] });
    const rows = await t.db.kysely.selectFrom('facility_mfa_roles').select('role').where('facility_id', '=', clinic.id).orderBy('role').execute();
    assert.deepEqual(rows.map((r) => r.role), ['doctor', 'nurse']);
    assert.deepEqual(await auditActions(clinic.id), ['facility.mfa_policy', 'facility.mfa_policy']);

    assert.deepEqual(fields(await call('PUT', `/facilities/${clinic.id}/mfa-policy`, admin, { roles: ['wizard'] })), ['body.roles.0']);
    assert.equal((await call('PUT', `/facilities/${clinic.id}/mfa-policy`, admin, { roles: ['nurse', 'nurse'] })).statusCode, 400);
    assert.equal((await call('GET', `/facilities/${clinic.id}/mfa-policy`, tok.admin)).statusCode, 404);
    assert.equal((await call('PUT', `/facilities/${clinic.id}/mfa-policy`, tok.admin, { roles: [] })).statusCode, 404);
    assert.equal((await call('GET', `/facilities/${home.id}/mfa-policy`, tok.doctor)).statusCode, 403);
  });

  test('MFA policy: a facility admin cannot add or remove super_admin (403 naming it); a super admin can', async () => {
    const clinic = await createFacility(t.db);
    const admin = await tokenFor(t.app, (await createUser(t.db, [{ facilityId: clinic.id, role: 'facility_admin' }])).id);
    // A super admin who is also a member here: the policy of this facility would hold them everywhere.
    const boss = await tokenFor(t.app, (await createUser(t.db, [{ facilityId: clinic.id, role: 'super_admin' }])).id);
    const policy = async () => (await call('GET', `/facilities/${clinic.id}/mfa-policy`, boss)).json().roles;
    const refused = async (roles: string[]) => {
      const res = await call('PUT', `/facilities/${clinic.id}/mfa-policy`, admin, { roles });
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().code, 'forbidden');
      assert.match(String(res.json().detail), /super_admin/);
    };

    await refused(['doctor', 'super_admin']);
    assert.deepEqual(await policy(), []);
    assert.equal((await call('GET', '/facilities', boss)).statusCode, 200, 'the super admin is not put on hold');

    const bySuper = await call('PUT', `/facilities/${clinic.id}/mfa-policy`, boss, { roles: ['super_admin'] }, clinic.id);
    assert.equal(bySuper.statusCode, 200, bySuper.body);
    await refused(['doctor']);
    assert.deepEqual(await policy(), ['super_admin']);
    // Keeping super_admin as the super admin set it, while changing the roles at or below their own, is fine.
    const kept = await call('PUT', `/facilities/${clinic.id}/mfa-policy`, admin, { roles: ['super_admin', 'facility_admin', 'nurse'] });
    assert.equal(kept.statusCode, 200, kept.body);
    assert.deepEqual(await policy(), ['super_admin', 'facility_admin', 'nurse']);
  });
});
