// `nilecare terminology import icd10 FILE` on a sample in the exact NCHS order-file format
// (test/fixtures/icd10cm_order_2025_sample.txt: 27 lines, 6 of them header codes), run as an
// operator runs it, on every database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eachDialect, startTestEnv, TEST_SECRETS, type TestEnv } from '../../../../test/support/app.ts';
import { runCli } from '../../../../test/support/cli.ts';
import { createFacility } from '../../../../test/support/fixtures.ts';
import { findIcd10, importIcd10 } from './index.ts';
import { parseOrderLine } from './icd10-order-file.ts';
import { searchCatalogue } from './search.ts';
import { loadShippedCatalogues } from './shipped.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../test/fixtures/icd10cm_order_2025_sample.txt');
const line = (code: string, flag: string, short: string, long: string) => `00042 ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`;

test('an order-file line: fixed columns, the code given its dot, the long description as the title', () => {
  assert.deepEqual(parseOrderLine(line('S52501A', '1', 'Unsp fracture of the lower end of right radius, init', 'Unspecified fracture of the lower end of right radius, initial encounter for closed fracture'), 7), {
    line: 7, code: 'S52.501A', billable: true, shortTitle: 'Unsp fracture of the lower end of right radius, init',
    title: 'Unspecified fracture of the lower end of right radius, initial encounter for closed fracture',
  });
  assert.equal(parseOrderLine(line('B50', '0', 'Plasmodium falciparum malaria', 'Plasmodium falciparum malaria'), 1).billable, false);
  for (const [bad, why] of [
    ['B509 1 Plasmodium falciparum malaria', /line 3: .*shorter than the 78/],
    [line('B509', '2', 'x', 'y'), /line 3: column 15 is "2"/],
    [line('B50.9', '1', 'x', 'y'), /line 3: "B50.9" in columns 7-13 is not an ICD-10-CM code/],
    [`A0042 ${'B509'.padEnd(7)} 1 ${'x'.padEnd(60)} y`, /line 3: columns 1-5/],
    ['00042\t' + line('B509', '1', 'x', 'y').slice(6), /separated by blanks/],
  ] as const) assert.throws(() => parseOrderLine(bad, 3), why);
});

eachDialect((dialect) => {
  let t: TestEnv;
  let facilityId: string;
  let dir: string;
  before(async () => {
    t = await startTestEnv(dialect);
    facilityId = (await createFacility(t.db)).id;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icd10-import-'));
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[]) => runCli(['terminology', 'import', 'icd10', ...args], { ...TEST_SECRETS, ...t.database.env, LOG_LEVEL: 'error' });
  const count = async () => Number((await t.db.kysely.selectFrom('terminology_icd10').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('billable codes are loaded beside the curated ones, keeping their Arabic titles; running it again changes nothing', async () => {
    const before = await count();
    const billable = fs.readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l[14] === '1').map((l) => parseOrderLine(l, 0).code);
    const curated = await t.db.kysely.selectFrom('terminology_icd10').select('code').where('code', 'in', billable).execute();
    assert.ok(curated.some((c) => c.code === 'B50.9'), 'the sample overlaps the curated catalogue');
    const first = await cli([SAMPLE]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout.trim(), 'ICD-10 import: 27 lines read, 21 codes written as icd10cm-2025, 6 header codes skipped (--all loads them)');
    const added = billable.length - curated.length;
    assert.equal(await count() - before, added);

    assert.deepEqual(await findIcd10(t.db.kysely, facilityId, 'A0101'), { code: 'A01.01', titleEn: 'Typhoid meningitis', titleAr: null, billable: true });
    const malaria = await t.db.kysely.selectFrom('terminology_icd10').selectAll().where('code', '=', 'B50.9').executeTakeFirstOrThrow();
    assert.deepEqual([malaria.title_en, malaria.title_ar, malaria.source], ['Plasmodium falciparum malaria, unspecified', 'ملاريا المتصورة المنجلية، غير محددة', 'icd10cm-2025']);
    const header = await t.db.kysely.selectFrom('terminology_icd10').select(['billable', 'source']).where('code', '=', 'A01.0').executeTakeFirstOrThrow();
    assert.deepEqual([header.billable, header.source], [1, 'curated'], 'a header code is left alone without --all');
    const found = await searchCatalogue<{ code: string }>(t.db.kysely, facilityId, 'icd10', { q: 'typhoid pneum', limit: 10 });
    assert.deepEqual(found.rows.map((r) => r.code), ['A01.03']);
    const fracture = await searchCatalogue<{ code: string }>(t.db.kysely, facilityId, 'icd10', { q: 'S52.501', limit: 10 });
    assert.deepEqual(fracture.rows.map((r) => r.code), ['S52.501A']);

    const again = await cli([SAMPLE]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(await count() - before, added);
    await loadShippedCatalogues(t.db.kysely, dialect.client); // what a later data migration does
    const reloaded = await t.db.kysely.selectFrom('terminology_icd10').select(['title_en', 'title_ar', 'source']).where('code', '=', 'O80').executeTakeFirstOrThrow();
    assert.deepEqual({ ...reloaded }, { title_en: 'Encounter for full-term uncomplicated delivery', title_ar: 'ولادة طبيعية مفردة', source: 'icd10cm-2025' }, 'the release keeps its title, the curated Arabic is added');
    const audit = await t.db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'terminology.import').execute();
    assert.equal(audit.length, 2);
    assert.equal(JSON.parse(audit[0]!.details!).written, 21);
  });

  test('--all loads the header codes too, marked not billable', async () => {
    const res = await cli([SAMPLE, '--all', '--batch-size', '4']);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /27 lines read, 27 codes written as icd10cm-2025$/m);
    assert.deepEqual(await findIcd10(t.db.kysely, facilityId, 'B50'), { code: 'B50', titleEn: 'Plasmodium falciparum malaria', titleAr: null, billable: false });
  });

  test('a damaged file or a bad command is refused and nothing is written', async () => {
    const before = await count();
    const damaged = path.join(dir, 'icd10cm_order_2026.txt');
    fs.writeFileSync(damaged, `${line('Z00', '1', 'New code', 'A new code')}\n${line('Z01', '1', 'Another', 'Another')}\nthe end of a file cut short\n`);
    const res = await cli([damaged]);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /ICD-10 import refused, nothing written: line 3: 27 characters/);
    assert.equal(await count(), before);
    assert.equal((await cli([path.join(dir, 'missing.txt')])).code, 1);
    for (const bad of [[], ['--batch-size', '0', SAMPLE], [SAMPLE, '--batch-size', '99999'], [SAMPLE, '--billable']]) {
      const r = await cli(bad);
      assert.equal(r.code, 2, bad.join(' '));
      assert.match(r.stderr, /usage: nilecare terminology import icd10 FILE/);
    }
  });

  test('an import stopped after its first batch is finished by running it again', async () => {
    const file = path.join(dir, 'icd10cm_order_2027.txt');
    fs.writeFileSync(file, Array.from({ length: 12 }, (_, i) => line(`U9${String(i).padStart(2, '0')}`, '1', `Test code ${i}`, `Test code ${i}`)).join('\n'));
    await assert.rejects(importIcd10(t.db.kysely, dialect.client, file, { batchSize: 5, afterBatch: () => { throw new Error('killed'); } }), /killed/);
    const codes = async () => (await t.db.kysely.selectFrom('terminology_icd10').select('code').where('source', '=', 'icd10cm-2027').execute()).length;
    assert.equal(await codes(), 5, 'the first batch committed on its own');
    assert.deepEqual(await importIcd10(t.db.kysely, dialect.client, file, { batchSize: 5 }), { lines: 12, written: 12, skippedHeaders: 0, source: 'icd10cm-2027' });
    assert.equal(await codes(), 12);
  });
});
