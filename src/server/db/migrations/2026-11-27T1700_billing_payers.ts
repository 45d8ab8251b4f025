// Billing payers (decision 0029): payers with a coverage share per price-list category, patients'
// memberships, the payer share of invoices and their lines, credit notes with their own gapless
// series, and payments taken in another currency (original amount, currency and the rate used).
// New columns carry defaults so existing rows read as "no payer, nothing credited, no conversion".
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const ts = binaryText(client, 30);
  const day = binaryText(client, 10);

  await createTable(db, client, 'payers')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', binaryText(client, 16), (c) => c.notNull())
    .addColumn('service_bp', 'integer', (c) => c.notNull())
    .addColumn('lab_test_bp', 'integer', (c) => c.notNull())
    .addColumn('medicine_bp', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('payers_name_uq', ['facility_id', 'name'])
    .execute();

  await createTable(db, client, 'patient_coverages')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('patient_id', id, (c) => c.notNull())
    // The patient's id while the coverage is not ended: the unique constraint allows one current coverage.
    .addColumn('open_patient_id', id)
    .addColumn('payer_id', id, (c) => c.notNull().references('payers.id'))
    .addColumn('member_number', 'varchar(64)', (c) => c.notNull())
    .addColumn('valid_from', day, (c) => c.notNull())
    .addColumn('valid_to', day)
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('ended_by', id)
    .addColumn('ended_at', ts)
    .addUniqueConstraint('patient_coverages_open_uq', ['facility_id', 'open_patient_id'])
    .execute();
  await db.schema.createIndex('patient_coverages_patient_idx').on('patient_coverages').columns(['facility_id', 'patient_id']).execute();

  await db.schema.alterTable('invoices').addColumn('payer_id', id).execute();
  await db.schema.alterTable('invoices').addColumn('member_number', 'varchar(64)').execute();
  await db.schema.alterTable('invoices').addColumn('payer_share', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('invoices').addColumn('credited', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('invoices_payer_idx').on('invoices').columns(['facility_id', 'payer_id', 'issued_at']).execute();

  await db.schema.alterTable('invoice_lines').addColumn('kind', binaryText(client, 16)).execute();
  await db.schema.alterTable('invoice_lines').addColumn('coverage_bp', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('invoice_lines').addColumn('payer_share', 'bigint', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.alterTable('payments').addColumn('original_amount', 'bigint').execute();
  await db.schema.alterTable('payments').addColumn('original_currency', binaryText(client, 3)).execute();
  await db.schema.alterTable('payments').addColumn('exchange_rate', binaryText(client, 20)).execute();

  await createTable(db, client, 'credit_note_counters')
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('credit_note_counters_pk', ['facility_id', 'year'])
    .execute();

  await createTable(db, client, 'credit_notes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('invoice_id', id, (c) => c.notNull().references('invoices.id'))
    .addColumn('number', binaryText(client, 40), (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('payer_part', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    // The invoice lines credited ([{position, amount}] as JSON), or null for an amount off the whole.
    .addColumn('lines', 'text')
    .addColumn('approved_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('credit_notes_number_uq', ['facility_id', 'number'])
    .execute();
  await db.schema.createIndex('credit_notes_invoice_idx').on('credit_notes').columns(['invoice_id', 'created_at']).execute();
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  await db.schema.dropTable('credit_notes').execute();
  await db.schema.dropTable('credit_note_counters').execute();
  for (const col of ['exchange_rate', 'original_currency', 'original_amount']) await db.schema.alterTable('payments').dropColumn(col).execute();
  for (const col of ['payer_share', 'coverage_bp', 'kind']) await db.schema.alterTable('invoice_lines').dropColumn(col).execute();
  const drop = db.schema.dropIndex('invoices_payer_idx');
  await (client === 'mysql' ? drop.on('invoices') : drop).execute(); // only MySQL names the table
  for (const col of ['credited', 'payer_share', 'member_number', 'payer_id']) await db.schema.alterTable('invoices').dropColumn(col).execute();
  await db.schema.dropTable('patient_coverages').execute();
  await db.schema.dropTable('payers').execute();
}
