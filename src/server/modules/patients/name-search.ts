// Finding patients by name keys. A patient matches when every query token is a prefix of one of
// its keys. One token, the driver, is read as an index range of (facility_id, key); each other
// token is an EXISTS probe into the patient's own keys, answered from the primary key
// (facility_id, patient_id, key) alone. The driver is the token with the fewest keys — each
// token's range is counted up to a small limit first — so a common prefix ("m", "Mohamed") never
// drives when a rarer one is there, and the probes run rarest first, so most rows fail on the
// first probe. The driver's rows come in key order: patients whose key equals the token come
// first. The work is bounded twice: the scan stops once it has the candidate cap, and it reads at
// most DRIVER_SCAN_CAP index rows — so a query made only of the most common names stays fast, at
// the price of considering only the first DRIVER_SCAN_CAP of its driver's rows.
import { sql } from 'kysely';
import type { PatientStatus } from './patients.table.ts';
import type { Executor } from './patients.repository.ts';
import { clipKey, prefixEnd } from './name-keys.ts';

/** The most name matches one search considers; refine the query to see past them. */
const NAME_CANDIDATE_CAP = 100;
const DRIVER_SCAN_CAP = 10_000;
const PROBE_LIMIT = 2000;

interface KeyRange { from: string; to: string | null }

function keyRangeQuery(db: Executor, facilityId: string, r: KeyRange) {
  return db.selectFrom('patient_name_keys').select(['patient_id', 'key'])
    .where('facility_id', '=', facilityId).where('key', '>=', r.from).$if(r.to !== null, (q) => q.where('key', '<', r.to!));
}

async function rangeSize(db: Executor, facilityId: string, r: KeyRange): Promise<number> {
  const capped = keyRangeQuery(db, facilityId, r).limit(PROBE_LIMIT);
  const { n } = await db.selectFrom(capped.as('t')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Ids of patients whose keys match every token, at most NAME_CANDIDATE_CAP. With `status`, only
 * patients in that status; without, every status (the caller drops merged records when it reads
 * the rows: they are few, and checking each scanned key's patient would cost more than the probes).
 */
export async function nameCandidates(db: Executor, facilityId: string, tokens: string[], status?: PatientStatus): Promise<string[]> {
  const ranges = [...new Set(tokens.map(clipKey))].map((t) => ({ from: t, to: prefixEnd(t) }));
  if (ranges.length === 0) return [];
  const sizes = ranges.length === 1 ? [0] : await Promise.all(ranges.map((r) => rangeSize(db, facilityId, r)));
  const [driver, ...others] = ranges.map((r, i) => ({ r, size: sizes[i]! })).sort((a, b) => a.size - b.size).map((x) => x.r);

  const driverRows = keyRangeQuery(db, facilityId, driver!).orderBy('key').orderBy('patient_id').limit(DRIVER_SCAN_CAP);
  let query = db.selectFrom(driverRows.as('d')).select('d.patient_id')
    .$if(status !== undefined, (q) => q.where((eb) => eb.exists(eb.selectFrom('patients as p').select(sql.lit(1).as('one'))
      .whereRef('p.id', '=', 'd.patient_id').where('p.facility_id', '=', facilityId).where('p.status', '=', status!))));
  for (const other of others) {
    query = query.where((eb) => eb.exists(eb.selectFrom('patient_name_keys as o').select(sql.lit(1).as('one'))
      .where('o.facility_id', '=', facilityId).whereRef('o.patient_id', '=', 'd.patient_id')
      .where('o.key', '>=', other.from).$if(other.to !== null, (q) => q.where('o.key', '<', other.to!))));
  }
  // A patient appears once per key in the driver's range; twice the cap in rows leaves room for that.
  const rows = await query.orderBy('d.key').orderBy('d.patient_id').limit(2 * NAME_CANDIDATE_CAP).execute();
  return [...new Set(rows.map((r) => r.patient_id))].slice(0, NAME_CANDIDATE_CAP);
}

/** For each candidate, how many of the tokens equal one of its keys exactly (not only as a prefix). */
export async function exactMatchCounts(db: Executor, facilityId: string, ids: string[], tokens: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (ids.length === 0 || tokens.length === 0) return counts;
  const rows = await db.selectFrom('patient_name_keys').select('patient_id')
    .where('facility_id', '=', facilityId).where('patient_id', 'in', ids).where('key', 'in', [...new Set(tokens.map(clipKey))])
    .execute();
  for (const r of rows) counts.set(r.patient_id, (counts.get(r.patient_id) ?? 0) + 1);
  return counts;
}
