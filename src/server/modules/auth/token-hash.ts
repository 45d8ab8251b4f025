import { createHmac } from 'node:crypto';

/**
 * How refresh tokens are stored: HMAC-SHA256 keyed with JWT_REFRESH_SECRET, hex. A database dump
 * alone then yields nothing usable, and without the key the stored hashes cannot even be checked
 * against guessed tokens.
 */
export function refreshTokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token, 'utf8').digest('hex');
}
