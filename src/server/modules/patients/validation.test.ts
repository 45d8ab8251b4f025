// Bad input on every database: each answers 400 naming the field at fault, and nothing is written —
// no patient, no name key, no MRN consumed, no audit event.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { openDesk, register, registered, type Desk } from '../../../../test/support/patients.ts';

const VALID = { firstName: 'Amna', lastName: 'Osman', dateOfBirth: '1990-01-01' };

function isoDate(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

const thisYear = new Date().getUTCFullYear();

// [what, body, fields the 400 must name]
const BAD_CREATES: [string, Record<string, unknown>, string[]][] = [
  ['born in the future', { ...VALID, dateOfBirth: isoDate(3) }, ['body.dateOfBirth']],
  ['February 30', { ...VALID, dateOfBirth: '2020-02-30' }, ['body.dateOfBirth']],
  ['not a date', { ...VALID, dateOfBirth: '01/02/1990' }, ['body.dateOfBirth']],
  ['born 200 years ago', { ...VALID, dateOfBirth: `${thisYear - 200}-01-01` }, ['body.dateOfBirth']],
  ['birth year in the future', { firstName: 'A', lastName: 'B', birthYear: thisYear + 2, birthDateEstimated: true }, ['body.birthYear']],
  ['birth year too old', { firstName: 'A', lastName: 'B', birthYear: 1800, birthDateEstimated: true }, ['body.birthYear']],
  ['birth year not an estimate', { firstName: 'A', lastName: 'B', birthYear: 1980, birthDateEstimated: false }, ['body.birthDateEstimated']],
  ['birth year against the date', { ...VALID, birthYear: 1991 }, ['body.birthYear']],
  ['no birth details', { firstName: 'A', lastName: 'B' }, ['body.dateOfBirth']],
  ['malformed phone', { ...VALID, phone: '0912-34' }, ['body.phone']],
  ['letters in a phone', { ...VALID, phone: '09123abc78' }, ['body.phone']],
  ['malformed national ID', { ...VALID, nationalId: '1234567' }, ['body.nationalId']],
  ['letters in a national ID', { ...VALID, nationalId: '1234567890A' }, ['body.nationalId']],
  ['unknown state', { ...VALID, address: { state: 'atlantis' } }, ['body.address.state']],
  ['unknown field', { ...VALID, favouriteColour: 'blue' }, ['body.favouriteColour']],
  ['unknown address field', { ...VALID, address: { state: 'gezira', zip: '11111' } }, ['body.address.zip']],
  ['bad emergency phone', { ...VALID, emergencyContact: { name: 'Ali', phone: '123' } }, ['body.emergencyContact.phone']],
  ['emergency contact without a phone', { ...VALID, emergencyContact: { name: 'Ali' } }, ['body.emergencyContact.phone']],
  ['no name at all', { dateOfBirth: '1990-01-01' }, ['body.firstName', 'body.lastName']],
  ['a first name only', { firstName: 'Amna', dateOfBirth: '1990-01-01' }, ['body.lastName']],
  ['an Arabic first name only', { firstNameAr: 'آمنة', dateOfBirth: '1990-01-01' }, ['body.lastNameAr']],
  ['a blank last name', { firstName: 'Amna', lastName: '   ', dateOfBirth: '1990-01-01' }, ['body.lastName']],
  ['status merged', { ...VALID, status: 'merged' }, ['body.status']],
  ['unknown sex', { ...VALID, sex: 'x' }, ['body.sex']],
  ['a name too long', { ...VALID, firstName: 'a'.repeat(101) }, ['body.firstName']],
  ['several at once', { firstName: 'A', lastName: 'B', dateOfBirth: isoDate(5), phone: 'x', nationalId: '1' }, ['body.dateOfBirth', 'body.phone', 'body.nationalId']],
];

eachDialect((dialect) => {
  let t: TestApp;
  let desk: Desk;
  before(async () => {
    t = await startTestApp(dialect);
    desk = await openDesk(t.app);
  });
  after(() => t.close());

  async function counts() {
    const k = t.db.kysely;
    const n = async (table: 'patients' | 'patient_name_keys' | 'audit_events') =>
      Number((await k.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const counter = await k.selectFrom('patient_mrn_counters').select('last_value').where('facility_id', '=', desk.facility.id).executeTakeFirst();
    return { patients: await n('patients'), keys: await n('patient_name_keys'), audit: await n('audit_events'), mrn: Number(counter?.last_value ?? 0) };
  }

  function assertNames(res: { statusCode: number; json(): { code: string; errors: { field: string }[] } }, fields: string[], what: string) {
    assert.equal(res.statusCode, 400, what);
    assert.equal(res.json().code, 'validation_failed', what);
    assert.deepEqual([...new Set(res.json().errors.map((e) => e.field))].sort(), [...fields].sort(), what);
  }

  test('every bad registration answers 400 naming the field, and writes nothing', async () => {
    await registered(t.app, desk, VALID); // so the MRN counter exists and must stay put
    const before = await counts();
    for (const [what, body, fields] of BAD_CREATES) {
      assertNames(await register(t.app, desk, body), fields, what);
    }
    assert.deepEqual(await counts(), before);
  });

  test('a valid body next to the bad ones is accepted (the cases fail for their stated reason)', async () => {
    const ok = await register(t.app, desk, { ...VALID, firstName: 'Zeinab', phone: '0912345678', nationalId: '١٢٣٤٥٦٧٨٩٠١', address: { state: 'gezira' }, birthYear: 1990 });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().nationalId, '12345678901', 'Arabic-Indic digits are accepted');
    const today = await register(t.app, desk, { firstName: 'Newborn', lastName: 'Baby', dateOfBirth: isoDate(0) });
    assert.equal(today.statusCode, 201, 'born today is not the future');
    const estimated = await register(t.app, desk, { firstName: 'Old', lastName: 'Man', birthYear: thisYear - 100 });
    assert.equal(estimated.statusCode, 201, estimated.body);
    assert.equal(estimated.json().birthDateEstimated, true);
  });

  test('a bad edit answers 400 naming the field and leaves the record as it was', async () => {
    const p = await registered(t.app, desk, { firstName: 'Huda', lastName: 'Idris', dateOfBirth: '1980-05-05' });
    const before = await counts();
    for (const [what, body, fields] of [
      ['future birth', { dateOfBirth: isoDate(2) }, ['body.dateOfBirth']],
      ['bad phone', { phone: '12' }, ['body.phone']],
      ['unknown field', { mrn: 'X-1' }, ['body.mrn']],
      ['status merged', { status: 'merged' }, ['body.status']],
    ] as const) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/patients/${p.id}`, headers: { ...desk.headers, 'if-match': '"1"' }, payload: body });
      assertNames(res, [...fields], what);
    }
    assert.deepEqual(await counts(), before);
    const now = await t.app.inject({ method: 'GET', url: `/api/v1/patients/${p.id}`, headers: desk.headers });
    assert.deepEqual([now.json().version, now.json().dateOfBirth], [1, '1980-05-05']);
  });

  test('bad list queries name their parameter', async () => {
    for (const [query, field] of [['limit=0', 'querystring.limit'], ['limit=101', 'querystring.limit'], ['status=gone', 'querystring.status'], ['cursor=nonsense', 'querystring.cursor'], ['sort=name', 'querystring.sort']] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/patients?${query}`, headers: desk.headers });
      assertNames(res, [field], query);
    }
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/patients/not-a-uuid', headers: desk.headers });
    assertNames(bad, ['params.id'], 'bad id');
  });
});
