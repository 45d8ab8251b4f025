import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { encryptField, decryptField, type KeyRing } from './field-crypto.ts';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring: KeyRing = { keys: { k1 }, activeKeyId: 'k1' };

test('round trip, in the documented format', () => {
  const stored = encryptField('JBSWY3DPEHPK3PXP — سر', ring, 'users.mfa_secret:u1');
  assert.match(stored, /^v1:k1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
  assert.ok(!stored.includes('JBSWY3DP'));
  assert.equal(decryptField(stored, ring, 'users.mfa_secret:u1'), 'JBSWY3DPEHPK3PXP — سر');
});

test('the same value encrypts differently each time (fresh IV)', () => {
  assert.notEqual(encryptField('same', ring), encryptField('same', ring));
});

test('after rotation new values use the active key and old ones still decrypt', () => {
  const old = encryptField('before rotation', ring);
  const rotated: KeyRing = { keys: { k2, k1 }, activeKeyId: 'k2' };
  const fresh = encryptField('after rotation', rotated);
  assert.ok(fresh.startsWith('v1:k2:'));
  assert.equal(decryptField(old, rotated), 'before rotation');
  assert.equal(decryptField(fresh, rotated), 'after rotation');
});

test('a removed key, a different context or an altered value fails loudly', () => {
  const stored = encryptField('secret', ring, 'ctx-a');
  assert.throws(() => decryptField(stored, { keys: { k2 }, activeKeyId: 'k2' }, 'ctx-a'), /"k1" is not in PHI_ENCRYPTION_KEYS/);
  assert.throws(() => decryptField(stored, ring, 'ctx-b'));
  const parts = stored.split(':');
  const data = Buffer.from(parts[4]!, 'base64');
  data[0] = data[0]! ^ 1;
  parts[4] = data.toString('base64');
  assert.throws(() => decryptField(parts.join(':'), ring, 'ctx-a'));
  assert.throws(() => decryptField('plaintext', ring), /Not an encrypted field value/);
  assert.throws(() => decryptField('v1:k1:AAAA:AAAA:AAAA', ring), /malformed IV or tag/);
});
