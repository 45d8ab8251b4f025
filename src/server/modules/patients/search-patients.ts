// GET /patients: without q, the facility's patients newest first; with q, a ranked search by name
// (either script, any prefix, with a birth year or date among the words), MRN (or its number),
// phone or national ID. Both can be narrowed to a birth date or year. Ranking: identifier hits
// first, then patients matching more query words exactly (not just as a prefix), then by name.
// Every page returned is audited with the ids it showed.
import type { AppContext } from '../../platform/context.ts';
import type { PatientStatus } from './patients.table.ts';
import type { ListQueryInput, PatientSummaryView } from './patients.schemas.ts';
import { SUMMARY_COLUMNS, displayName, toPatientSummary, type PatientSummaryRow } from './patient-view.ts';
import { exactMatchCounts, nameCandidates, type BirthFilter } from './name-search.ts';
import { birthFilter, queryTerms } from './search-terms.ts';
import { mrnOf } from './mrn.ts';
import { afterCursor, cursorAfter, cursorOffset, offsetCursor } from './cursor.ts';
import { nationalIdLookup } from './patient-record.ts';
import { keyRing, type Caller, type PatientDeps } from './patient-deps.ts';
import type { Executor } from './patients.repository.ts';
import { queryTokens } from './text/names.ts';
import { phoneSearchKey } from './text/phone.ts';
import { normaliseNationalId } from './text/national-id.ts';

const DEFAULT_STATUSES: readonly PatientStatus[] = ['active', 'inactive', 'deceased'];
const IDENTIFIER_CAP = 50;
const MRN_FORM = /^([A-Z0-9]{2,16})-(\d{1,12})$/;
// An MRN's number alone; longer runs of digits are phone numbers and national IDs, not worth a lookup.
const MRN_NUMBER = /^\d{1,9}$/;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface PatientPageResult { items: PatientSummaryView[]; nextCursor: string | null }

export async function searchPatients({ ctx }: PatientDeps, caller: Caller, query: ListQueryInput): Promise<PatientPageResult> {
  const statuses = query.status ? [query.status] : DEFAULT_STATUSES;
  // Untrimmed on purpose: a trailing space tells queryTokens the last word is complete.
  const terms = queryTerms(query.q ?? '');
  const searched = terms.names.trim() !== '';
  const birth = birthFilter(
    [...terms.years, ...(query.birthYear === undefined ? [] : [query.birthYear])],
    [...terms.dates, ...(query.dateOfBirth === undefined ? [] : [query.dateOfBirth])],
  );
  const page = birth === null ? { rows: [], nextCursor: null } // contradicting birth filters: nobody
    : searched ? await searchPage(ctx, caller.facilityId, statuses, terms.names, birth, query)
      : await listPage(ctx.db.kysely, caller.facilityId, statuses, birth, query);
  await ctx.audit.record({
    ...caller.audit, action: 'patient.search', targetType: 'patient',
    // The query itself is not recorded: it is a name, phone or ID.
    details: { resultCount: page.rows.length, ids: page.rows.map((r) => r.id), searched, status: query.status ?? null },
  });
  const ring = keyRing(ctx);
  return { items: page.rows.map((r) => toPatientSummary(r, ring)), nextCursor: page.nextCursor };
}

interface Page { rows: PatientSummaryRow[]; nextCursor: string | null }

/** Patients born as the filter says, when there is one. */
function born<Q extends { where: (column: 'birth_year' | 'date_of_birth', op: '=', value: number | string) => Q }>(q: Q, birth: BirthFilter | undefined): Q {
  let out = q;
  if (birth?.year !== undefined) out = out.where('birth_year', '=', birth.year);
  if (birth?.date !== undefined) out = out.where('date_of_birth', '=', birth.date);
  return out;
}

async function listPage(db: Executor, facilityId: string, statuses: readonly PatientStatus[], birth: BirthFilter | undefined, query: ListQueryInput): Promise<Page> {
  const after = query.cursor === undefined ? undefined : cursorAfter(query.cursor);
  const rows = await born(db.selectFrom('patients').select(SUMMARY_COLUMNS)
    .where('facility_id', '=', facilityId).where('status', 'in', statuses), birth)
    .$if(after !== undefined, (q) => q.where('id', '<', after!))
    .orderBy('id', 'desc').limit(query.limit + 1).execute();
  const items = rows.slice(0, query.limit);
  return { rows: items, nextCursor: rows.length > query.limit ? afterCursor(items[items.length - 1]!.id) : null };
}

async function searchPage(ctx: AppContext, facilityId: string, statuses: readonly PatientStatus[], q: string, birth: BirthFilter | undefined, query: ListQueryInput): Promise<Page> {
  const db = ctx.db.kysely;
  const start = query.cursor === undefined ? 0 : cursorOffset(query.cursor);
  const identified = await identifierHits(ctx, facilityId, statuses, birth, q);
  // Digits alone are an identifier or nothing: a partial phone number is not a name.
  const tokens = /\p{L}/u.test(q) ? queryTokens(q) : [];
  const ids = (await nameCandidates(db, facilityId, tokens, { status: query.status, birth })).filter((id) => !identified.some((r) => r.id === id));
  const named = ids.length === 0 ? [] : await db.selectFrom('patients').select(SUMMARY_COLUMNS)
    .where('facility_id', '=', facilityId).where('id', 'in', ids).where('status', 'in', statuses).execute();

  const exact = await exactMatchCounts(db, facilityId, named.map((r) => r.id), tokens);
  // Sort keys are made once per row, not in each of the ~700 comparisons of 100 candidates.
  const sortKey = new Map([...identified, ...named].map((r) => [r.id, `${displayName(r).toLowerCase()}\u0000${r.mrn}`]));
  const byName = (a: PatientSummaryRow, b: PatientSummaryRow) => compareText(sortKey.get(a.id)!, sortKey.get(b.id)!);
  const ranked = [
    ...identified.sort(byName),
    ...named.sort((a, b) => (exact.get(b.id) ?? 0) - (exact.get(a.id) ?? 0) || byName(a, b)),
  ];
  const rows = ranked.slice(start, start + query.limit);
  return { rows, nextCursor: start + query.limit < ranked.length ? offsetCursor(start + query.limit) : null };
}

/** Exact hits on MRN (or its number part), phone or national ID, whichever forms the query has. */
async function identifierHits(ctx: AppContext, facilityId: string, statuses: readonly PatientStatus[], birth: BirthFilter | undefined, q: string): Promise<PatientSummaryRow[]> {
  const text = q.trim().toUpperCase();
  const phone = phoneSearchKey(q);
  const nationalId = normaliseNationalId(q);
  const prefixed = MRN_FORM.exec(text);
  // The number alone ("000123", "123") is the MRN of this facility: the code is the same for all.
  const mrn = prefixed ? mrnOf(prefixed[1]!, prefixed[2]!)
    : MRN_NUMBER.test(text) ? mrnOf((await facilityCode(ctx, facilityId)) ?? '', text) : null;
  if (!mrn && !phone && !nationalId) return [];
  return born(ctx.db.kysely.selectFrom('patients').select(SUMMARY_COLUMNS)
    .where('facility_id', '=', facilityId).where('status', 'in', statuses), birth)
    .where((eb) => eb.or([
      ...(mrn ? [eb('mrn', '=', mrn)] : []),
      ...(phone ? [eb('phone', '=', phone)] : []),
      ...(nationalId ? [eb('national_id_index', 'in', nationalIdLookup(ctx, nationalId))] : []),
    ]))
    .limit(IDENTIFIER_CAP).execute();
}

async function facilityCode(ctx: AppContext, facilityId: string): Promise<string | undefined> {
  return (await ctx.db.kysely.selectFrom('facilities').select('code').where('id', '=', facilityId).executeTakeFirst())?.code;
}
