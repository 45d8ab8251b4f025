// Spent sign-in records would otherwise grow without end (a row per token refresh). A family's
// rows are kept a day past its absolute expiry: by then no access token of it can still be valid,
// so a revocation row is no longer needed to refuse one.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { deleteOlderThan } from '../../db/delete-in-batches.ts';

const KEEP_AFTER_EXPIRY_MS = 86_400_000;

export async function purgeExpiredAuthRecords(db: Kysely<Database>, now = Date.now(), batch?: number): Promise<number> {
  const before = new Date(now - KEEP_AFTER_EXPIRY_MS).toISOString();
  return await deleteOlderThan(db, 'refresh_tokens', 'expires_at', before, { batch })
    + await deleteOlderThan(db, 'auth_challenges', 'expires_at', before, { batch });
}
