// Encryption of single column values at rest (TOTP secrets, national IDs) with AES-256-GCM and the
// PHI key ring. The stored text names the key that encrypted it, so keys can rotate: new values use
// the active key, old values stay readable while their key is still in PHI_ENCRYPTION_KEYS.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface KeyRing { keys: Record<string, Buffer>; activeKeyId: string }

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends
const TAG_BYTES = 16;

function keyOf(ring: KeyRing, keyId: string): Buffer {
  const key = ring.keys[keyId];
  if (!key || key.length !== 32) throw new Error(`Encryption key "${keyId}" is not in PHI_ENCRYPTION_KEYS`);
  return key;
}

/**
 * `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64 parts). `context` is authenticated but not stored:
 * pass something naming the value's place (e.g. `users.mfa_secret:<user id>`) so a ciphertext copied
 * to another row or column does not decrypt there. Decrypt with the same context.
 */
export function encryptField(plain: string, ring: KeyRing, context = ''): string {
  const keyId = ring.activeKeyId;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyOf(ring, keyId), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

/** The plaintext, or an error when the value is malformed, its key is gone, or it was altered. */
export function decryptField(stored: string, ring: KeyRing, context = ''): string {
  const parts = stored.split(':');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new Error('Not an encrypted field value (expected v1:<keyId>:<iv>:<tag>:<ciphertext>)');
  const [, keyId, ivB64, tagB64, dataB64] = parts as [string, string, string, string, string];
  const iv = Buffer.from(ivB64, 'base64');
  const tag = Buffer.from(tagB64, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('Encrypted field value has a malformed IV or tag');
  const decipher = createDecipheriv(ALGORITHM, keyOf(ring, keyId), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(dataB64, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * A keyed hash for exact-match lookup of an encrypted value (a "blind index"): equal inputs give
 * equal outputs, but without PHI_INDEX_KEY the index reveals nothing, not even to a dictionary
 * attack. `purpose` separates the indexes of different fields.
 */
export function blindIndex(indexKey: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', indexKey).update(`${purpose}\u0000${value}`).digest('hex');
}
