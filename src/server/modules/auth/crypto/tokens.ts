import { randomBytes } from 'node:crypto';

export { sha256Hex, safeEqual } from '../../../platform/crypto.ts';

// Fewer than 16 bytes (128 bits) would make tokens guessable.
const MIN_TOKEN_BYTES = 16;

export function newOpaqueToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < MIN_TOKEN_BYTES) {
    throw new RangeError(`token size must be an integer of at least ${MIN_TOKEN_BYTES} bytes, got ${bytes}`);
  }
  return randomBytes(bytes).toString('base64url');
}
