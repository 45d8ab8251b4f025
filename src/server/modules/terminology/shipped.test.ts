// The shipped data files: well-formed, complete in both languages, and with reference ranges that
// make sense — checked here so a bad edit fails a test, not the migration of a site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedIcd10, shippedLabTests, shippedMedications } from './shipped.ts';

const duplicates = (codes: string[]) => codes.filter((c, i) => codes.indexOf(c) !== i);

test('the ICD-10 catalogue: several hundred codes, each with English and Arabic titles, covering what Sudanese OPDs and EDs see', () => {
  const rows = shippedIcd10();
  assert.ok(rows.length >= 500, `${rows.length} codes`);
  assert.deepEqual(duplicates(rows.map((r) => r.code)), []);
  assert.deepEqual(rows.filter((r) => !r.title_ar || !/\p{scx=Arabic}/u.test(r.title_ar)).map((r) => r.code), []);
  const codes = new Set(rows.map((r) => r.code));
  for (const c of ['B50.9', 'B54', 'A01.0', 'B65.0', 'B55.0', 'A15.0', 'A09.9', 'E43', 'E11.9', 'I10', 'O80', 'O14.9', 'S52.5', 'T63.2', 'J18.9', 'B47.9']) assert.ok(codes.has(c), c);
});

test('the formulary: at least 150 entries with Arabic names, and allergy classes where they matter', () => {
  const rows = shippedMedications();
  assert.ok(rows.length >= 150, `${rows.length} entries`);
  assert.deepEqual(duplicates(rows.map((r) => r.code)), []);
  assert.deepEqual(rows.filter((r) => !r.name_ar).map((r) => r.code), []);
  const groups = (code: string) => rows.find((r) => r.code === code)?.allergy_groups;
  assert.equal(groups('amoxicillin-cap-500mg'), 'penicillins,beta_lactams');
  assert.equal(groups('ceftriaxone-inj-1g'), 'cephalosporins,beta_lactams');
  assert.equal(groups('co-trimoxazole-tab-480mg'), 'sulfonamides');
  assert.equal(groups('ibuprofen-tab-400mg'), 'nsaids');
});

test('lab tests: LOINC codes, and ranges in order: critical low < low < high < critical high', () => {
  const rows = shippedLabTests();
  assert.ok(rows.length >= 50, `${rows.length} tests`);
  assert.deepEqual(duplicates(rows.map((r) => r.code)), []);
  for (const t of rows) {
    assert.ok(t.name_ar, t.code);
    if (t.kind === 'coded') {
      const answers = t.answers!.split('|');
      assert.ok(answers.length >= 2 && t.normal_answers!.split('|').every((a) => answers.includes(a)), t.code);
      continue;
    }
    assert.ok(t.unit !== null || ['5811-5', '5803-2'].includes(t.code), `${t.code} has a unit`);
    const chain = [t.critical_low, t.low, t.female_low, t.female_high, t.high, t.critical_high];
    const inOrder = (a: number | null, b: number | null) => a === null || b === null || a < b;
    assert.ok(inOrder(t.critical_low, t.low) && inOrder(t.low, t.high) && inOrder(t.high, t.critical_high), `${t.code}: ${chain.join(' ')}`);
    assert.ok(inOrder(t.critical_low, t.female_low) && inOrder(t.female_low, t.female_high) && inOrder(t.female_high, t.critical_high), `${t.code}: ${chain.join(' ')}`);
  }
});
