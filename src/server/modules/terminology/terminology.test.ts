// The catalogues through HTTP and through the look-ups other modules use, on every database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { authHeaders, createFacility, createUser, tokenFor, type TestFacility } from '../../../../test/support/fixtures.ts';
import { searchCatalogue } from './search.ts';
import { allergyCovers, allergyGroupsOf, findIcd10, findLabTests, findMedication, flagLabResult } from './index.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let home: TestFacility;
  let away: TestFacility;
  const headers: Record<string, Record<string, string>> = {};
  before(async () => {
    t = await startTestApp(dialect);
    home = await createFacility(t.db);
    away = await createFacility(t.db);
    for (const [name, facility, role] of [['doctor', home, 'doctor'], ['admin', home, 'facility_admin'], ['awayAdmin', away, 'facility_admin'], ['receptionist', home, 'receptionist']] as const) {
      headers[name] = authHeaders(await tokenFor(t.app, (await createUser(t.db, [{ facilityId: facility.id, role }])).id));
    }
  });
  after(() => t.close());

  const get = async (url: string, who = 'doctor') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/terminology${url}`, headers: headers[who] });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ items: Record<string, unknown>[]; nextCursor: string | null }>();
  };
  const codes = async (url: string, who = 'doctor') => (await get(url, who)).items.map((i) => i.code as string);
  const setVisibility = (who: string, body: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: '/api/v1/terminology/visibility', headers: headers[who], payload: body });

  test('ICD-10 search: by code in any spelling, English words, Arabic words in their usual variants', async () => {
    assert.deepEqual(await codes('/icd10?q=B50'), ['B50.0', 'B50.8', 'B50.9']);
    assert.deepEqual(await codes('/icd10?q=b509'), ['B50.9']);
    assert.deepEqual(await codes('/icd10?q=falciparum%20cerebral'), ['B50.0']);
    assert.deepEqual(await codes(`/icd10?q=${encodeURIComponent('تيفويد')}`), ['A01.0']);
    assert.deepEqual(await codes(`/icd10?q=${encodeURIComponent('البلهارسيا البوليه')}`), ['B65.0']);
    const [typhoid] = (await get('/icd10?q=typhoid')).items;
    assert.deepEqual(typhoid, { code: 'A01.0', titleEn: 'Typhoid fever', titleAr: 'حمى التيفوئيد', billable: true, hidden: false });
  });

  test('pages follow the cursor in code order without repeats; limits are bounded', async () => {
    const first = await get('/icd10?q=malaria&limit=3');
    assert.equal(first.items.length, 3);
    const second = await get(`/icd10?q=malaria&limit=3&cursor=${first.nextCursor}`);
    const all = await codes('/icd10?q=malaria&limit=100');
    assert.deepEqual([...first.items, ...second.items].map((i) => i.code), all.slice(0, 6));
    assert.ok(all.length >= 8 && all.every((c, i) => i === 0 || all[i - 1]! < c));
    for (const bad of ['limit=0', 'limit=101', 'cursor=nonsense', `q=${'x'.repeat(101)}`]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/terminology/icd10?${bad}`, headers: headers.doctor });
      assert.equal(res.statusCode, 400, bad);
    }
  });

  test('both search plans — a rare word driving, or every word common and the catalogue walked in code order — give the same pages', async () => {
    for (const [kind, q] of [['icd10', 'malaria'], ['icd10', 'fever'], ['icd10', 'fracture of'], ['icd10', 'حمى'], ['medication', 'tablet 500'], ['lab_test', 'urine']] as const) {
      const pages = async (driverCap?: number) => {
        const codes: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await searchCatalogue<{ code: string }>(t.db.kysely, home.id, kind, { q, limit: 3, cursor, driverCap });
          codes.push(...page.rows.map((r) => r.code));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return codes;
      };
      const driven = await pages();
      assert.ok(driven.length >= 3, `${q}: ${driven.length}`);
      assert.deepEqual(await pages(1), driven, q);
    }
  });

  test('formulary and lab test search, and the look-ups the clinical module uses', async () => {
    assert.ok((await codes('/medications?q=amoxicillin%20500')).includes('amoxicillin-cap-500mg'));
    assert.ok((await codes(`/medications?q=${encodeURIComponent('اموكسيسيلين')}`)).includes('co-amoxiclav-tab-625mg'));
    assert.deepEqual(await codes('/lab-tests?q=718-7'), ['718-7']);
    assert.ok((await codes(`/lab-tests?q=${encodeURIComponent('ملاريا')}`)).includes('32700-7'));

    assert.deepEqual(await findIcd10(t.db.kysely, home.id, 'b50.9'), { code: 'B50.9', titleEn: 'Plasmodium falciparum malaria, unspecified', titleAr: 'ملاريا المتصورة المنجلية، غير محددة', billable: true });
    assert.equal(await findIcd10(t.db.kysely, home.id, 'Z99.9'), undefined);
    assert.equal(await findIcd10(t.db.kysely, home.id, 'not a code'), undefined);
    const amoxiclav = await findMedication(t.db.kysely, home.id, 'co-amoxiclav-tab-625mg');
    assert.ok(amoxiclav);
    assert.deepEqual(allergyGroupsOf(amoxiclav), ['penicillins', 'beta_lactams']);
    assert.ok(allergyCovers(amoxiclav, 'penicillins') && allergyCovers(amoxiclav, 'Amoxicillin') && !allergyCovers(amoxiclav, 'sulfonamides'));
    const tests = await findLabTests(t.db.kysely, home.id, ['2823-3', '718-7', '0000-0', 'junk']);
    assert.deepEqual(tests.map((x) => x.code), ['2823-3', '718-7']);
    const potassium = tests[0]!;
    assert.deepEqual([potassium.unit, potassium.low, potassium.high, potassium.criticalLow, potassium.criticalHigh], ['mmol/L', 3.5, 5.1, 2.5, 6.5]);
    assert.equal(flagLabResult(potassium, 6.8), 'critical_high');
    assert.equal(flagLabResult(tests[1]!, 12.5, { sex: 'female' }), 'normal');
    const groups = (await get('/allergy-groups')).items;
    assert.deepEqual(groups.find((g) => g.id === 'penicillins'), { id: 'penicillins', en: 'Penicillins', ar: 'البنسلينات' });
  });

  test("a facility hides entries it does not use: gone from its searches and look-ups, not from another facility's", async () => {
    const hide = await setVisibility('admin', { kind: 'icd10', code: 'b54', hidden: true });
    assert.equal(hide.statusCode, 200, hide.body);
    assert.deepEqual(hide.json(), { kind: 'icd10', code: 'B54', hidden: true, changed: true });
    assert.equal((await setVisibility('admin', { kind: 'icd10', code: 'B54', hidden: true })).json().changed, false, 'hiding twice changes nothing');
    assert.equal(await findIcd10(t.db.kysely, home.id, 'B54'), undefined);
    assert.ok(await findIcd10(t.db.kysely, away.id, 'B54'));
    assert.ok(!(await codes('/icd10?q=B5')).includes('B54'));
    assert.ok((await codes('/icd10?q=B5', 'awayAdmin')).includes('B54'));
    const listed = (await get('/icd10?q=B54&includeHidden=true')).items;
    assert.deepEqual(listed.map((i) => [i.code, i.hidden]), [['B54', true]]);

    assert.equal((await setVisibility('admin', { kind: 'lab_test', code: '718-7', hidden: true })).statusCode, 200);
    assert.deepEqual((await findLabTests(t.db.kysely, home.id, ['718-7', '2823-3'])).map((x) => x.code), ['2823-3']);
    assert.equal((await setVisibility('admin', { kind: 'lab_test', code: '718-7', hidden: false })).json().changed, true);
    assert.equal((await findLabTests(t.db.kysely, home.id, ['718-7'])).length, 1);

    const events = await t.db.kysely.selectFrom('audit_events').select(['action', 'target_id', 'facility_id']).where('action', 'like', 'terminology.%').orderBy('seq').execute();
    assert.deepEqual(events.map((e) => [e.action, e.target_id, e.facility_id]), [
      ['terminology.hide', 'B54', home.id], ['terminology.hide', '718-7', home.id], ['terminology.show', '718-7', home.id],
    ]);
  });

  test('hiding needs terminology:manage and an entry that exists; nothing is written otherwise', async () => {
    assert.equal((await setVisibility('doctor', { kind: 'icd10', code: 'A09.9', hidden: true })).statusCode, 403);
    const missing = await setVisibility('admin', { kind: 'medication', code: 'unobtainium-tab-1mg', hidden: true });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().detail, /no entry with the code unobtainium-tab-1mg/);
    const inArabic = await t.app.inject({ method: 'PUT', url: '/api/v1/terminology/visibility', headers: { ...headers.admin, 'accept-language': 'ar' }, payload: { kind: 'icd10', code: 'Z99.99', hidden: true } });
    assert.equal(inArabic.json().detail, 'لا يوجد في الفهرس مدخل بالرمز Z99.99؛ ابحث في الفهرس عن الرمز الصحيح.');
    assert.equal((await setVisibility('admin', { kind: 'diagnosis', code: 'A09.9', hidden: true })).statusCode, 400);
    assert.ok(await findIcd10(t.db.kysely, home.id, 'A09.9'));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/terminology/icd10?q=malaria', headers: headers.receptionist });
    assert.equal(res.statusCode, 403, 'the catalogues are for clinical roles');
  });
});
