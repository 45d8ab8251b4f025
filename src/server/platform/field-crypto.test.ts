import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { encryptField, decryptField, blindIndex, encryptedKeyId } from './field-crypto.ts';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

test('round trip, random IV, key id recorded', () => {
  const ring = { keys: { k1 }, activeKeyId: 'k1' };
  const a = encryptField(ring, '12345678901');
  const b = encryptField(ring, '12345678901');
  assert.notEqual(a, b);
  assert.equal(decryptField(ring, a), '12345678901');
  assert.equal(encryptedKeyId(a), 'k1');
  assert.doesNotMatch(a, /12345678901/);
});

test('rotation: values under the old key still decrypt after a new key becomes active', () => {
  const old = encryptField({ keys: { k1 }, activeKeyId: 'k1' }, 'secret');
  const rotated = { keys: { k2, k1 }, activeKeyId: 'k2' };
  assert.equal(decryptField(rotated, old), 'secret');
  assert.equal(encryptedKeyId(encryptField(rotated, 'secret')), 'k2');
});

test('tampering or a missing key is an error, never garbage', () => {
  const ring = { keys: { k1 }, activeKeyId: 'k1' };
  const parts = encryptField(ring, 'secret').split(':');
  parts[4] = Buffer.from('xxxxxx').toString('base64');
  assert.throws(() => decryptField(ring, parts.join(':')));
  assert.throws(() => decryptField({ keys: { k2 }, activeKeyId: 'k2' }, encryptField(ring, 'x')), /not configured/);
});

test('blind index: deterministic per key and purpose', () => {
  assert.equal(blindIndex(k1, 'nid', '1'), blindIndex(k1, 'nid', '1'));
  assert.notEqual(blindIndex(k1, 'nid', '1'), blindIndex(k2, 'nid', '1'));
  assert.notEqual(blindIndex(k1, 'nid', '1'), blindIndex(k1, 'phone', '1'));
});
