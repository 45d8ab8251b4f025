import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { blindIndex } from './field-crypto.ts';

test('blind index: deterministic per key and purpose, reveals nothing without the key', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  assert.equal(blindIndex(k1, 'national_id', '12345678901'), blindIndex(k1, 'national_id', '12345678901'));
  assert.notEqual(blindIndex(k1, 'national_id', '12345678901'), blindIndex(k2, 'national_id', '12345678901'));
  assert.notEqual(blindIndex(k1, 'national_id', '1'), blindIndex(k1, 'phone', '1'));
  assert.match(blindIndex(k1, 'national_id', '1'), /^[0-9a-f]{64}$/);
});
