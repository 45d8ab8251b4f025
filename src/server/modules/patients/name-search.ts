// Finding patients by name keys. A query is a list of groups, one per word, each holding the keys
// that word may match (an Arabic word: its own key and its transliterations); a patient matches
// when, for every group, one of the group's keys is a prefix of one of its keys. One group, the
// driver, is read as index ranges of (facility_id, key); each other group is an EXISTS probe into
// the patient's own keys, answered from the primary key (facility_id, patient_id, key) alone. The
// driver is the group with the fewest keys — each range is counted up to a small limit first — so
// a common prefix ("m", "Mohamed") never drives when a rarer one is there, and the probes run
// rarest first, so most rows fail on the first probe. A birth year or date in the search drives
// instead when it is rarer than every name word ("Mohamed 1985"). The driver's rows come in key
// order: patients whose key equals the word come first. The work is bounded twice: the scan stops
// once it has the candidate cap, and it reads at most DRIVER_SCAN_CAP index rows — so a query made
// only of the most common names stays fast, at the price of considering only the first
// DRIVER_SCAN_CAP of its driver's rows.
import { sql, type SqlBool } from 'kysely';
import type { PatientStatus } from './patients.table.ts';
import type { Executor } from './patients.repository.ts';
import { clipKey, prefixEnd } from './name-keys.ts';

/** The most name matches one search considers; refine the query to see past them. */
const NAME_CANDIDATE_CAP = 100;
const DRIVER_SCAN_CAP = 10_000;
const PROBE_LIMIT = 2000;

/** Born in this year and/or on this date. */
export interface BirthFilter { year?: number; date?: string }

export interface CandidateFilter { status?: PatientStatus; birth?: BirthFilter }

interface KeyRange { from: string; to: string | null }
type RangeGroup = KeyRange[];

/** `column` lies in one of the group's ranges: one index range per key. */
function inGroup(column: 'key' | 'o.key', group: RangeGroup) {
  const ref = sql.ref(column);
  const ranges = group.map((r) => (r.to === null ? sql`${ref} >= ${r.from}` : sql`(${ref} >= ${r.from} and ${ref} < ${r.to})`));
  return sql<SqlBool>`(${sql.join(ranges, sql` or `)})`;
}

async function groupSize(db: Executor, facilityId: string, group: RangeGroup): Promise<number> {
  const sizes = await Promise.all(group.map(async (r) => {
    const capped = db.selectFrom('patient_name_keys').select('patient_id')
      .where('facility_id', '=', facilityId).where(inGroup('key', [r])).limit(PROBE_LIMIT);
    const { n } = await db.selectFrom(capped.as('t')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }));
  return sizes.reduce((a, b) => a + b, 0);
}

function bornIn(db: Executor, facilityId: string, birth: BirthFilter) {
  return db.selectFrom('patients as p').select('p.id as patient_id').where('p.facility_id', '=', facilityId)
    .$if(birth.year !== undefined, (q) => q.where('p.birth_year', '=', birth.year!))
    .$if(birth.date !== undefined, (q) => q.where('p.date_of_birth', '=', birth.date!));
}

async function birthSize(db: Executor, facilityId: string, birth: BirthFilter): Promise<number> {
  const { n } = await db.selectFrom(bornIn(db, facilityId, birth).limit(PROBE_LIMIT).as('t')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** The key ranges of each group, without repeats. */
function rangeGroups(groups: string[][]): RangeGroup[] {
  const seen = new Set<string>();
  const out: RangeGroup[] = [];
  for (const group of groups) {
    const keys = [...new Set(group.map(clipKey))].sort();
    const id = keys.join('\u0000');
    if (keys.length === 0 || seen.has(id)) continue;
    seen.add(id);
    out.push(keys.map((k) => ({ from: k, to: prefixEnd(k) })));
  }
  return out;
}

/**
 * Ids of patients whose keys match every group, at most NAME_CANDIDATE_CAP. With `status`, only
 * patients in that status; without, every status (the caller drops merged records when it reads
 * the rows: they are few, and checking each scanned key's patient would cost more than the probes).
 * With `birth`, only patients born then.
 */
export async function nameCandidates(db: Executor, facilityId: string, groups: string[][], filter: CandidateFilter = {}): Promise<string[]> {
  const ranges = rangeGroups(groups);
  if (ranges.length === 0) return [];
  const { status, birth } = filter;
  const alone = ranges.length === 1 && birth === undefined; // nothing to choose between
  const sizes = alone ? [0] : await Promise.all(ranges.map((g) => groupSize(db, facilityId, g)));
  const ordered = ranges.map((g, i) => ({ g, size: sizes[i]! })).sort((a, b) => a.size - b.size);

  if (birth && (await birthSize(db, facilityId, birth)) < ordered[0]!.size) {
    let byBirth = bornIn(db, facilityId, birth).$if(status !== undefined, (q) => q.where('p.status', '=', status!));
    for (const { g } of ordered) {
      byBirth = byBirth.where((eb) => eb.exists(eb.selectFrom('patient_name_keys as o').select(sql.lit(1).as('one'))
        .where('o.facility_id', '=', facilityId).whereRef('o.patient_id', '=', 'p.id').where(inGroup('o.key', g))));
    }
    return (await byBirth.orderBy('p.id').limit(NAME_CANDIDATE_CAP).execute()).map((r) => r.patient_id);
  }

  // One scan per key of the driving word (its Arabic key, then its transliterations): each streams
  // its index range in key order and stops at the cap, where one scan of an OR of ranges would have
  // to read and sort every row of all of them first (measured: 5 ms against 850 ms for "محمد").
  const [driver, ...others] = ordered.map((x) => x.g);
  const scans: { patient_id: string; key: string }[][] = [];
  const exact = new Set<string>();
  for (const range of driver!) {
    const rows = await driverScan(db, facilityId, range, others, filter);
    scans.push(rows);
    for (const r of rows) if (r.key === range.from) exact.add(r.patient_id);
    // Later scans rank after every exact match found so far: once those fill the cap, none gets in.
    if (exact.size >= NAME_CANDIDATE_CAP) break;
  }
  // Patients whose key equals a driving key come first, then the prefix matches, each in key order.
  const rows = [
    ...scans.flatMap((rows, i) => rows.filter((r) => r.key === driver![i]!.from)),
    ...scans.flatMap((rows, i) => rows.filter((r) => r.key !== driver![i]!.from)),
  ];
  return [...new Set(rows.map((r) => r.patient_id))].slice(0, NAME_CANDIDATE_CAP);
}

/** Patients with a key in `range` that match every other group and the filter, in key order. */
async function driverScan(db: Executor, facilityId: string, range: KeyRange, others: RangeGroup[], { status, birth }: CandidateFilter) {
  const driverRows = db.selectFrom('patient_name_keys').select(['patient_id', 'key'])
    .where('facility_id', '=', facilityId).where(inGroup('key', [range]))
    .orderBy('key').orderBy('patient_id').limit(DRIVER_SCAN_CAP);
  let query = db.selectFrom(driverRows.as('d')).select(['d.patient_id', 'd.key'])
    .$if(status !== undefined || birth !== undefined, (q) => q.where((eb) => eb.exists(eb.selectFrom('patients as p').select(sql.lit(1).as('one'))
      .whereRef('p.id', '=', 'd.patient_id').where('p.facility_id', '=', facilityId)
      .$if(status !== undefined, (p) => p.where('p.status', '=', status!))
      .$if(birth?.year !== undefined, (p) => p.where('p.birth_year', '=', birth!.year!))
      .$if(birth?.date !== undefined, (p) => p.where('p.date_of_birth', '=', birth!.date!)))));
  for (const other of others) {
    query = query.where((eb) => eb.exists(eb.selectFrom('patient_name_keys as o').select(sql.lit(1).as('one'))
      .where('o.facility_id', '=', facilityId).whereRef('o.patient_id', '=', 'd.patient_id').where(inGroup('o.key', other))));
  }
  // A patient appears once per key in the driver's range; twice the cap in rows leaves room for that.
  return query.orderBy('d.key').orderBy('d.patient_id').limit(2 * NAME_CANDIDATE_CAP).execute();
}

/** For each candidate, how many of the query's groups have a key equal to one of its keys (not only a prefix). */
export async function exactMatchCounts(db: Executor, facilityId: string, ids: string[], groups: string[][]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const keyed = groups.map((g) => new Set(g.map(clipKey))).filter((g) => g.size > 0);
  if (ids.length === 0 || keyed.length === 0) return counts;
  const rows = await db.selectFrom('patient_name_keys').select(['patient_id', 'key'])
    .where('facility_id', '=', facilityId).where('patient_id', 'in', ids).where('key', 'in', [...new Set(keyed.flatMap((g) => [...g]))])
    .execute();
  const keysOf = new Map<string, Set<string>>();
  for (const r of rows) keysOf.set(r.patient_id, (keysOf.get(r.patient_id) ?? new Set()).add(r.key));
  for (const [id, keys] of keysOf) counts.set(id, keyed.filter((g) => [...g].some((k) => keys.has(k))).length);
  return counts;
}
