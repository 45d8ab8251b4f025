import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryKeys, queryKeys } from './search-keys.ts';

const matches = (q: string, code: string, titles: string[]) => {
  const keys = entryKeys(code, titles);
  return queryKeys(q).every((word) => keys.some((k) => k.startsWith(word)));
};

test('an entry is found by its code in any spelling, and by word prefixes in either script', () => {
  const malaria = ['B50.9', ['Plasmodium falciparum malaria, unspecified', 'ملاريا المتصورة المنجلية، غير محددة']] as const;
  for (const q of ['B50.9', 'b509', 'B50', 'mal falc', 'Falciparum', 'ملاريا', 'منجلية', 'المنجليه', 'مُلاريا']) assert.ok(matches(q, malaria[0], [...malaria[1]]), q);
  for (const q of ['B51', 'malaria 9', 'vivax', 'تيفوئيد']) assert.ok(!matches(q, malaria[0], [...malaria[1]]), q);
});

test('Arabic spelling variants fold: hamza seats, alef maqsura, ta marbuta, the article and a joined "and"', () => {
  const typhoid = ['A01.0', ['Typhoid fever', 'حمى التيفوئيد']];
  for (const q of ['تيفويد', 'التيفويد', 'حمي', 'حمى التيفوئيد']) assert.ok(matches(q, typhoid[0] as string, typhoid[1] as string[]), q);
  const ent = ['A06.9', ['Amoebiasis', 'التهاب الأمعاء والقولون']];
  assert.ok(matches('القولون', ent[0] as string, ent[1] as string[]));
  assert.ok(matches('امعاء', ent[0] as string, ent[1] as string[]));
});

test('codes and numbers written with dots or hyphens stay whole: LOINC codes, strengths', () => {
  assert.ok(matches('718-7', '718-7', ['Hemoglobin']));
  assert.ok(matches('7187', '718-7', ['Hemoglobin']));
  assert.ok(!matches('718-8', '718-7', ['Hemoglobin']));
  assert.ok(matches('amox 500', 'amoxicillin-cap-500mg', ['Amoxicillin', '500 mg', 'capsule']));
  assert.ok(matches('0.5 mg', 'x', ['Drug', '0.5 mg']));
  assert.deepEqual(queryKeys('of the'), [], 'stop words alone narrow nothing');
});
