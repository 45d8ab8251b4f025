// Spent sign-in records would otherwise grow without end (a row per token refresh). A family's
// rows are kept a day past its absolute expiry: by then no access token of it can still be valid,
// so a revocation row is no longer needed to refuse one.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const KEEP_AFTER_EXPIRY_MS = 86_400_000;

export async function purgeExpiredAuthRecords(db: Kysely<Database>, now = Date.now()): Promise<number> {
  const before = new Date(now - KEEP_AFTER_EXPIRY_MS).toISOString();
  const tokens = await db.deleteFrom('refresh_tokens').where('expires_at', '<', before).executeTakeFirst();
  const challenges = await db.deleteFrom('auth_challenges').where('expires_at', '<', before).executeTakeFirst();
  return Number(tokens.numDeletedRows) + Number(challenges.numDeletedRows);
}
