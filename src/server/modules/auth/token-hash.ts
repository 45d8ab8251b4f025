import { createHmac } from 'node:crypto';

/**
 * How refresh tokens are stored: HMAC-SHA256 keyed with JWT_REFRESH_SECRET, hex. A database dump
 * alone then yields nothing usable, and without the key the stored hashes cannot even be checked
 * against guessed tokens.
 */
export function refreshTokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token, 'utf8').digest('hex');
}

/**
 * The hashes to look a presented token up by: under JWT_REFRESH_SECRET, and during a rotation also
 * under JWT_REFRESH_SECRET_PREVIOUS, so sessions survive the change. New tokens (every refresh
 * issues one) are stored under the new secret, so the old one is needed for one refresh lifetime.
 */
export function refreshTokenHashes(jwt: { refreshSecret: string; refreshPreviousSecret?: string }, token: string): string[] {
  const current = refreshTokenHash(jwt.refreshSecret, token);
  return jwt.refreshPreviousSecret ? [current, refreshTokenHash(jwt.refreshPreviousSecret, token)] : [current];
}
