// Search through HTTP on every database, for what a receptionist types that the name keys alone
// did not find: a name in the other script, the second word of an Abd compound, the number part
// of an MRN, a name with a birth year; and the list's birth-date filters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility } from '../../../../test/support/fixtures.ts';
import { found, openDesk, registered, search, type Desk } from '../../../../test/support/patients.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let desk: Desk;
  const p: Record<string, { id: string; mrn: string }> = {};
  const sorted = (ids: string[]) => [...ids].sort();
  before(async () => {
    t = await startTestApp(dialect);
    desk = await openDesk(t.app, 'receptionist', await createFacility(t.db, { code: 'XSC' }));
    p.fatimaAr = await registered(t.app, desk, { firstNameAr: 'فاطمة', lastNameAr: 'الأمين', sex: 'female', dateOfBirth: '1985-04-04' });
    p.fatimaLatin = await registered(t.app, desk, { firstName: 'Fatma', lastName: 'Babiker', sex: 'female', dateOfBirth: '1979-01-01' });
    p.mohamed1985 = await registered(t.app, desk, { firstName: 'Mohamed', lastName: 'Osman', sex: 'male', dateOfBirth: '1985-06-01' });
    p.mohamed1990 = await registered(t.app, desk, { firstName: 'Muhammad', lastName: 'Ali', sex: 'male', dateOfBirth: '1990-02-02' });
    p.mohamedAr = await registered(t.app, desk, { firstNameAr: 'محمد', lastNameAr: 'الطيب', sex: 'male', birthYear: 1985, birthDateEstimated: true });
    p.abdelrahmanAr = await registered(t.app, desk, { firstNameAr: 'عبد الرحمن', lastNameAr: 'محمود', sex: 'male', dateOfBirth: '1970-01-01' });
    p.abdelrahmanLatin = await registered(t.app, desk, { firstName: 'Abdelrahman', lastName: 'Hamid', sex: 'male', dateOfBirth: '1971-01-01' });
    p.mahmoud = await registered(t.app, desk, { firstName: 'Mahmoud', lastName: 'Hamid', sex: 'male', dateOfBirth: '1985-09-09' });
  });
  after(() => t.close());

  test('"Fatima" finds a patient registered only as "فاطمة الأمين", and "فاطمة" one registered only in Latin', async () => {
    assert.deepEqual(sorted(await found(t.app, desk, 'Fatima')), sorted([p.fatimaAr!.id, p.fatimaLatin!.id]));
    assert.deepEqual(await found(t.app, desk, 'Fatma Elamin'), [p.fatimaAr!.id]);
    assert.deepEqual(sorted(await found(t.app, desk, 'فاطمة')), sorted([p.fatimaAr!.id, p.fatimaLatin!.id]));
    assert.deepEqual(await found(t.app, desk, 'فاطمة بابكر'), [p.fatimaLatin!.id]);
  });

  test('Mohamed and محمد find each other, and neither finds Mahmoud', async () => {
    const mohameds = sorted([p.mohamed1985!.id, p.mohamed1990!.id, p.mohamedAr!.id]);
    assert.deepEqual(sorted(await found(t.app, desk, 'Mohamed')), mohameds);
    assert.deepEqual(sorted(await found(t.app, desk, 'محمد')), mohameds);
    // عبد الرحمن محمود has Mahmoud as a last name, in Arabic only.
    const mahmouds = sorted([p.mahmoud!.id, p.abdelrahmanAr!.id]);
    assert.deepEqual(sorted(await found(t.app, desk, 'Mahmoud')), mahmouds);
    assert.deepEqual(sorted(await found(t.app, desk, 'محمود')), mahmouds);
  });

  test('the second word of a compound name finds it: "الرحمن" and "Rahman" for عبد الرحمن / Abdelrahman', async () => {
    const both = sorted([p.abdelrahmanAr!.id, p.abdelrahmanLatin!.id]);
    assert.deepEqual(sorted(await found(t.app, desk, 'الرحمن')), both);
    assert.deepEqual(sorted(await found(t.app, desk, 'Rahman')), both);
    assert.deepEqual(sorted(await found(t.app, desk, 'عبدالرحمن')), both);
  });

  test('the number part of an MRN finds it, with or without its zeros', async () => {
    const number = p.fatimaLatin!.mrn.split('-')[1]!; // "000002"
    assert.match(number, /^0+\d$/);
    assert.deepEqual(await found(t.app, desk, number), [p.fatimaLatin!.id]);
    assert.deepEqual(await found(t.app, desk, String(Number(number))), [p.fatimaLatin!.id]);
    assert.deepEqual(await found(t.app, desk, `xsc-${Number(number)}`), [p.fatimaLatin!.id]);
    assert.deepEqual(await found(t.app, desk, '999999'), []);
  });

  test('a name with a birth year finds the patients of that name born that year', async () => {
    assert.deepEqual(sorted(await found(t.app, desk, 'Mohamed 1985')), sorted([p.mohamed1985!.id, p.mohamedAr!.id]));
    assert.deepEqual(await found(t.app, desk, '1990 Mohamed'), [p.mohamed1990!.id]);
    assert.deepEqual(await found(t.app, desk, 'محمد 1990'), [p.mohamed1990!.id]);
    assert.deepEqual(await found(t.app, desk, 'Mohamed 1985-06-01'), [p.mohamed1985!.id], 'a full date too');
    assert.deepEqual(await found(t.app, desk, 'Mohamed 1984'), []);
  });

  test('the list filters by exact birth date or birth year, alone or with a query', async () => {
    const list = async (query: Record<string, string>) => {
      const res = await search(t.app, desk, query);
      assert.equal(res.statusCode, 200, res.body);
      return sorted(res.json<{ items: { id: string }[] }>().items.map((i) => i.id));
    };
    assert.deepEqual(await list({ dateOfBirth: '1985-04-04' }), [p.fatimaAr!.id]);
    assert.deepEqual(await list({ birthYear: '1985' }), sorted([p.fatimaAr!.id, p.mohamed1985!.id, p.mohamedAr!.id, p.mahmoud!.id]));
    assert.deepEqual(await list({ q: 'Mohamed', birthYear: '1990' }), [p.mohamed1990!.id]);
    assert.deepEqual(await list({ q: 'Hamid', dateOfBirth: '1985-09-09' }), [p.mahmoud!.id]);
    assert.deepEqual(await list({ q: p.fatimaAr!.mrn, birthYear: '1985' }), [p.fatimaAr!.id]);
    assert.deepEqual(await list({ q: p.fatimaAr!.mrn, birthYear: '1986' }), [], 'an identifier hit obeys the filter too');
    const bads: Record<string, string>[] = [{ dateOfBirth: '1985-13-01' }, { dateOfBirth: '04/04/1985' }, { birthYear: 'abc' }, { birthYear: '1985.5' }];
    for (const bad of bads) {
      const res = await search(t.app, desk, bad);
      assert.equal(res.statusCode, 400, `${JSON.stringify(bad)}: ${res.body}`);
    }
  });
});
