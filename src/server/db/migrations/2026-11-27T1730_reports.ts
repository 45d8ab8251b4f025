// Reports: exact pre-aggregated daily billing totals per facility, local day, currency and payment
// method (method '' holds the invoice-side totals), kept by atomic increments in the transaction of
// every invoice issue, discount, void, payment, confirmation and refund (decision 0030). Plus the
// (facility, time) indexes the other report sections count over.
import { sql, type ColumnDefinitionBuilder } from 'kysely';
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const count = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
  await createTable(db, client, 'billing_daily_totals')
    .addColumn('facility_id', binaryText(client, 36), (c) => c.notNull().references('facilities.id'))
    .addColumn('day', binaryText(client, 10), (c) => c.notNull())
    .addColumn('currency', binaryText(client, 3), (c) => c.notNull())
    .addColumn('method', binaryText(client, 16), (c) => c.notNull())
    // Invoice side (method ''), by the invoice's issue day: live (not void) invoices, their totals,
    // the payers' share of them, what the patients have paid, and how many still have something
    // due from the patient (decision 0029: payments count against total − payer_share).
    .addColumn('invoice_count', 'bigint', count)
    .addColumn('invoiced', 'bigint', count)
    .addColumn('payer_share', 'bigint', count)
    .addColumn('settled', 'bigint', count)
    .addColumn('open_count', 'bigint', count)
    // Payment side (method rows), by the day the money was completed (taken, confirmed or refunded).
    .addColumn('payment_count', 'bigint', count)
    .addColumn('collected', 'bigint', count)
    .addColumn('refunded', 'bigint', count)
    .addPrimaryKeyConstraint('billing_daily_totals_pk', ['facility_id', 'day', 'currency', 'method'])
    .execute();
  await db.schema.createIndex('patients_facility_created_idx').on('patients').columns(['facility_id', 'created_at']).execute();
  await db.schema.createIndex('encounters_facility_started_idx').on('encounters').columns(['facility_id', 'started_at', 'type']).execute();
  await db.schema.createIndex('encounter_diagnoses_facility_recorded_idx').on('encounter_diagnoses').columns(['facility_id', 'recorded_at']).execute();
  // Top diagnoses leave out amended entries: "is there a later row amending this one" must be a lookup.
  await db.schema.createIndex('encounter_diagnoses_amends_idx').on('encounter_diagnoses').columns(['amends_id']).execute();
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  const drop = (name: string, table: string) => (client === 'mysql' ? db.schema.dropIndex(name).on(table) : db.schema.dropIndex(name)).execute();
  await drop('encounter_diagnoses_amends_idx', 'encounter_diagnoses');
  if (client === 'mysql') {
    // InnoDB let the new (facility_id, recorded_at) index serve the facility foreign key and dropped
    // the key's own index; give it back under its constraint's name before dropping ours.
    const fk = await sql<{ name: string }>`select constraint_name as name from information_schema.key_column_usage
      where table_schema = database() and table_name = 'encounter_diagnoses' and column_name = 'facility_id' and referenced_table_name = 'facilities'`.execute(db);
    const name = fk.rows[0]?.name ?? 'encounter_diagnoses_facility_fk';
    await db.schema.createIndex(name).on('encounter_diagnoses').column('facility_id').execute();
  }
  await drop('encounter_diagnoses_facility_recorded_idx', 'encounter_diagnoses');
  await drop('encounters_facility_started_idx', 'encounters');
  await drop('patients_facility_created_idx', 'patients');
  await db.schema.dropTable('billing_daily_totals').execute();
}
