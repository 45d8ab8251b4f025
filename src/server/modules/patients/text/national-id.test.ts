import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseNationalId, toAsciiDigits } from './national-id.ts';

test('toAsciiDigits converts both Arabic digit sets and leaves the rest', () => {
  assert.equal(toAsciiDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
  assert.equal(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
  assert.equal(toAsciiDigits('رقم ٤٢ and 7'), 'رقم 42 and 7');
});

test('accepts 11 digits, grouped by spaces or dashes', () => {
  assert.equal(normaliseNationalId('12345678901'), '12345678901');
  assert.equal(normaliseNationalId(' 12345678901 '), '12345678901');
  assert.equal(normaliseNationalId('123 4567 8901'), '12345678901');
  assert.equal(normaliseNationalId('123-4567-8901'), '12345678901');
  assert.equal(normaliseNationalId('123 - 456 - 78901'), '12345678901');
  assert.equal(normaliseNationalId('123–4567–8901'), '12345678901'); // en dash
  assert.equal(normaliseNationalId('0 1 2 3 4 5 6 7 8 9 0'), '01234567890');
});

test('accepts Arabic-Indic and Eastern Arabic-Indic digits', () => {
  assert.equal(normaliseNationalId('١٢٣٤٥٦٧٨٩٠١'), '12345678901');
  assert.equal(normaliseNationalId('۱۲۳۴۵۶۷۸۹۰۱'), '12345678901');
  assert.equal(normaliseNationalId('١٢٣-٤٥٦٧-89۰1'), '12345678901');
});

test('rejects anything else', () => {
  for (const bad of [
    '', '   ', '1234567890', '123456789012', '1234567890a', 'ID12345678901',
    '123.4567.8901', '123/4567/8901', '-12345678901', '12345678901-', '+12345678901',
    '١٢٣٤٥٦٧٨٩٠', '12345678901 12345678901',
  ]) {
    assert.equal(normaliseNationalId(bad), null, JSON.stringify(bad));
  }
});
