// Searching a catalogue in English or Arabic, by code or by words. Every query word must be the
// prefix of one of an entry's search keys (search-keys.ts). Results come in code order and page by
// code, so a page is stable while entries are added or imported. Two plans, chosen per query by
// counting each word's key range up to DRIVER_CAP index rows first:
// - a rare word drives: its codes (fewer than DRIVER_CAP) are read from the primary key
//   (kind, key, code), those entries are fetched by code and sorted, and every other word is an
//   EXISTS probe into (kind, code, key);
// - when every word is common ("unspecified fracture" in a full ICD-10-CM), sorting all their
//   entries would cost tens of thousands of rows, so the entries are walked in code order instead,
//   each word a probe: matches are dense, so the page fills after a few hundred entries.
import { sql, type Kysely } from 'kysely';
import { invalid } from '../../platform/errors.ts';
import { prefixEnd } from '../patients/index.ts';
import type { CatalogueKind } from './terminology.table.ts';
import { CATALOGUES } from './catalogue-store.ts';
import { queryKeys } from './search-keys.ts';
import type { Executor } from './lookups.ts';

/** At most this many words of a query count; more narrow nothing a clinician needs. */
const MAX_QUERY_WORDS = 6;
/** A word with fewer entries than this drives the search from its key range. */
const DRIVER_CAP = 1000;

export interface SearchOptions {
  q?: string; limit: number; cursor?: string; includeHidden?: boolean;
  /** Tests only: a lower cap, so that a small catalogue exercises the plan for common words. */
  driverCap?: number;
}

export interface SearchPage<R> { rows: (R & { hidden: boolean })[]; nextCursor: string | null }

function keyRange(column: string, prefix: string) {
  const ref = sql.ref(column);
  const end = prefixEnd(prefix);
  return end === null ? sql<boolean>`${ref} >= ${prefix}` : sql<boolean>`(${ref} >= ${prefix} and ${ref} < ${end})`;
}

export async function searchCatalogue<R extends { code: string }>(db: Executor, facilityId: string, kind: CatalogueKind, opts: SearchOptions): Promise<SearchPage<R>> {
  const { table } = CATALOGUES[kind];
  const k = db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the table is chosen at run time
  const words = queryKeys(opts.q ?? '').slice(0, MAX_QUERY_WORDS);
  const cap = opts.driverCap ?? DRIVER_CAP;
  const sizes = await Promise.all(words.map(async (word) => {
    const capped = k.selectFrom('terminology_search_keys').select('code').where('kind', '=', kind).where(keyRange('key', word)).limit(cap);
    const { n } = await k.selectFrom(capped.as('t')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { word, n: Number(n) };
  }));
  sizes.sort((a, b) => a.n - b.n);
  const after = opts.cursor === undefined ? undefined : cursorCode(opts.cursor);
  const empty = { rows: [], nextCursor: null };
  if (sizes[0]?.n === 0) return empty;
  // The rare word's entries are read here, not left to a subquery: planners misjudge how few rows
  // a key range holds (PostgreSQL walked the whole catalogue probing each entry).
  const driver = sizes[0] !== undefined && sizes[0].n < cap ? sizes[0].word : undefined;
  let codes: string[] | undefined;
  if (driver !== undefined) {
    const keyed: { code: string }[] = await k.selectFrom('terminology_search_keys').select('code').where('kind', '=', kind).where(keyRange('key', driver)).execute();
    codes = [...new Set(keyed.map((r) => r.code))].filter((c) => after === undefined || c > after);
    if (codes.length === 0) return empty;
  }
  let query = k.selectFrom(`${table} as e`).selectAll('e');
  if (codes) query = query.where('e.code', 'in', codes);
  if (!opts.includeHidden) {
    query = query.where(({ not, exists }) => not(exists(k.selectFrom('terminology_hidden as h').select(sql.lit(1).as('one'))
      .where('h.facility_id', '=', facilityId).where('h.kind', '=', kind).whereRef('h.code', '=', 'e.code'))));
  }
  for (const probe of sizes.map((x) => x.word).filter((w) => w !== driver)) {
    query = query.where(({ exists }) => exists(k.selectFrom('terminology_search_keys as s').select(sql.lit(1).as('one'))
      .where('s.kind', '=', kind).whereRef('s.code', '=', 'e.code').where(keyRange('s.key', probe))));
  }
  if (after !== undefined) query = query.where('e.code', '>', after);
  const rows = (await query.orderBy('e.code').limit(opts.limit + 1).execute()) as R[];
  const page = rows.slice(0, opts.limit);
  const hidden = opts.includeHidden && page.length > 0 ? await hiddenAmong(k, facilityId, kind, page.map((r) => r.code)) : new Set<string>();
  return { rows: page.map((row) => ({ ...row, hidden: hidden.has(row.code) })), nextCursor: rows.length > opts.limit ? encodeCursor(page[page.length - 1]!.code) : null };
}

async function hiddenAmong(k: Kysely<any>, facilityId: string, kind: CatalogueKind, codes: string[]): Promise<Set<string>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const rows: { code: string }[] = await k.selectFrom('terminology_hidden').select('code').where('facility_id', '=', facilityId).where('kind', '=', kind).where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

const encodeCursor = (code: string) => Buffer.from(JSON.stringify({ after: code })).toString('base64url');

function cursorCode(raw: string): string {
  try {
    const after: unknown = (JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { after?: unknown } | null)?.after;
    if (typeof after === 'string' && after.length > 0 && after.length <= 60) return after;
  } catch { /* reported below */ }
  throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor of this list; pass nextCursor back unchanged' }]);
}
