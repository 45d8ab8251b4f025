import { randomInt } from 'node:crypto';
import { sha256Hex } from './tokens.ts';

// Digits and lower-case letters without 0/o, 1/i/l, which are easily confused
// when read off paper: 31 symbols.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const GROUPS = 3;
const GROUP_LENGTH = 4;
// 12 symbols of log2(31) ≈ 4.95 bits each ≈ 59 bits per code. Ten symbols
// (two groups of five) would give only 49.5 bits with this alphabet.
export const RECOVERY_CODE_BITS = GROUPS * GROUP_LENGTH * Math.log2(ALPHABET.length);

function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    // randomInt is uniform (no modulo bias) and uses the CSPRNG.
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Codes like `7kq3-m9xd-2hpa`, unique within the batch. */
export function newRecoveryCodes(n = 10): string[] {
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new RangeError(`recovery code count must be an integer from 1 to 100, got ${n}`);
  }
  const codes = new Set<string>();
  while (codes.size < n) codes.add(newRecoveryCode());
  return [...codes];
}

/** Lower-case, with dashes and whitespace removed, as users type codes loosely. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}

// A plain, unsalted hash is enough here (unlike for passwords) because each
// code carries ~59 random bits: no dictionary or brute force can reverse it.
export function hashRecoveryCode(code: string): string {
  return sha256Hex(normaliseRecoveryCode(code));
}
