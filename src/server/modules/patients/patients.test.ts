// Registering, reading and editing patients through HTTP on every database: the spec's flow, MRNs,
// ETags and If-Match, the national ID encrypted at rest, facility isolation and the audit trail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility } from '../../../../test/support/fixtures.ts';
import { openDesk, register, registered, type Desk } from '../../../../test/support/patients.ts';
import { uuidv7 } from '../../platform/ids.ts';

const NATIONAL_ID = '12345678901';

eachDialect((dialect) => {
  let t: TestApp;
  let desk: Desk;
  let away: Desk;
  before(async () => {
    t = await startTestApp(dialect);
    desk = await openDesk(t.app, 'receptionist', await createFacility(t.db, { code: 'KTH' }));
    away = await openDesk(t.app, 'doctor');
  });
  after(() => t.close());

  const get = (d: Desk, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/patients/${id}`, headers: d.headers });
  const patch = (d: Desk, id: string, body: object, ifMatch?: string) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/patients/${id}`, headers: { ...d.headers, ...(ifMatch !== undefined && { 'if-match': ifMatch }) }, payload: body });
  const auditOf = (patientId: string) => t.db.kysely.selectFrom('audit_events').select(['action', 'actor_id', 'facility_id', 'details'])
    .where('patient_id', '=', patientId).orderBy('seq').execute();

  test('the spec flow: a minimal body registers a patient with an MRN', async () => {
    const res = await register(t.app, desk, { firstName: 'John', lastName: 'Doe', dateOfBirth: '1990-01-01' });
    assert.equal(res.statusCode, 201, res.body);
    const p = res.json();
    assert.match(p.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    assert.match(p.mrn, /^KTH-\d{6}$/);
    assert.equal(res.headers.etag, '"1"');
    assert.equal(res.headers.location, `/api/v1/patients/${p.id}`);
    assert.deepEqual([p.status, p.sex, p.preferredLanguage, p.birthYear, p.birthDateEstimated, p.version], ['active', 'unknown', 'ar', 1990, false, 1]);
  });

  test('MRNs count up per facility and are never reused', async () => {
    const first = await registered(t.app, desk, { firstName: 'Amna', lastName: 'Yousif', birthYear: 1975, birthDateEstimated: true });
    const second = await registered(t.app, desk, { firstNameAr: 'آمنة', lastNameAr: 'يوسف', dateOfBirth: '1980-03-04' });
    assert.equal(Number(second.mrn.slice(4)), Number(first.mrn.slice(4)) + 1);
    const elsewhere = await registered(t.app, away, { firstName: 'Amna', lastName: 'Yousif', dateOfBirth: '1975-01-01' });
    assert.match(elsewhere.mrn, /-000001$/, 'another facility has its own sequence');
  });

  test('concurrent registrations get distinct, consecutive MRNs', async () => {
    const desk2 = await openDesk(t.app, 'receptionist');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      registered(t.app, desk2, { firstName: `Parallel${'x'.repeat(i)}`, lastName: 'Patient', dateOfBirth: '2001-01-01' })));
    const numbers = results.map((p) => Number(p.mrn.split('-')[1])).sort((a, b) => a - b);
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('the full record: four-part names in both scripts, contact details (email too), address', async () => {
    const body = {
      firstName: 'Mohamed', fatherName: 'Ahmed', grandfatherName: 'Elamin', lastName: 'Osman',
      firstNameAr: 'محمد', fatherNameAr: 'أحمد', grandfatherNameAr: 'الأمين', lastNameAr: 'عثمان',
      sex: 'male', dateOfBirth: '1985-07-15', phone: '091 234 5678', nationalId: '123-4567-8901',
      address: { state: 'khartoum', locality: 'Bahri', line: 'Block 4, house 12' },
      emergencyContact: { name: 'Fatima Osman', phone: '+249 912 000 111', relationship: 'sister' },
      email: 'mohamed.osman@example.com',
      preferredLanguage: 'en',
    };
    const created = await registered(t.app, desk, body);
    const res = await get(desk, created.id);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers.etag, '"1"');
    const { id: _id, mrn: _mrn, createdAt: _c, updatedAt: _u, ...rest } = res.json();
    assert.deepEqual(rest, {
      ...body, phone: '+249912345678', nationalId: NATIONAL_ID, status: 'active', mergedIntoId: null, birthYear: 1985, birthDateEstimated: false, version: 1,
      emergencyContact: { name: 'Fatima Osman', phone: '+249912000111', relationship: 'sister' },
    });
  });

  test('the national ID is encrypted at rest and found only through its blind index', async () => {
    const p = await registered(t.app, desk, { firstName: 'Salma', lastName: 'Idris', dateOfBirth: '1999-09-09', nationalId: '98765432109' });
    const row = await t.db.kysely.selectFrom('patients').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes('98765432109'), 'no column holds the plain national ID');
    assert.match(row.national_id_enc!, /^v1:t1:/, 'the key id is stored with the value');
    assert.match(row.national_id_index!, /^[0-9a-f]{64}$/);
    const events = await t.db.kysely.selectFrom('audit_events').select('details').execute();
    assert.ok(!events.some((e) => e.details?.includes('98765432109')), 'never in the audit log');
    assert.equal((await get(desk, p.id)).json().nationalId, '98765432109');
  });

  test('PATCH needs If-Match (428), refuses a stale version (409) and bumps the version', async () => {
    const p = await registered(t.app, desk, { firstName: 'Khalid', lastName: 'Hassan', dateOfBirth: '1970-01-01' });
    const missing = await patch(desk, p.id, { phone: '0912345679' });
    assert.equal(missing.statusCode, 428);
    assert.equal(missing.json().code, 'precondition_required');

    const ok = await patch(desk, p.id, { phone: '0912345679', fatherName: 'Ali' }, '"1"');
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.headers.etag, '"2"');
    assert.deepEqual([ok.json().version, ok.json().phone, ok.json().fatherName, ok.json().firstName], [2, '+249912345679', 'Ali', 'Khalid']);

    const stale = await patch(desk, p.id, { phone: null }, '"1"');
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'version_conflict');
    assert.equal(stale.json().currentVersion, 2);
    assert.equal((await get(desk, p.id)).json().phone, '+249912345679', 'the stale edit changed nothing');

    const weak = await patch(desk, p.id, { phone: null, birthYear: 1969, dateOfBirth: null }, 'W/"2"');
    assert.equal(weak.statusCode, 200, weak.body);
    assert.deepEqual([weak.json().version, weak.json().phone, weak.json().dateOfBirth, weak.json().birthYear, weak.json().birthDateEstimated], [3, null, null, 1969, true]);
    assert.equal((await patch(desk, p.id, {}, 'abc')).statusCode, 400);
  });

  test('a patch that leaves no complete name is refused and changes nothing', async () => {
    const p = await registered(t.app, desk, { firstName: 'Huda', lastName: 'Saleh', dateOfBirth: '1992-02-02' });
    const res = await patch(desk, p.id, { lastName: null }, '"1"');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field), ['body.lastName']);
    assert.equal((await get(desk, p.id)).json().version, 1);
  });

  test('another facility\'s patient is not found, for reading and editing alike', async () => {
    const p = await registered(t.app, desk, { firstName: 'Hiba', lastName: 'Ali', dateOfBirth: '2000-01-01' });
    assert.equal((await get(away, p.id)).statusCode, 404);
    assert.equal((await patch(away, p.id, { firstName: 'X' }, '"1"')).statusCode, 404);
    assert.equal((await patch(away, p.id, { firstName: 'X' })).statusCode, 404, 'not 428: existence is not revealed');
    assert.equal((await get(desk, uuidv7())).statusCode, 404);
    assert.equal((await get(desk, p.id)).json().firstName, 'Hiba');
  });

  test('reads and writes are audited with actor, facility and patient', async () => {
    const p = await registered(t.app, desk, { firstName: 'Nour', lastName: 'Adam', dateOfBirth: '1995-05-05' });
    await get(desk, p.id);
    await patch(desk, p.id, { sex: 'female' }, '"1"');
    const events = await auditOf(p.id);
    assert.deepEqual(events.map((e) => e.action), ['patient.create', 'patient.read', 'patient.update']);
    for (const e of events) assert.deepEqual([e.actor_id, e.facility_id], [desk.userId, desk.facility.id]);
    assert.deepEqual(JSON.parse(events[2]!.details!), { version: 2, fields: ['sex'] }, 'field names, never values');
  });

  test('roles without patients:write cannot register', async () => {
    const lab = await openDesk(t.app, 'lab_technician', desk.facility);
    assert.equal((await register(t.app, lab, { firstName: 'A', lastName: 'B', dateOfBirth: '2000-01-01' })).statusCode, 403);
  });
});
