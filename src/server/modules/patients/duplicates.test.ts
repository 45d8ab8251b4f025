// Duplicate checks on registration, on every database: a likely match answers 409 with the
// candidates and writes nothing; "confirmNew": true registers anyway.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { openDesk, register, registered, type Desk } from '../../../../test/support/patients.ts';

interface Candidate { id: string; mrn: string; name: string; dateOfBirth: string | null; matchedOn: string[] }

eachDialect((dialect) => {
  let t: TestApp;
  let desk: Desk;
  before(async () => {
    t = await startTestApp(dialect);
    desk = await openDesk(t.app);
  });
  after(() => t.close());

  const patientCount = async () => Number((await t.db.kysely.selectFrom('patients').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function expectCandidates(body: Record<string, unknown>, ids: string[], matchedOn: string[]): Promise<Candidate[]> {
    const before = await patientCount();
    const res = await register(t.app, desk, body);
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, 'duplicate_candidates');
    const candidates: Candidate[] = res.json().candidates;
    assert.deepEqual(candidates.map((c) => c.id).sort(), [...ids].sort());
    assert.deepEqual([...new Set(candidates.flatMap((c) => c.matchedOn))].sort(), [...matchedOn].sort());
    assert.equal(await patientCount(), before, 'nothing was written');
    return candidates;
  }

  test('the same national ID → 409 listing the existing patient; confirmNew registers anyway', async () => {
    const existing = await registered(t.app, desk, { firstName: 'Omer', lastName: 'Bashir', dateOfBirth: '1960-01-01', nationalId: '11122233344' });
    const body = { firstName: 'Omar', lastName: 'Albashir', dateOfBirth: '1961-01-01', nationalId: '111-2223-3344' };
    const [c] = await expectCandidates(body, [existing.id], ['nationalId']);
    assert.deepEqual(c, { id: existing.id, mrn: existing.mrn, name: 'Omer Bashir', dateOfBirth: '1960-01-01', birthYear: 1960, matchedOn: ['nationalId'] });
    const res = await register(t.app, desk, { ...body, confirmNew: true });
    assert.equal(res.statusCode, 201, res.body);
  });

  test('the same phone, however it was typed', async () => {
    const existing = await registered(t.app, desk, { firstName: 'Sara', lastName: 'Musa', dateOfBirth: '1990-01-01', phone: '+249 91 555 0101' });
    await expectCandidates({ firstName: 'Sarah', lastName: 'Moussa', dateOfBirth: '1991-02-02', phone: '0915550101' }, [existing.id], ['phone']);
  });

  test('the same first and last name, spelled differently, with the same birth date', async () => {
    const existing = await registered(t.app, desk, { firstName: 'Mohamed', fatherName: 'Ali', lastName: 'Osman', dateOfBirth: '1975-03-03' });
    await expectCandidates({ firstName: 'Muhammad', lastName: 'Othman', dateOfBirth: '1975-03-03' }, [existing.id], ['nameAndBirth']);
    const otherDay = await register(t.app, desk, { firstName: 'Muhammad', lastName: 'Othman', dateOfBirth: '1975-03-04' });
    assert.equal(otherDay.statusCode, 201, 'another birth date is another person');
    const swapped = await register(t.app, desk, { firstName: 'Ali', lastName: 'Mohamed', dateOfBirth: '1975-03-03' });
    assert.equal(swapped.statusCode, 201, 'names in other parts are not a match');
  });

  test('an estimated birth year matches any date in that year, in either direction', async () => {
    const estimated = await registered(t.app, desk, { firstName: 'Fatima', lastName: 'Adam', birthYear: 1950, birthDateEstimated: true });
    await expectCandidates({ firstName: 'Fatma', lastName: 'Adam', dateOfBirth: '1950-06-01' }, [estimated.id], ['nameAndBirth']);
    const exact = await registered(t.app, desk, { firstName: 'Hawa', lastName: 'Yahia', dateOfBirth: '1952-09-09' });
    await expectCandidates({ firstName: 'Hawa', lastName: 'Yahya', birthYear: 1952 }, [exact.id], ['nameAndBirth']);
  });

  test('Arabic names match through their normal forms', async () => {
    const existing = await registered(t.app, desk, { firstNameAr: 'أحمد', lastNameAr: 'الأمين', dateOfBirth: '2001-01-01' });
    await expectCandidates({ firstNameAr: 'احمد', lastNameAr: 'امين', dateOfBirth: '2001-01-01' }, [existing.id], ['nameAndBirth']);
  });

  test('an Arabic and a Latin registration of one person (same birth date and sex) are likely duplicates', async () => {
    const arabic = await registered(t.app, desk, { firstNameAr: 'فاطمة', lastNameAr: 'الأمين', sex: 'female', dateOfBirth: '1992-05-05' });
    await expectCandidates({ firstName: 'Fatma', lastName: 'Elamin', sex: 'female', dateOfBirth: '1992-05-05' }, [arabic.id], ['nameAndBirth']);
    await expectCandidates({ firstName: 'Fatima', fatherName: 'Ali', lastName: 'Al-Amin', sex: 'female', dateOfBirth: '1992-05-05' }, [arabic.id], ['nameAndBirth']);

    const latin = await registered(t.app, desk, { firstName: 'Abdelrahman', lastName: 'Osman', sex: 'male', dateOfBirth: '1980-08-08' });
    const [c] = await expectCandidates({ firstNameAr: 'عبد الرحمن', lastNameAr: 'عثمان', sex: 'male', dateOfBirth: '1980-08-08' }, [latin.id], ['nameAndBirth']);
    assert.equal(c!.name, 'Abdelrahman Osman');
    const unknownSex = await registered(t.app, desk, { firstNameAr: 'محمد', lastNameAr: 'أحمد', dateOfBirth: '1966-06-06' });
    await expectCandidates({ firstName: 'Muhammad', lastName: 'Ahmad', sex: 'male', dateOfBirth: '1966-06-06' }, [unknownSex.id], ['nameAndBirth']);
  });

  test('across scripts, another sex, birth date or name is another person', async () => {
    await registered(t.app, desk, { firstNameAr: 'سارة', lastNameAr: 'الطيب', sex: 'female', dateOfBirth: '1993-03-03' });
    await registered(t.app, desk, { firstNameAr: 'محمد', lastNameAr: 'حسن', sex: 'male', dateOfBirth: '1994-04-04' });
    for (const body of [
      { firstName: 'Sara', lastName: 'Eltayeb', sex: 'male', dateOfBirth: '1993-03-03' },
      { firstName: 'Sara', lastName: 'Eltayeb', sex: 'female', dateOfBirth: '1993-03-04' },
      { firstName: 'Mahmoud', lastName: 'Hassan', sex: 'male', dateOfBirth: '1994-04-04' },
      { firstName: 'Mohamed', lastName: 'Hussein', sex: 'male', dateOfBirth: '1994-04-04' },
    ]) {
      const res = await register(t.app, desk, body);
      assert.equal(res.statusCode, 201, `${JSON.stringify(body)}: ${res.body}`);
    }
  });

  test('several reasons and several candidates are reported together', async () => {
    const a = await registered(t.app, desk, { firstName: 'Yasir', lastName: 'Hamid', dateOfBirth: '1988-01-01', phone: '0911000001' });
    const b = await registered(t.app, desk, { firstName: 'Kamal', lastName: 'Hamid', dateOfBirth: '1988-01-01', nationalId: '55566677788' });
    const candidates = await expectCandidates(
      { firstName: 'Yassir', lastName: 'Hamid', dateOfBirth: '1988-01-01', phone: '0911000001', nationalId: '55566677788' },
      [a.id, b.id], ['phone', 'nameAndBirth', 'nationalId'],
    );
    assert.deepEqual(candidates.find((c) => c.id === a.id)!.matchedOn.sort(), ['nameAndBirth', 'phone']);
  });

  test('the candidates shown are audited; another facility\'s patients are never candidates', async () => {
    const existing = await registered(t.app, desk, { firstName: 'Nafisa', lastName: 'Salih', dateOfBirth: '1999-12-12', phone: '0911000002' });
    await expectCandidates({ firstName: 'Nafisa', lastName: 'Salih', dateOfBirth: '1999-12-12' }, [existing.id], ['nameAndBirth']);
    const event = await t.db.kysely.selectFrom('audit_events').select(['action', 'details']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(event.action, 'patient.duplicate_check');
    assert.deepEqual(JSON.parse(event.details!).ids, [existing.id]);

    const away = await openDesk(t.app);
    const res = await register(t.app, away, { firstName: 'Nafisa', lastName: 'Salih', dateOfBirth: '1999-12-12', phone: '0911000002' });
    assert.equal(res.statusCode, 201, res.body);
  });
});
