import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newOpaqueToken, safeEqual, sha256Hex } from './tokens.ts';

test('opaque tokens are base64url of the requested size and distinct', () => {
  const t = newOpaqueToken();
  assert.match(t, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(Buffer.from(t, 'base64url').length, 32);
  assert.equal(Buffer.from(newOpaqueToken(48), 'base64url').length, 48);
  assert.notEqual(newOpaqueToken(), newOpaqueToken());
  assert.throws(() => newOpaqueToken(8), RangeError);
});

test('sha256Hex matches the known vector', () => {
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('safeEqual compares strings of any length', () => {
  assert.equal(safeEqual('token-value', 'token-value'), true);
  assert.equal(safeEqual('token-value', 'token-valuf'), false);
  assert.equal(safeEqual('short', 'much longer string'), false);
  assert.equal(safeEqual('', ''), true);
});
