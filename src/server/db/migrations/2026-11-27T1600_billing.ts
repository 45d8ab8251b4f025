// Billing: the versioned price list, invoices with gapless per-facility-per-year numbers (one
// counter row per facility and year, incremented under its row lock), invoice lines that never
// change once issued (append-only in the database), payments (refunds are negative rows naming the
// original), the clerks' cash shifts, and the idempotency keys that make a retried payment answer the first response.
// Money columns are bigint minor units (decision 0903).
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, makeAppendOnly, dropAppendOnly, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const ts = binaryText(client, 30);
  const money = 'bigint';

  await createTable(db, client, 'billing_settings')
    .addColumn('facility_id', id, (c) => c.primaryKey().references('facilities.id'))
    .addColumn('currencies', binaryText(client, 64), (c) => c.notNull())
    .addColumn('updated_by', id, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await createTable(db, client, 'billing_prices')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('kind', binaryText(client, 16), (c) => c.notNull())
    .addColumn('code', binaryText(client, 64), (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('currency', binaryText(client, 3), (c) => c.notNull())
    .addColumn('unit_price', money, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('valid_from', ts, (c) => c.notNull())
    .addColumn('superseded_at', ts)
    .addColumn('created_by', id, (c) => c.notNull())
    // Two admins changing one price at once: the second gets the same version and is refused.
    .addUniqueConstraint('billing_prices_version_uq', ['facility_id', 'kind', 'code', 'currency', 'version'])
    .execute();

  await createTable(db, client, 'invoice_counters')
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('invoice_counters_pk', ['facility_id', 'year'])
    .execute();

  await createTable(db, client, 'invoices')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('number', binaryText(client, 40), (c) => c.notNull())
    .addColumn('patient_id', id, (c) => c.notNull())
    .addColumn('encounter_id', id)
    .addColumn('currency', binaryText(client, 3), (c) => c.notNull())
    .addColumn('subtotal', money, (c) => c.notNull())
    .addColumn('discount', money, (c) => c.notNull())
    .addColumn('discount_reason', 'varchar(500)')
    .addColumn('discount_approved_by', id)
    .addColumn('discounted_at', ts)
    .addColumn('total', money, (c) => c.notNull())
    .addColumn('amount_paid', money, (c) => c.notNull())
    .addColumn('status', binaryText(client, 16), (c) => c.notNull())
    .addColumn('void_reason', 'varchar(500)')
    .addColumn('voided_by', id)
    .addColumn('voided_at', ts)
    .addColumn('issued_by', id, (c) => c.notNull())
    .addColumn('issued_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('invoices_number_uq', ['facility_id', 'number'])
    .execute();
  // The spec's invoices(facility_id, created_at) index (issued_at is the creation time), with id for keyset paging.
  await db.schema.createIndex('invoices_facility_issued_idx').on('invoices').columns(['facility_id', 'issued_at', 'id']).execute();
  await db.schema.createIndex('invoices_patient_idx').on('invoices').columns(['facility_id', 'patient_id', 'issued_at']).execute();
  await db.schema.createIndex('invoices_encounter_idx').on('invoices').columns(['facility_id', 'encounter_id']).execute();

  await createTable(db, client, 'invoice_lines')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('invoice_id', id, (c) => c.notNull().references('invoices.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'varchar(300)', (c) => c.notNull())
    .addColumn('service_code', binaryText(client, 64))
    .addColumn('price_id', id)
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price', money, (c) => c.notNull())
    .addColumn('line_total', money, (c) => c.notNull())
    .addUniqueConstraint('invoice_lines_position_uq', ['invoice_id', 'position'])
    .execute();
  await makeAppendOnly(db, client, 'invoice_lines');

  await createTable(db, client, 'cash_shifts')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('clerk_id', id, (c) => c.notNull().references('users.id'))
    // The clerk's id while the shift is open, null once closed: the unique constraint allows one open shift per clerk.
    .addColumn('open_clerk_id', id)
    .addColumn('currency', binaryText(client, 3), (c) => c.notNull())
    .addColumn('opening_float', money, (c) => c.notNull())
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('closed_at', ts)
    .addColumn('expected_cash', money)
    .addColumn('counted_cash', money)
    .addColumn('note', 'varchar(500)')
    .addUniqueConstraint('cash_shifts_open_uq', ['facility_id', 'open_clerk_id'])
    .execute();
  await db.schema.createIndex('cash_shifts_clerk_idx').on('cash_shifts').columns(['facility_id', 'clerk_id', 'opened_at']).execute();

  await createTable(db, client, 'payments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('invoice_id', id, (c) => c.notNull().references('invoices.id'))
    .addColumn('patient_id', id, (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('currency', binaryText(client, 3), (c) => c.notNull())
    .addColumn('method', binaryText(client, 16), (c) => c.notNull())
    .addColumn('reference', binaryText(client, 100))
    .addColumn('status', binaryText(client, 16), (c) => c.notNull())
    .addColumn('refund_of', id)
    .addColumn('reason', 'varchar(500)')
    .addColumn('shift_id', id)
    .addColumn('received_by', id, (c) => c.notNull())
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('confirmed_by', id)
    .addColumn('confirmed_at', ts)
    // A bank-app or mobile-money transfer reference pays once per facility (NULLs never collide).
    .addUniqueConstraint('payments_reference_uq', ['facility_id', 'reference'])
    .execute();
  await db.schema.createIndex('payments_invoice_idx').on('payments').columns(['invoice_id', 'received_at']).execute();
  await db.schema.createIndex('payments_shift_idx').on('payments').columns(['shift_id']).execute();

  await createTable(db, client, 'idempotency_keys')
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('idem_key', binaryText(client, 200), (c) => c.notNull())
    .addColumn('request_hash', binaryText(client, 64), (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['facility_id', 'idem_key'])
    .execute();
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.dropTable('payments').execute();
  await db.schema.dropTable('cash_shifts').execute();
  await dropAppendOnly(db, client, 'invoice_lines');
  await db.schema.dropTable('invoice_lines').execute();
  await db.schema.dropTable('invoices').execute();
  await db.schema.dropTable('invoice_counters').execute();
  await db.schema.dropTable('billing_prices').execute();
  await db.schema.dropTable('billing_settings').execute();
}
