import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalisePhone, phoneSearchKey } from './phone.ts';

test('normalises every Sudanese form to +249 and 9 digits', () => {
  for (const input of ['0912345678', '912345678', '+249912345678', '00249912345678', '249912345678']) {
    assert.equal(normalisePhone(input), '+249912345678', input);
  }
});

test('ignores spaces, dashes, dots and parentheses anywhere', () => {
  for (const input of [
    '091 234 5678', '0912-345-678', '0912.345.678', '(0912) 345678', '+249 (91) 234-5678',
    '+ 249 912 345 678', '00 249 91 23 45 678', ' 0912345678 ', '09-12-34-56-78', '0912\u00a0345\u00a0678',
    '\u200e+249 912 345 678\u200e', '0912–345–678',
  ]) {
    assert.equal(normalisePhone(input), '+249912345678', JSON.stringify(input));
  }
});

test('covers the mobile operators and landlines', () => {
  assert.equal(normalisePhone('0922222222'), '+249922222222');
  assert.equal(normalisePhone('0963333333'), '+249963333333');
  assert.equal(normalisePhone('0999999999'), '+249999999999');
  assert.equal(normalisePhone('0111234567'), '+249111234567');
  assert.equal(normalisePhone('0123456789'), '+249123456789');
  assert.equal(normalisePhone('0183 123456'), '+249183123456');
});

test('accepts Arabic-Indic digits', () => {
  assert.equal(normalisePhone('٠٩١٢٣٤٥٦٧٨'), '+249912345678');
  assert.equal(normalisePhone('+٢٤٩ ٩١٢ ٣٤٥ ٦٧٨'), '+249912345678');
});

test('accepts other countries only in international form', () => {
  assert.equal(normalisePhone('+20 100 123 4567'), '+201001234567');
  assert.equal(normalisePhone('0020 100 123 4567'), '+201001234567');
  assert.equal(normalisePhone('+44 20 7946 0958'), '+442079460958');
  assert.equal(normalisePhone('+1 (202) 555-0143'), '+12025550143');
  assert.equal(normalisePhone('+12345678'), '+12345678'); // 8 digits, the minimum
  assert.equal(normalisePhone('+123456789012345'), '+123456789012345'); // 15, the maximum
});

test('rejects malformed numbers', () => {
  for (const bad of [
    '', '   ', '+', '00', 'abc', '0912345678x', 'tel:0912345678', '0912 345 67a',
    '091234567', // local, too short
    '09123456789', // local, too long
    '12345678', '1234567890', '12345678901', // bare digits of other lengths
    '2491234567', '2499123456789', // 249 without +, wrong length
    '+24991234567', '+2499123456789', // Sudanese, wrong length
    '00249 91234567', '+249 0912345678',
    '+249012345678', '249012345678', '00249012345678', // national number starting with 0
    '+1234567', '+1234567890123456', // outside E.164 length
    '+0123456789', '000123456789', // country code starting with 0
    '442079460958', // foreign without + or 00
    '091+2345678', '++249912345678', '+00249912345678', '0912/345678', '0912_345678',
  ]) {
    assert.equal(normalisePhone(bad), null, JSON.stringify(bad));
  }
});

test('phoneSearchKey gives the stored form for phone-like queries only', () => {
  assert.equal(phoneSearchKey('0912 345 678'), normalisePhone('+249912345678'));
  assert.equal(phoneSearchKey('٠٩١٢٣٤٥٦٧٨'), '+249912345678');
  assert.equal(phoneSearchKey('+44 20 7946 0958'), '+442079460958');
  for (const q of ['Mohamed', 'محمد', '0912', '12345678901', 'Ali 0912345678', '']) {
    assert.equal(phoneSearchKey(q), null, q);
  }
});
