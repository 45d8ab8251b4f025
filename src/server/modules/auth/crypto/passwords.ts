import { hash as argon2Hash, parseOptions, verify as argon2Verify } from '@node-rs/argon2';
import type { Algorithm, Options, Version } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

// The typings declare these as const enums, which do not exist at runtime under
// type stripping, so use their numeric values.
const ARGON2ID = 2 as Algorithm;
const V0X13 = 1 as Version;

// OWASP Password Storage Cheat Sheet, argon2id first option.
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  version: V0X13,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

export type VerifyResult = { ok: boolean; needsRehash: boolean };

const FAILED: VerifyResult = { ok: false, needsRehash: false };
const BCRYPT_HASH = /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/;

// Argon2 hashes are NFC-normalised so the same passphrase typed on different
// keyboards (e.g. Arabic letters with hamza, precomposed or combining) matches.
// Legacy bcrypt hashes were made from the raw string, so they are verified raw.
function nfc(plain: string): string {
  return plain.normalize('NFC');
}

export function hashPassword(plain: string): Promise<string> {
  return argon2Hash(nfc(plain), ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, plain: string): Promise<VerifyResult> {
  if (hash.startsWith('$argon2')) return verifyArgon2(hash, plain);
  if (BCRYPT_HASH.test(hash)) {
    // PHP's $2y$ is the same algorithm as $2b$; map it rather than rely on the
    // library accepting the prefix.
    const normalised = hash.startsWith('$2y$') ? `$2b$${hash.slice(4)}` : hash;
    try {
      const ok = await bcrypt.compare(plain, normalised);
      return { ok, needsRehash: ok };
    } catch {
      return FAILED;
    }
  }
  return FAILED;
}

async function verifyArgon2(hash: string, plain: string): Promise<VerifyResult> {
  try {
    const params = parseOptions(hash);
    const ok = await argon2Verify(hash, nfc(plain));
    const weaker =
      params.algorithm !== ARGON2_OPTIONS.algorithm ||
      params.version !== ARGON2_OPTIONS.version ||
      params.memoryCost < ARGON2_OPTIONS.memoryCost ||
      params.timeCost < ARGON2_OPTIONS.timeCost ||
      params.outputLen < 32 ||
      params.saltLen < 16;
    return { ok, needsRehash: ok && weaker };
  } catch {
    return FAILED;
  }
}

export const BCRYPT_MIN_ROUNDS = 10;
export const BCRYPT_MAX_ROUNDS = 15;

// Note: bcrypt only uses the first 72 bytes of the password; that is the price
// of writing bcrypt where something else still has to read it.
export async function hashBcrypt(plain: string, rounds: number): Promise<string> {
  if (!Number.isInteger(rounds) || rounds < BCRYPT_MIN_ROUNDS || rounds > BCRYPT_MAX_ROUNDS) {
    throw new RangeError(`bcrypt rounds must be an integer from ${BCRYPT_MIN_ROUNDS} to ${BCRYPT_MAX_ROUNDS}, got ${rounds}`);
  }
  return bcrypt.hash(plain, rounds);
}

// An argon2id hash of a random, discarded password, made with ARGON2_OPTIONS
// (a test checks the parameters still match). Login calls dummyVerify when no
// account has the given email, so that request spends the same argon2 time as
// one for a real account: otherwise the response time would tell an attacker
// which emails are registered. It is a constant, not computed at start-up, to
// keep start-up fast.
export const DUMMY_ARGON2_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$OFFV61wngjnRGg57UmJ5tQ$8eUuLkDOguN7s0uR/4IiHDeOD3CbKHE2f6rPIqSoKfA';

export async function dummyVerify(plain: string): Promise<void> {
  await verifyPassword(DUMMY_ARGON2_HASH, plain);
}
