// Cached patient records (GET /patients/:id), when the app has a cache at all (see
// platform/cache/cache.ts for when it has none).
//
// The key holds the caller's facility, taken from their scope, so a request acting in another
// facility asks for a different key and can never be given this record. Every change invalidates
// the record. A plain delete is not enough: a read that fetched the old row just before a commit
// could store it just after the delete. So a change also leaves a fence — the new version number,
// kept twice as long as records — and a cached record older than its fence is ignored, wherever
// and whenever it was stored. Records are cached as rows, the national ID still encrypted.
//
// Redis outages are handled beneath this (platform/cache/redis-cache.ts): a record cached before an
// outage is not served after it, and a record read from the database before an outage ended is not
// stored after it.
//
// A cache failure never fails a request: reads fall back to the database. An invalidation that
// fails is logged as an error; the TTL bounds how long another instance could then serve the
// old record.
import type { Logger } from 'pino';
import type { Cache } from '../../platform/cache/cache.ts';
import type { PatientTable } from './patients.table.ts';

/** The spec's caching strategy: a patient for 5 minutes. */
export const PATIENT_CACHE_TTL_MS = 300_000;

const recordKey = (facilityId: string, id: string) => `patient:${facilityId}:${id}`;
const fenceKey = (facilityId: string, id: string) => `patient:${facilityId}:${id}:fence`;

export class PatientCache {
  readonly #cache: Cache | undefined;
  readonly #log: Logger;
  constructor(cache: Cache | undefined, log: Logger) {
    this.#cache = cache;
    this.#log = log;
  }

  /** The cached record (if current), and the stamp put() needs for a record read after a miss. */
  async lookup(facilityId: string, id: string): Promise<{ row?: PatientTable; stamp?: string }> {
    if (!this.#cache) return {};
    try {
      const { values: [raw, fence], stamp } = await this.#cache.getMany([recordKey(facilityId, id), fenceKey(facilityId, id)]);
      if (raw === undefined) return { stamp };
      const row = JSON.parse(raw) as PatientTable;
      if (row.id !== id || row.facility_id !== facilityId) return { stamp };
      if (fence !== undefined && Number(row.version) < Number(fence)) return { stamp };
      return { row, stamp };
    } catch (err) {
      this.#log.warn({ err: errorMessage(err) }, 'patient cache read failed; reading the database');
      return {};
    }
  }

  async get(facilityId: string, id: string): Promise<PatientTable | undefined> {
    return (await this.lookup(facilityId, id)).row;
  }

  /** `stamp` from the lookup() that missed; without one (the lookup failed) nothing is stored. */
  async put(row: PatientTable, stamp: string | undefined): Promise<void> {
    if (!this.#cache || stamp === undefined) return;
    try {
      await this.#cache.set(recordKey(row.facility_id, row.id), JSON.stringify(row), PATIENT_CACHE_TTL_MS, stamp);
    } catch (err) {
      this.#log.warn({ err: errorMessage(err) }, 'patient cache write failed');
    }
  }

  /** Call after the transaction that changed the patient has committed, with the new version. */
  async invalidate(facilityId: string, id: string, version: number): Promise<void> {
    if (!this.#cache) return;
    try {
      await this.#cache.set(fenceKey(facilityId, id), String(version), 2 * PATIENT_CACHE_TTL_MS);
      await this.#cache.delete(recordKey(facilityId, id));
    } catch (err) {
      this.#log.error({ err: errorMessage(err), patientId: id }, 'patient cache invalidation failed; other instances may serve the old record until it expires');
    }
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
