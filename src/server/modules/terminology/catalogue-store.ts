// Writing catalogue entries: upserts by code, in batches, each batch's search keys rebuilt from
// what the rows hold after the write. Used by the migration that loads the shipped catalogues and
// by `nilecare terminology import`; both may be run again and leave the same rows (idempotent).
// Entries are never deleted: recorded diagnoses and prescriptions keep pointing at their codes,
// and a facility that no longer uses one hides it.
import { sql } from 'kysely';
import type { DbClient } from '../../config.ts';
import type { MigrationDb } from '../../db/migrations/helpers.ts';
import type { CatalogueKind, TerminologyIcd10Table, TerminologyLabTestTable, TerminologyMedicationTable } from './terminology.table.ts';
import { entryKeys } from './search-keys.ts';

type CatalogueTable = 'terminology_icd10' | 'terminology_medications' | 'terminology_lab_tests';

interface CatalogueSpec { table: CatalogueTable; titles: string[] }

export const CATALOGUES: Record<CatalogueKind, CatalogueSpec> = {
  icd10: { table: 'terminology_icd10', titles: ['title_en', 'title_ar'] },
  medication: { table: 'terminology_medications', titles: ['name', 'name_ar', 'strength', 'form'] },
  lab_test: { table: 'terminology_lab_tests', titles: ['name', 'name_ar', 'specimen'] },
};

// Rows per statement: 200 rows of the widest table (16 columns) stay far below every driver's
// parameter limit (SQLite's 32,766 is the lowest).
const ROWS_PER_STATEMENT = 200;
const KEYS_PER_STATEMENT = 1000;

export type Icd10Row = TerminologyIcd10Table;
export type MedicationRow = TerminologyMedicationTable;
export type LabTestRow = TerminologyLabTestTable;

/**
 * Inserts the rows or updates the entries with their codes, setting only `update` columns on an
 * existing entry (an import without Arabic titles keeps the Arabic title already there).
 * Run it inside a transaction where the batch must be all-or-nothing.
 */
export async function upsertEntries<R extends { code: string }>(db: MigrationDb, client: DbClient, kind: CatalogueKind, rows: R[], update: (keyof R & string)[]): Promise<void> {
  const { table } = CATALOGUES[kind];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const batch = rows.slice(i, i + ROWS_PER_STATEMENT);
    const insert = db.insertInto(table).values(batch);
    await (client === 'mysql'
      ? insert.onDuplicateKeyUpdate(Object.fromEntries(update.map((c) => [c, sql`values(${sql.ref(c)})`])))
      : insert.onConflict((oc) => oc.column('code').doUpdateSet(Object.fromEntries(update.map((c) => [c, sql.ref(`excluded.${c}`)]))))
    ).execute();
    await rebuildKeys(db, kind, batch.map((r) => r.code));
  }
}

/** Replaces the search keys of these entries with the keys of what they now hold. */
async function rebuildKeys(db: MigrationDb, kind: CatalogueKind, codes: string[]): Promise<void> {
  const { table, titles } = CATALOGUES[kind];
  const rows: Record<string, string | null>[] = await db.selectFrom(table).select(['code', ...titles]).where('code', 'in', codes).execute();
  const keys = rows.flatMap((row) => entryKeys(row.code!, titles.map((t) => row[t])).map((key) => ({ kind, key, code: row.code! })));
  await db.deleteFrom('terminology_search_keys').where('kind', '=', kind).where('code', 'in', codes).execute();
  for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) await db.insertInto('terminology_search_keys').values(keys.slice(i, i + KEYS_PER_STATEMENT)).execute();
}
