import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinName, patientName, patientNameLine } from './names.ts';

const both = {
  firstName: 'Fatima', fatherName: 'Mohamed', grandfatherName: 'Ahmed', lastName: 'Elamin',
  firstNameAr: 'فاطمة', fatherNameAr: 'محمد', grandfatherNameAr: 'أحمد', lastNameAr: 'الأمين',
};

test('the interface script comes first, the other script beside it', () => {
  assert.deepEqual(patientName(both, 'ar'), {
    primary: { text: 'فاطمة محمد أحمد الأمين', lang: 'ar', dir: 'rtl' },
    secondary: { text: 'Fatima Mohamed Ahmed Elamin', lang: 'en', dir: 'ltr' },
  });
  assert.deepEqual(patientName(both, 'en'), {
    primary: { text: 'Fatima Mohamed Ahmed Elamin', lang: 'en', dir: 'ltr' },
    secondary: { text: 'فاطمة محمد أحمد الأمين', lang: 'ar', dir: 'rtl' },
  });
});

test('a record with one script shows it whatever the interface language, with nothing beside it', () => {
  const arabicOnly = { firstNameAr: 'آمنة', lastNameAr: 'عثمان', firstName: null, lastName: null };
  assert.deepEqual(patientName(arabicOnly, 'en'), { primary: { text: 'آمنة عثمان', lang: 'ar', dir: 'rtl' }, secondary: null });
  assert.deepEqual(patientName({ firstName: 'Amna', lastName: 'Osman' }, 'ar'), { primary: { text: 'Amna Osman', lang: 'en', dir: 'ltr' }, secondary: null });
});

test('missing middle parts leave no double spaces; stray spaces are tidied', () => {
  assert.equal(joinName(['Hawa', null, '', '  Adam ']), 'Hawa Adam');
  assert.equal(joinName(['Abd  al-Rahman', undefined, 'Ali']), 'Abd al-Rahman Ali');
  assert.equal(patientName({ firstNameAr: 'حواء', grandfatherNameAr: ' ', lastNameAr: 'آدم' }, 'ar').primary.text, 'حواء آدم');
});

test('a name in plain text keeps each script isolated, so it reads right inside either language', () => {
  assert.equal(patientNameLine(both, 'en'), '\u2068Fatima Mohamed Ahmed Elamin\u2069 (\u2068فاطمة محمد أحمد الأمين\u2069)');
  assert.equal(patientNameLine({ firstName: 'Amna', lastName: 'Osman' }, 'ar'), '\u2068Amna Osman\u2069');
});
