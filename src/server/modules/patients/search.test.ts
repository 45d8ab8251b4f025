// Search through HTTP on every database: Arabic and Latin names with their spelling variants, name
// prefixes, MRN, phone and national ID, ranking, masking, status filter, pages and the audit trail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility } from '../../../../test/support/fixtures.ts';
import { found, openDesk, registered, search, type Desk } from '../../../../test/support/patients.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let desk: Desk;
  const p: Record<string, { id: string; mrn: string }> = {};
  before(async () => {
    t = await startTestApp(dialect);
    desk = await openDesk(t.app, 'receptionist', await createFacility(t.db, { code: 'SRC' }));
    const dob = { dateOfBirth: '1988-08-08' };
    p.ahmed = await registered(t.app, desk, { firstNameAr: 'أحمد', lastNameAr: 'الطيب', ...dob });
    p.ahnaf = await registered(t.app, desk, { firstNameAr: 'أحنف', lastNameAr: 'قيس', ...dob });
    p.mohamed = await registered(t.app, desk, { firstName: 'Mohamed', fatherName: 'Osman', lastName: 'Elfatih', ...dob });
    p.abdelrahman = await registered(t.app, desk, { firstNameAr: 'عبد الرحمن', lastNameAr: 'محمود', firstName: 'Abdel Rahman', lastName: 'Mahmoud', ...dob });
    p.phone = await registered(t.app, desk, { firstName: 'Salwa', lastName: 'Babiker', phone: '+249912345678', ...dob });
    p.nid = await registered(t.app, desk, { firstName: 'Tarig', lastName: 'Gamal', nationalId: '12345678901', ...dob });
    p.zainab = await registered(t.app, desk, { firstName: 'Zainab', lastName: 'Zubair', ...dob });
    p.namedLikeMrn = await registered(t.app, desk, { firstName: 'Src', lastName: p.zainab.mrn.split('-')[1]!, ...dob });
    p.ali = await registered(t.app, desk, { firstName: 'Ali', lastName: 'Hassan', ...dob });
    p.alawia = await registered(t.app, desk, { firstName: 'Alawia', lastName: 'Hassan', ...dob });
  });
  after(() => t.close());

  test('Arabic: "أحمد" is found by typing "احمد", and the article is optional', async () => {
    assert.deepEqual(await found(t.app, desk, 'احمد'), [p.ahmed!.id]);
    assert.deepEqual(await found(t.app, desk, 'أحمد الطيب'), [p.ahmed!.id]);
    assert.deepEqual(await found(t.app, desk, 'احمد طيب'), [p.ahmed!.id]);
  });

  test('Latin transliterations: "Mohamed" is found by "Muhammad" and "MOHAMMED"', async () => {
    assert.deepEqual(await found(t.app, desk, 'Muhammad'), [p.mohamed!.id]);
    assert.deepEqual(await found(t.app, desk, 'MOHAMMED usman al-fatih'), [p.mohamed!.id]);
  });

  test('"عبد الرحمن" is found by "عبدالرحمن", and "Abdel Rahman" by "Abdulrahman"', async () => {
    assert.deepEqual(await found(t.app, desk, 'عبدالرحمن'), [p.abdelrahman!.id]);
    assert.deepEqual(await found(t.app, desk, 'Abdulrahman'), [p.abdelrahman!.id]);
    assert.deepEqual(await found(t.app, desk, 'Abd al-Rahman Mahmud'), [p.abdelrahman!.id]);
  });

  test('prefixes match, and the range stops exactly where the prefix does', async () => {
    assert.deepEqual(await found(t.app, desk, 'Muham'), [p.mohamed!.id]);
    // "احم" ends where "احن" begins: أحنف is right past the range and must stay out.
    assert.deepEqual(await found(t.app, desk, 'احم'), [p.ahmed!.id]);
    assert.deepEqual(await found(t.app, desk, 'احن'), [p.ahnaf!.id]);
    assert.deepEqual((await found(t.app, desk, 'اح')).sort(), [p.ahmed!.id, p.ahnaf!.id].sort());
    assert.deepEqual(await found(t.app, desk, 'Mohamed Xq'), [], 'every token must match');
  });

  test('by MRN, by phone in local form, by national ID', async () => {
    assert.deepEqual(await found(t.app, desk, p.phone!.mrn.toLowerCase()), [p.phone!.id]);
    assert.deepEqual(await found(t.app, desk, '0912345678'), [p.phone!.id]);
    assert.deepEqual(await found(t.app, desk, '0912'), [], 'a partial number is not a phone');
    assert.deepEqual(await found(t.app, desk, '123 4567 8901'), [p.nid!.id]);
  });

  test('an exact MRN hit ranks first, before name matches that sort earlier', async () => {
    // "Src <number>" matches the MRN's words as a name, and sorts before "Zainab Zubair".
    assert.deepEqual(await found(t.app, desk, p.zainab!.mrn), [p.zainab!.id, p.namedLikeMrn!.id]);
  });

  test('patients whose key equals a token rank before prefix-only matches', async () => {
    // Ali's key is "al"; Alawia's, "alw", only starts with it. By name alone Alawia would come first.
    assert.deepEqual(await found(t.app, desk, 'Ali'), [p.ali!.id, p.alawia!.id]);
    assert.deepEqual(await found(t.app, desk, 'Hassan Ali'), [p.ali!.id, p.alawia!.id]);
  });

  test('lists and search results mask the national ID; the record shows it', async () => {
    const res = await search(t.app, desk, { q: '12345678901' });
    assert.equal(res.json().items[0].nationalId, '*******8901');
    const list = await search(t.app, desk, { limit: '100' });
    assert.ok(!list.body.includes('12345678901'));
    assert.equal(list.json().items.find((i: { id: string }) => i.id === p.nid!.id).nationalId, '*******8901');
    const record = await t.app.inject({ method: 'GET', url: `/api/v1/patients/${p.nid!.id}`, headers: desk.headers });
    assert.equal(record.json().nationalId, '12345678901');
  });

  test('pages follow nextCursor without repeats, newest first when listing', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await search(t.app, desk, { limit: '3', ...(cursor && { cursor }) });
      assert.equal(res.statusCode, 200, res.body);
      seen.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    const all = Object.values(p).map((x) => x.id);
    assert.deepEqual(seen, [...all].sort().reverse());

    const hassan: string[] = [];
    const first = await search(t.app, desk, { q: 'Hassan', limit: '1' });
    hassan.push(first.json().items[0].id);
    const second = await search(t.app, desk, { q: 'Hassan', limit: '1', cursor: first.json().nextCursor });
    hassan.push(second.json().items[0].id);
    assert.equal(second.json().nextCursor, null);
    assert.deepEqual(hassan.sort(), [p.ali!.id, p.alawia!.id].sort());
  });

  test('another facility finds none of these patients', async () => {
    const away = await openDesk(t.app, 'doctor');
    for (const q of ['احمد', 'Muhammad', p.phone!.mrn, '0912345678', '12345678901']) assert.deepEqual(await found(t.app, away, q), [], q);
    assert.deepEqual((await search(t.app, away, {})).json().items, []);
  });

  test('a search is audited with the number and ids of the patients it showed, not the query', async () => {
    await found(t.app, desk, 'Muhammad');
    const event = await t.db.kysely.selectFrom('audit_events').select(['action', 'actor_id', 'facility_id', 'details'])
      .where('action', '=', 'patient.search').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.deepEqual([event.actor_id, event.facility_id], [desk.userId, desk.facility.id]);
    const details = JSON.parse(event.details!);
    assert.deepEqual([details.resultCount, details.ids], [1, [p.mohamed!.id]]);
    assert.ok(!event.details!.toLowerCase().includes('muhammad'));
  });
});
