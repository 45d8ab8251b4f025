import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipKey, patientNameKeys, prefixEnd, MAX_KEY_LENGTH } from './name-keys.ts';

// Code point order, which equals UTF-8 byte order: how every dialect compares the key column.
const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const inRange = (key: string, prefix: string) => {
  const end = prefixEnd(prefix);
  return byCodePoint(key, prefix) >= 0 && (end === null || byCodePoint(key, end) < 0);
};

test('prefixEnd bounds exactly the keys that start with the prefix', () => {
  const keys = ['mw', 'mwh', 'mwhmd', 'mwhn', 'mwi', 'mx', 'احم', 'احمد', 'احن', 'احنف', 'a\u{10ffff}', 'ab', 'a\uffff\u{1f600}', 'b'];
  for (const prefix of ['mwh', 'mw', 'احم', 'اح', 'a', 'a\uffff']) {
    for (const key of keys) assert.equal(inRange(key, prefix), key.startsWith(prefix), `${key} in ${prefix}…`);
  }
});

test('prefixEnd increments the last code point, skipping surrogates and U+10FFFF', () => {
  assert.equal(prefixEnd('mwhm'), 'mwhn');
  assert.equal(prefixEnd('احم'), 'احن');
  assert.equal(prefixEnd('a\ud7ff'), 'a\ue000');
  assert.equal(prefixEnd('a\u{10ffff}'), 'b');
  assert.equal(prefixEnd('\u{10ffff}'), null);
});

test('a patient\'s keys cover every name part in both scripts, the Arabic also transliterated, once each', () => {
  const keys = patientNameKeys({
    first_name: 'Mohamed', father_name: 'Abdel Rahman', grandfather_name: 'Mohammed', last_name: 'El-Fatih',
    first_name_ar: 'محمد', father_name_ar: 'عبد الرحمن', grandfather_name_ar: null, last_name_ar: 'الفاتح',
  });
  assert.deepEqual(keys.sort(), ['abdrhmn', 'rhmn', 'fth', 'mwhmd', 'عبدالرحمن', 'رحمن', 'فاتح', 'محمد'].sort());
  const arabicOnly = patientNameKeys({
    first_name: null, father_name: null, grandfather_name: null, last_name: null,
    first_name_ar: 'فاطمة', father_name_ar: null, grandfather_name_ar: null, last_name_ar: 'الأمين',
  });
  assert.deepEqual(arabicOnly.sort(), ['amn', 'ftm', 'امين', 'فاطمه'].sort());
});

test('keys are clipped to the column width', () => {
  assert.equal([...clipKey('ب'.repeat(100))].length, MAX_KEY_LENGTH);
  assert.equal(clipKey('short'), 'short');
});
