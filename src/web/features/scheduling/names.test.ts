import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patientName } from '../reception/names.ts';
import { nameFields } from './names.ts';

test("an appointment's patient shows in the interface's script, the other beside it", () => {
  const both = { patientName: 'Hawa Ibrahim Eltayeb', patientNameLatin: 'Hawa Ibrahim Eltayeb', patientNameArabic: 'حواء إبراهيم الطيب' };
  assert.deepEqual(patientName(nameFields(both), 'ar'), {
    primary: { text: 'حواء إبراهيم الطيب', lang: 'ar', dir: 'rtl' },
    secondary: { text: 'Hawa Ibrahim Eltayeb', lang: 'en', dir: 'ltr' },
  });
  assert.equal(patientName(nameFields(both), 'en').primary.text, 'Hawa Ibrahim Eltayeb');
});

test('a name in one script only is shown in it, in either interface', () => {
  const arabicOnly = { patientName: 'مستورة علي', patientNameLatin: null, patientNameArabic: 'مستورة علي' };
  assert.deepEqual(patientName(nameFields(arabicOnly), 'en'), { primary: { text: 'مستورة علي', lang: 'ar', dir: 'rtl' }, secondary: null });
});

test('without the per-script names, the registered name is placed by its script', () => {
  assert.deepEqual(nameFields({ patientName: 'مستورة علي' }), { firstNameAr: 'مستورة علي' });
  assert.deepEqual(nameFields({ patientName: 'Amna Osman' }), { firstName: 'Amna Osman' });
  assert.deepEqual(nameFields({ patientName: null }), { firstName: null });
});
