import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  normaliseRecoveryCode,
  RECOVERY_CODE_BITS,
} from './recovery-codes.ts';

test('ten unique codes in xxxx-xxxx-xxxx form from the unambiguous alphabet', () => {
  const codes = newRecoveryCodes();
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  for (const code of codes) assert.match(code, /^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
  assert.equal(newRecoveryCodes(3).length, 3);
  assert.throws(() => newRecoveryCodes(0), RangeError);
});

test('codes carry at least 50 bits', () => {
  assert.ok(RECOVERY_CODE_BITS >= 50, String(RECOVERY_CODE_BITS));
});

test('many codes do not repeat', () => {
  const all = Array.from({ length: 100 }, () => newRecoveryCodes()).flat();
  assert.equal(new Set(all).size, all.length);
});

test('hash ignores case, dashes and spaces', () => {
  const [code] = newRecoveryCodes(1);
  assert.ok(code);
  const expected = hashRecoveryCode(code);
  assert.match(expected, /^[0-9a-f]{64}$/);
  assert.equal(hashRecoveryCode(code.toUpperCase()), expected);
  assert.equal(hashRecoveryCode(code.replaceAll('-', '')), expected);
  assert.equal(hashRecoveryCode(` ${code.replaceAll('-', ' ')} `), expected);
  assert.notEqual(hashRecoveryCode('abcd-efgh-jkmn'), expected);
});

test('normaliseRecoveryCode', () => {
  assert.equal(normaliseRecoveryCode(' AB2C-d3ef  GH4K\t'), 'ab2cd3efgh4k');
});
