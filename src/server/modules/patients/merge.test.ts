// Merging a duplicate registration into its survivor, on every database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { found, openDesk, registered, search, type Desk } from '../../../../test/support/patients.ts';

// What each registered merge participant reports for patients with no records.
// One count per merge participant the modules register (scheduling, clinical, billing, notifications).
const NOTHING_MOVED = { appointments: 0, encounters: 0, allergies: 0, problems: 0, prescriptions: 0, labOrders: 0, invoices: 0, payments: 0, coverages: 0, contactPreferences: 0 };

eachDialect((dialect) => {
  let t: TestApp;
  let desk: Desk;
  let away: Desk;
  before(async () => {
    t = await startTestApp(dialect);
    desk = await openDesk(t.app, 'receptionist');
    away = await openDesk(t.app, 'receptionist');
  });
  after(() => t.close());

  const merge = (d: Desk, survivorId: string, duplicateId: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/patients/${survivorId}/merge`, headers: d.headers, payload: { duplicateId } });
  const get = (d: Desk, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/patients/${id}`, headers: d.headers });
  const pair = async (d = desk) => [
    await registered(t.app, d, { firstName: 'Ibrahim', lastName: 'Nur', dateOfBirth: '1980-10-10', phone: '0912000333' }),
    await registered(t.app, d, { firstName: 'Ebrahim', lastName: 'Noor', dateOfBirth: '1980-10-10' }),
  ] as const;

  test('the duplicate becomes merged and points at the survivor, which keeps its MRN', async () => {
    const [survivor, duplicate] = await pair();
    const res = await merge(desk, survivor.id, duplicate.id);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().id, res.json().mrn, res.json().status], [survivor.id, survivor.mrn, 'active']);

    const merged = await get(desk, duplicate.id);
    assert.equal(merged.statusCode, 200);
    assert.deepEqual([merged.json().status, merged.json().mergedIntoId, merged.json().mrn, merged.json().version], ['merged', survivor.id, duplicate.mrn, 2]);
    assert.equal(merged.headers.etag, '"2"');
  });

  test('merged patients are left out of searches unless asked for', async () => {
    const [survivor, duplicate] = await pair();
    await merge(desk, survivor.id, duplicate.id);
    assert.ok(!(await found(t.app, desk, 'Ebrahim Noor')).includes(duplicate.id));
    assert.ok(!(await found(t.app, desk, duplicate.mrn)).includes(duplicate.id));
    const merged = await search(t.app, desk, { q: 'Ibrahim Nur', status: 'merged' });
    assert.ok(merged.json().items.some((i: { id: string; mergedIntoId: string }) => i.id === duplicate.id && i.mergedIntoId === survivor.id));
    const list = await search(t.app, desk, { limit: '100' });
    assert.ok(!list.json().items.some((i: { id: string }) => i.id === duplicate.id));
  });

  test('into itself, from an already merged record, or into one → 409, changing nothing', async () => {
    const [survivor, duplicate] = await pair();
    const [other] = await pair();
    assert.equal((await merge(desk, survivor.id, survivor.id)).statusCode, 409);
    assert.equal((await merge(desk, survivor.id, duplicate.id)).statusCode, 200);
    const again = await merge(desk, other.id, duplicate.id);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().mergedIntoId, survivor.id);
    assert.equal((await merge(desk, duplicate.id, other.id)).statusCode, 409, 'a merged record cannot survive a merge');
    assert.equal((await get(desk, duplicate.id)).json().mergedIntoId, survivor.id);
    assert.equal((await get(desk, other.id)).json().status, 'active');
  });

  test('a merged record cannot be edited', async () => {
    const [survivor, duplicate] = await pair();
    await merge(desk, survivor.id, duplicate.id);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/patients/${duplicate.id}`, headers: { ...desk.headers, 'if-match': '"2"' }, payload: { phone: '0912000444' } });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'invalid_transition');
  });

  test('either patient in another facility → 404, and nothing changes', async () => {
    const [mine] = await pair();
    const [theirs] = await pair(away);
    assert.equal((await merge(desk, mine.id, theirs.id)).statusCode, 404);
    assert.equal((await merge(desk, theirs.id, mine.id)).statusCode, 404);
    assert.equal((await get(desk, mine.id)).json().status, 'active');
    assert.equal((await get(away, theirs.id)).json().status, 'active');
  });

  test('the merge is audited on both patients; a role without patients:merge is refused', async () => {
    const [survivor, duplicate] = await pair();
    const nurse = await openDesk(t.app, 'nurse', desk.facility);
    assert.equal((await merge(nurse, survivor.id, duplicate.id)).statusCode, 403);
    await merge(desk, survivor.id, duplicate.id);
    const events = await t.db.kysely.selectFrom('audit_events').select(['patient_id', 'details'])
      .where('action', '=', 'patient.merge').where('patient_id', 'in', [survivor.id, duplicate.id]).execute();
    const byPatient = Object.fromEntries(events.map((e) => [e.patient_id, JSON.parse(e.details!)]));
    assert.deepEqual(byPatient[survivor.id], { role: 'survivor', duplicateId: duplicate.id, duplicateMrn: duplicate.mrn, moved: NOTHING_MOVED });
    assert.deepEqual(byPatient[duplicate.id], { role: 'duplicate', survivorId: survivor.id, survivorMrn: survivor.mrn, moved: NOTHING_MOVED });
  });
});
