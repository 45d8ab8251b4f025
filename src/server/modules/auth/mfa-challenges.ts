// The step between a correct password and a second factor: a one-time mfaToken, stored hashed,
// valid for 5 minutes and for 5 code attempts, consumed by the sign-in it completes.
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { newOpaqueToken, sha256Hex } from './crypto/tokens.ts';
import type { Executor } from './users.repository.ts';

export const MFA_CHALLENGE_TTL_SECONDS = 300;
const MAX_ATTEMPTS = 5;

export async function createChallenge(k: Executor, userId: string): Promise<string> {
  const token = newOpaqueToken();
  const now = Date.now();
  await k.insertInto('auth_challenges').values({
    id: uuidv7(),
    user_id: userId,
    // A 256-bit random token needs no key or salt: nothing can be guessed from its hash.
    token_hash: sha256Hex(token),
    purpose: 'mfa_login',
    attempts: 0,
    expires_at: new Date(now + MFA_CHALLENGE_TTL_SECONDS * 1000).toISOString(),
    consumed_at: null,
    created_at: new Date(now).toISOString(),
  }).execute();
  return token;
}

/**
 * Counts one attempt against a live challenge and returns it, or null when the token is unknown,
 * expired, consumed or out of attempts. The conditional UPDATE keeps parallel attempts within the limit.
 */
export async function claimAttempt(k: Executor, token: string): Promise<{ id: string; userId: string } | null> {
  const row = await k.selectFrom('auth_challenges').select(['id', 'user_id', 'expires_at'])
    .where('token_hash', '=', sha256Hex(token)).where('purpose', '=', 'mfa_login').where('consumed_at', 'is', null).executeTakeFirst();
  if (!row || row.expires_at <= nowIso()) return null;
  const counted = await k.updateTable('auth_challenges').set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', row.id).where('attempts', '<', MAX_ATTEMPTS).where('consumed_at', 'is', null).executeTakeFirst();
  return Number(counted.numUpdatedRows) === 1 ? { id: row.id, userId: row.user_id } : null;
}

/** Marks the challenge used; false if something else consumed it first. */
export async function consumeChallenge(k: Executor, id: string): Promise<boolean> {
  const done = await k.updateTable('auth_challenges').set({ consumed_at: nowIso() })
    .where('id', '=', id).where('consumed_at', 'is', null).executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}
