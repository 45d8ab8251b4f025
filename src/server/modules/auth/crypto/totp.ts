import { HOTP, Secret, TOTP } from 'otpauth';
import { toString as qrToString } from 'qrcode';
import { safeEqual } from './tokens.ts';

// RFC 6238 defaults: the only settings every authenticator app supports.
const ALGORITHM = 'SHA1';
const DIGITS = 6;
const PERIOD_SECONDS = 30;
// Accept one step either side of now, for clock drift and slow typing.
const WINDOW = 1;
const SECRET_BYTES = 20; // 160 bits, the HMAC-SHA-1 key size RFC 4226 recommends

export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

export function totpUri(opts: { secret: string; account: string; issuer: string }): string {
  return new TOTP({
    issuer: opts.issuer,
    label: opts.account,
    secret: Secret.fromBase32(opts.secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

export function totpQrSvg(uri: string): Promise<string> {
  return qrToString(uri, { type: 'svg' });
}

export type TotpResult = { ok: true; step: number } | { ok: false };

/**
 * Checks a 6-digit code against the steps around `now`. Each step is accepted
 * once: the caller stores the returned `step` and passes it back as
 * `lastUsedStep` (null if no code was ever accepted), so a code seen by someone
 * looking over the user's shoulder cannot be replayed.
 */
export function verifyTotp(
  secret: string,
  code: string,
  opts: { lastUsedStep: number | null; now?: number },
): TotpResult {
  if (!/^[0-9]{6}$/.test(code)) return { ok: false };
  const key = Secret.fromBase32(secret);
  const current = TOTP.counter({ period: PERIOD_SECONDS, timestamp: opts.now ?? Date.now() });
  const floor = opts.lastUsedStep ?? -Infinity;
  let matched: number | null = null;
  // Every step in the window is checked, without stopping early, so timing does
  // not reveal which one matched. The highest match wins: storing a lower one
  // would let the same code pass again should it also match a later step.
  for (let step = current - WINDOW; step <= current + WINDOW; step++) {
    const expected = HOTP.generate({ secret: key, algorithm: ALGORITHM, digits: DIGITS, counter: step });
    if (safeEqual(expected, code) && step > floor) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}
