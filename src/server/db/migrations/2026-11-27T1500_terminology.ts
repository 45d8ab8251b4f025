// The clinical catalogues: ICD-10 diagnoses, the formulary, lab tests (shared by every facility),
// their search keys, and the entries each facility hides. The shipped catalogues are loaded with
// the code and data files of the day (loadShippedCatalogues), not a frozen copy: a later change
// of the data files adds a migration that loads them again. Loading is an upsert, so a MySQL
// migration replayed after an interruption simply writes the same rows again.
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, type MigrationDb } from './helpers.ts';
// The loader alone, not the module's index: migrating needs no routes.
import { loadShippedCatalogues } from '../../modules/terminology/shipped.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const code = binaryText(client, 60);
  const ts = 'varchar(30)';
  const measure = client === 'sqlite' ? 'real' : 'double precision';

  await createTable(db, client, 'terminology_icd10')
    .addColumn('code', code, (c) => c.primaryKey())
    .addColumn('title_en', 'varchar(400)', (c) => c.notNull())
    .addColumn('title_ar', 'varchar(400)')
    .addColumn('billable', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await createTable(db, client, 'terminology_medications')
    .addColumn('code', code, (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('strength', 'varchar(200)', (c) => c.notNull())
    .addColumn('form', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_ar', 'varchar(200)')
    .addColumn('atc', 'varchar(10)')
    .addColumn('allergy_groups', 'varchar(200)', (c) => c.notNull())
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await createTable(db, client, 'terminology_lab_tests')
    .addColumn('code', code, (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_ar', 'varchar(200)')
    .addColumn('specimen', 'varchar(60)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('unit', 'varchar(30)')
    .addColumn('low', measure)
    .addColumn('high', measure)
    .addColumn('female_low', measure)
    .addColumn('female_high', measure)
    .addColumn('critical_low', measure)
    .addColumn('critical_high', measure)
    .addColumn('answers', 'varchar(1000)')
    .addColumn('normal_answers', 'varchar(1000)')
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // Primary key (kind, key, code): a query word is an index range of keys. The second index
  // answers "has this entry a key in that range" for the other words of a query.
  await createTable(db, client, 'terminology_search_keys')
    .addColumn('kind', binaryText(client, 12), (c) => c.notNull())
    .addColumn('key', binaryText(client, 48), (c) => c.notNull())
    .addColumn('code', code, (c) => c.notNull())
    .addPrimaryKeyConstraint('terminology_search_keys_pk', ['kind', 'key', 'code'])
    .execute();
  await db.schema.createIndex('terminology_search_keys_code_idx').on('terminology_search_keys').columns(['kind', 'code', 'key']).execute();

  await createTable(db, client, 'terminology_hidden')
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('kind', binaryText(client, 12), (c) => c.notNull())
    .addColumn('code', code, (c) => c.notNull())
    .addColumn('hidden_by', id)
    .addColumn('hidden_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('terminology_hidden_pk', ['facility_id', 'kind', 'code'])
    .execute();

  await loadShippedCatalogues(db, client);
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['terminology_hidden', 'terminology_search_keys', 'terminology_lab_tests', 'terminology_medications', 'terminology_icd10']) {
    await db.schema.dropTable(table).execute();
  }
}
