// Likely duplicates of a patient about to be registered: the same national ID, the same phone, or
// the same first and last name (compared by search key, so spelling variants count) with the same
// birth date — or the same birth year when either date is only an estimate. Names are compared in
// each script and across them (فاطمة الأمين = Fatma Elamin, through the transliteration key), and
// across scripts the sex must agree too, as the looser comparison needs. Merged records are left
// out: they already point at their survivor.
import { sql } from 'kysely';
import type { PatientTable } from './patients.table.ts';
import type { Executor } from './patients.repository.ts';
import { SUMMARY_COLUMNS, displayName, type PatientSummaryRow } from './patient-view.ts';
import { clipKey } from './name-keys.ts';
import { nameTokens, phoneticName, samePhoneticName } from './text/names.ts';

export type MatchReason = 'nationalId' | 'phone' | 'nameAndBirth';

export interface DuplicateCandidate {
  id: string;
  mrn: string;
  name: string;
  dateOfBirth: string | null;
  birthYear: number;
  matchedOn: MatchReason[];
}

const PER_LOOKUP = 10;
// Name and birth probes can find patients whose matching keys sit in other name parts; read more
// of them so that filtering those out still leaves every real match.
const NAME_PROBE_LIMIT = 50;

const keysOf = (name: string | null) => (name ? nameTokens(name).map(clipKey) : []);
const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));
/** A name part in both scripts, each as it sounds in the Latin key space (empty parts left out). */
const phoneticNames = (...names: (string | null)[]) => names.filter((n): n is string => Boolean(n)).map(phoneticName).filter((n) => n.length > 0);
const matchesAny = (a: string[][][], b: string[][][]) => a.some((x) => b.some((y) => samePhoneticName(x, y)));

/** `nationalIdIndexes`: the new row's national ID under every index key in use (see nationalIdLookup). */
export async function findDuplicates(db: Executor, row: PatientTable, nationalIdIndexes: string[]): Promise<DuplicateCandidate[]> {
  const base = (limit = PER_LOOKUP) => db.selectFrom('patients').select(SUMMARY_COLUMNS)
    .where('facility_id', '=', row.facility_id).where('status', '<>', 'merged').limit(limit);
  const lookups: Promise<[MatchReason, PatientSummaryRow[]]>[] = [];
  if (nationalIdIndexes.length) lookups.push(base().where('national_id_index', 'in', nationalIdIndexes).execute().then((r) => ['nationalId', r]));
  if (row.phone) lookups.push(base().where('phone', '=', row.phone).execute().then((r) => ['phone', r]));

  const bornAlike = () => base(NAME_PROBE_LIMIT).where((eb) => row.date_of_birth !== null && row.birth_date_estimated === 0
    ? eb.or([eb('date_of_birth', '=', row.date_of_birth), eb.and([eb('birth_date_estimated', '=', 1), eb('birth_year', '=', row.birth_year)])])
    : eb('birth_year', '=', row.birth_year));
  // Patients with a key among each list somewhere in their name.
  const withKeys = (keyLists: string[][]) => keyLists.reduce((q, keys) => q.where((eb) => eb.exists(eb.selectFrom('patient_name_keys as k').select(sql.lit(1).as('one'))
    .whereRef('k.patient_id', '=', 'patients.id').where('k.facility_id', '=', row.facility_id).where('k.key', 'in', keys))), bornAlike());

  const scripts = [['first_name', 'last_name'], ['first_name_ar', 'last_name_ar']] as const;
  for (const [firstColumn, lastColumn] of scripts) {
    const firstKeys = keysOf(row[firstColumn]);
    const lastKeys = keysOf(row[lastColumn]);
    if (firstKeys.length === 0 || lastKeys.length === 0) continue;
    // The key probes found patients with both keys somewhere in their name; keep those whose first
    // and last names themselves match.
    lookups.push(withKeys([[firstKeys[0]!], [lastKeys[0]!]]).execute().then((rows) => ['nameAndBirth', rows.filter((r) =>
      sameKeys(keysOf(r[firstColumn]), firstKeys) && sameKeys(keysOf(r[lastColumn]), lastKeys)).slice(0, PER_LOOKUP)]));
  }

  // Across scripts: names compared in the Latin key space, where Arabic names are transliterated.
  const first = phoneticNames(row.first_name, row.first_name_ar);
  const last = phoneticNames(row.last_name, row.last_name_ar);
  const probe = (names: string[][][]) => [...new Set(names.flatMap((n) => n[0] ?? []))];
  if (probe(first).length > 0 && probe(last).length > 0) {
    const q = withKeys([probe(first), probe(last)]).$if(row.sex !== 'unknown', (q) => q.where('sex', 'in', [row.sex, 'unknown']));
    lookups.push(q.execute().then((rows) => ['nameAndBirth', rows.filter((r) =>
      matchesAny(phoneticNames(r.first_name, r.first_name_ar), first) && matchesAny(phoneticNames(r.last_name, r.last_name_ar), last)).slice(0, PER_LOOKUP)]));
  }

  const found = new Map<string, DuplicateCandidate>();
  for (const [reason, rows] of await Promise.all(lookups)) {
    for (const r of rows) {
      const candidate = found.get(r.id) ?? { id: r.id, mrn: r.mrn, name: displayName(r), dateOfBirth: r.date_of_birth, birthYear: Number(r.birth_year), matchedOn: [] };
      if (!candidate.matchedOn.includes(reason)) candidate.matchedOn.push(reason);
      found.set(r.id, candidate);
    }
  }
  return [...found.values()];
}
