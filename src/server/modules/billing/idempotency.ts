// Idempotency-Key: the first request with a key claims it by inserting its row (the primary key
// makes the claim atomic on every database); its response is stored in the same transaction as
// the payment it made. A later request with the key and the same body answers that response — if
// the first is still running it waits for it; with another body it is refused. A first request
// that fails writes nothing, so it releases its claim and a retry runs afresh; a claim left by a
// request that died is taken over after ABANDONED_MS.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { sha256Hex } from '../../platform/crypto.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

export interface Stored { statusCode: number; body: unknown }
const POLL_MS = 25;
const WAIT_MS = 20_000;
/** A claim this old without a response belongs to a request that died (statements time out far sooner). */
export const ABANDONED_MS = 5 * 60_000;

export const requestHash = (parts: unknown[]) => sha256Hex(JSON.stringify(parts));

/** 'claimed' when this request runs; otherwise the first request's response to replay. */
export async function claimOrReplay(db: Kysely<Database>, facilityId: string, key: string, hash: string): Promise<'claimed' | Stored> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await db.insertInto('idempotency_keys').values({ facility_id: facilityId, idem_key: key, request_hash: hash, status_code: null, response: null, created_at: nowIso() }).execute();
      return 'claimed';
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    // Someone holds the key: wait for their answer (or for their failure to release it).
    while (Date.now() < deadline) {
      const row = await db.selectFrom('idempotency_keys').select(['request_hash', 'status_code', 'response', 'created_at'])
        .where('facility_id', '=', facilityId).where('idem_key', '=', key).executeTakeFirst();
      if (!row) break;
      if (row.request_hash !== hash) {
        throw new AppError('unprocessable', 'This Idempotency-Key was used for a different request; use a new key for a new payment.');
      }
      if (row.status_code !== null && row.response !== null) return { statusCode: Number(row.status_code), body: JSON.parse(row.response) };
      if (Date.parse(row.created_at) < Date.now() - ABANDONED_MS) {
        // Remove exactly the abandoned claim (not a newer one), then claim afresh.
        await db.deleteFrom('idempotency_keys').where('facility_id', '=', facilityId).where('idem_key', '=', key)
          .where('created_at', '=', row.created_at).where('status_code', 'is', null).execute();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    if (Date.now() >= deadline) throw new AppError('conflict', 'The first request with this Idempotency-Key is still being processed; retry in a moment with the same key.');
  }
}

/** Records the response inside the transaction that made the payment. */
export async function completeKey(trx: Transaction<Database>, facilityId: string, key: string, stored: Stored): Promise<void> {
  await trx.updateTable('idempotency_keys').set({ status_code: stored.statusCode, response: JSON.stringify(stored.body) })
    .where('facility_id', '=', facilityId).where('idem_key', '=', key).execute();
}

/** The claimed request failed with nothing written: let a retry run. */
export async function releaseKey(db: Kysely<Database>, facilityId: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('facility_id', '=', facilityId).where('idem_key', '=', key).where('status_code', 'is', null).execute();
}
