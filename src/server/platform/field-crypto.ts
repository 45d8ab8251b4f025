// Field-level encryption for identifiers and secrets at rest (national IDs, TOTP secrets):
// AES-256-GCM with a key ring. The key id travels with the ciphertext, so keys can rotate:
// new values use the active key, old values still decrypt with theirs.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export type { KeyRing } from './config/env-reader.ts';
import type { KeyRing } from './config/env-reader.ts';

const VERSION = 'v1';

export function encryptField(ring: KeyRing, plaintext: string): string {
  const key = ring.keys[ring.activeKeyId];
  if (!key) throw new Error(`active encryption key "${ring.activeKeyId}" is missing`);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, ring.activeKeyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function decryptField(ring: KeyRing, stored: string): string {
  const [version, keyId, iv, tag, data] = stored.split(':');
  if (version !== VERSION || !keyId || !iv || !tag || data === undefined) throw new Error('unrecognised encrypted field format');
  const key = ring.keys[keyId];
  if (!key) throw new Error(`encryption key "${keyId}" is not configured; add it to PHI_ENCRYPTION_KEYS`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

/** The key id a stored value was encrypted with (to find values still on an old key). */
export function encryptedKeyId(stored: string): string | undefined {
  return stored.split(':')[1];
}

/**
 * A keyed hash for exact-match lookup of an encrypted value (a "blind index"): equal inputs give
 * equal outputs, but without PHI_INDEX_KEY the index reveals nothing, not even by dictionary attack.
 * `purpose` separates indexes of different fields.
 */
export function blindIndex(indexKey: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', indexKey).update(`${purpose}\u0000${value}`).digest('hex');
}
