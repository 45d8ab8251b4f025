// Searching a catalogue in English or Arabic, by code or by words. Every query word must be the
// prefix of one of an entry's search keys (search-keys.ts). The longest word drives: its key
// range is read from the primary key (kind, key, code) and the entries it names are fetched by
// code; every other word is an EXISTS probe into (kind, code, key). Results come in code order
// and page by code, so a page is stable while entries are added or imported.
import { sql, type Kysely } from 'kysely';
import { invalid } from '../../platform/errors.ts';
import { prefixEnd } from '../patients/index.ts';
import type { CatalogueKind } from './terminology.table.ts';
import { CATALOGUES } from './catalogue-store.ts';
import { queryKeys } from './search-keys.ts';
import type { Executor } from './lookups.ts';

/** At most this many words of a query count; more narrow nothing a clinician needs. */
const MAX_QUERY_WORDS = 6;

export interface SearchOptions { q?: string; limit: number; cursor?: string; includeHidden?: boolean }

export interface SearchPage<R> { rows: (R & { hidden: boolean })[]; nextCursor: string | null }

function keyRange(column: string, prefix: string) {
  const ref = sql.ref(column);
  const end = prefixEnd(prefix);
  return end === null ? sql<boolean>`${ref} >= ${prefix}` : sql<boolean>`(${ref} >= ${prefix} and ${ref} < ${end})`;
}

export async function searchCatalogue<R extends { code: string }>(db: Executor, facilityId: string, kind: CatalogueKind, opts: SearchOptions): Promise<SearchPage<R>> {
  const { table } = CATALOGUES[kind];
  const k = db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the table is chosen at run time
  const [driver, ...probes] = queryKeys(opts.q ?? '').slice(0, MAX_QUERY_WORDS);
  const after = opts.cursor === undefined ? undefined : cursorCode(opts.cursor);
  let query = k.selectFrom(`${table} as e`)
    .leftJoin('terminology_hidden as h', (j) => j.onRef('h.code', '=', 'e.code').on('h.facility_id', '=', facilityId).on('h.kind', '=', kind))
    .selectAll('e').select('h.hidden_at');
  if (!opts.includeHidden) query = query.where('h.hidden_at', 'is', null);
  if (driver !== undefined) {
    query = query.where('e.code', 'in', k.selectFrom('terminology_search_keys').select('code').where('kind', '=', kind).where(keyRange('key', driver)));
  }
  for (const probe of probes) {
    query = query.where(({ exists }) => exists(k.selectFrom('terminology_search_keys as s').select(sql.lit(1).as('one'))
      .where('s.kind', '=', kind).whereRef('s.code', '=', 'e.code').where(keyRange('s.key', probe))));
  }
  if (after !== undefined) query = query.where('e.code', '>', after);
  const rows = (await query.orderBy('e.code').limit(opts.limit + 1).execute()) as (R & { hidden_at: string | null })[];
  const page = rows.slice(0, opts.limit).map(({ hidden_at, ...row }) => ({ ...(row as unknown as R), hidden: hidden_at !== null }));
  return { rows: page, nextCursor: rows.length > opts.limit ? encodeCursor(page[page.length - 1]!.code) : null };
}

const encodeCursor = (code: string) => Buffer.from(JSON.stringify({ after: code })).toString('base64url');

function cursorCode(raw: string): string {
  try {
    const after: unknown = (JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { after?: unknown } | null)?.after;
    if (typeof after === 'string' && after.length > 0 && after.length <= 60) return after;
  } catch { /* reported below */ }
  throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor of this list; pass nextCursor back unchanged' }]);
}
