// Clinical care: encounters and what is recorded inside them (vitals, diagnoses, SOAP notes,
// prescriptions and their dispensing, lab orders and results), and a patient's allergies and problems. A completed encounter is frozen: corrections are new rows that
// name the row they amend (amends_id) with a reason. Diagnoses and notes are append-only in the
// database; vitals carry the patient id (the chart reads the latest without walking every
// encounter), which a patient merge rewrites, so their immutability is the application's.
// One encounter per appointment: the unique index is what holds under concurrent starts.
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, makeAppendOnly, dropAppendOnly, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const ts = binaryText(client, 30);
  const num = 'double precision';

  await createTable(db, client, 'encounters')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('patient_id', id, (c) => c.notNull())
    .addColumn('appointment_id', id)
    .addColumn('provider_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('type', binaryText(client, 16), (c) => c.notNull())
    .addColumn('status', binaryText(client, 16), (c) => c.notNull())
    .addColumn('chief_complaint', 'varchar(1000)')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .addColumn('completed_by', id)
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('encounters_appointment_uq', ['appointment_id'])
    .execute();
  // A patient's history (chart, merge), the worklist by day and status, and a provider's worklist.
  await db.schema.createIndex('encounters_patient_idx').on('encounters').columns(['facility_id', 'patient_id', 'started_at', 'id']).execute();
  await db.schema.createIndex('encounters_worklist_idx').on('encounters').columns(['facility_id', 'status', 'started_at']).execute();
  await db.schema.createIndex('encounters_provider_idx').on('encounters').columns(['facility_id', 'provider_id', 'started_at']).execute();

  let vitals = createTable(db, client, 'encounter_vitals')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('encounter_id', id, (c) => c.notNull().references('encounters.id'))
    .addColumn('patient_id', id, (c) => c.notNull());
  for (const column of ['temperature_c', 'pulse', 'respiratory_rate', 'systolic', 'diastolic', 'spo2', 'weight_kg', 'height_cm', 'muac_mm', 'pain_score', 'blood_glucose_mmol', 'bmi']) {
    vitals = vitals.addColumn(column, num);
  }
  await vitals
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('amends_id', id)
    .addColumn('amend_reason', 'varchar(500)')
    .addColumn('recorded_by', id, (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('encounter_vitals_encounter_idx').on('encounter_vitals').columns(['encounter_id', 'recorded_at']).execute();
  await db.schema.createIndex('encounter_vitals_patient_idx').on('encounter_vitals').columns(['facility_id', 'patient_id', 'recorded_at', 'id']).execute();

  await createTable(db, client, 'encounter_diagnoses')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('encounter_id', id, (c) => c.notNull().references('encounters.id'))
    .addColumn('code', binaryText(client, 16), (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('type', binaryText(client, 16), (c) => c.notNull())
    .addColumn('note', 'varchar(2000)')
    .addColumn('amends_id', id)
    .addColumn('amend_reason', 'varchar(500)')
    .addColumn('recorded_by', id, (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('encounter_diagnoses_encounter_idx').on('encounter_diagnoses').columns(['encounter_id', 'recorded_at']).execute();
  await makeAppendOnly(db, client, 'encounter_diagnoses');

  await createTable(db, client, 'encounter_notes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('encounter_id', id, (c) => c.notNull().references('encounters.id'))
    .addColumn('subjective', 'text')
    .addColumn('objective', 'text')
    .addColumn('assessment', 'text')
    .addColumn('plan', 'text')
    .addColumn('amends_id', id)
    .addColumn('amend_reason', 'varchar(500)')
    .addColumn('author_id', id, (c) => c.notNull())
    .addColumn('written_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('encounter_notes_encounter_idx').on('encounter_notes').columns(['encounter_id', 'written_at']).execute();
  await makeAppendOnly(db, client, 'encounter_notes');

  await createTable(db, client, 'patient_allergies')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('patient_id', id, (c) => c.notNull())
    .addColumn('substance', 'varchar(200)', (c) => c.notNull())
    .addColumn('medication_code', binaryText(client, 32))
    .addColumn('reaction', 'varchar(500)')
    .addColumn('severity', binaryText(client, 16), (c) => c.notNull())
    .addColumn('status', binaryText(client, 16), (c) => c.notNull())
    .addColumn('recorded_by', id, (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patient_allergies_patient_idx').on('patient_allergies').columns(['facility_id', 'patient_id', 'status']).execute();

  await createTable(db, client, 'patient_problems')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('patient_id', id, (c) => c.notNull())
    .addColumn('code', binaryText(client, 16))
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('status', binaryText(client, 16), (c) => c.notNull())
    .addColumn('onset_date', binaryText(client, 10))
    .addColumn('resolved_at', ts)
    .addColumn('recorded_by', id, (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patient_problems_patient_idx').on('patient_problems').columns(['facility_id', 'patient_id', 'status']).execute();

  await createTable(db, client, 'prescriptions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('encounter_id', id, (c) => c.notNull().references('encounters.id'))
    .addColumn('patient_id', id, (c) => c.notNull())
    .addColumn('medication_code', binaryText(client, 64), (c) => c.notNull())
    .addColumn('medication_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('dose', num, (c) => c.notNull())
    .addColumn('dose_unit', 'varchar(32)', (c) => c.notNull())
    .addColumn('route', 'varchar(32)', (c) => c.notNull())
    .addColumn('frequency', 'varchar(64)', (c) => c.notNull())
    .addColumn('duration_days', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer')
    .addColumn('instructions', 'varchar(1000)')
    .addColumn('status', binaryText(client, 24), (c) => c.notNull())
    .addColumn('dispensed_quantity', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'varchar(500)')
    .addColumn('prescribed_by', id, (c) => c.notNull())
    .addColumn('prescribed_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // A patient's active medicines (chart, duplicate warnings, merge), an encounter's, and the pharmacy queue.
  await db.schema.createIndex('prescriptions_patient_idx').on('prescriptions').columns(['facility_id', 'patient_id', 'status']).execute();
  await db.schema.createIndex('prescriptions_encounter_idx').on('prescriptions').columns(['encounter_id']).execute();
  await db.schema.createIndex('prescriptions_queue_idx').on('prescriptions').columns(['facility_id', 'status', 'prescribed_at', 'id']).execute();

  await createTable(db, client, 'dispensations')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('prescription_id', id, (c) => c.notNull().references('prescriptions.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('dispensed_by', id, (c) => c.notNull())
    .addColumn('dispensed_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispensations_prescription_idx').on('dispensations').columns(['prescription_id']).execute();
  await makeAppendOnly(db, client, 'dispensations');

  await createTable(db, client, 'lab_orders')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('encounter_id', id, (c) => c.notNull().references('encounters.id'))
    .addColumn('patient_id', id, (c) => c.notNull())
    .addColumn('priority', binaryText(client, 16), (c) => c.notNull())
    .addColumn('status', binaryText(client, 16), (c) => c.notNull())
    .addColumn('ordered_by', id, (c) => c.notNull())
    .addColumn('ordered_at', ts, (c) => c.notNull())
    .addColumn('collected_by', id)
    .addColumn('collected_at', ts)
    .addColumn('resulted_by', id)
    .addColumn('resulted_at', ts)
    .addColumn('verified_by', id)
    .addColumn('verified_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lab_orders_worklist_idx').on('lab_orders').columns(['facility_id', 'status', 'ordered_at', 'id']).execute();
  await db.schema.createIndex('lab_orders_encounter_idx').on('lab_orders').columns(['encounter_id']).execute();
  await db.schema.createIndex('lab_orders_patient_idx').on('lab_orders').columns(['facility_id', 'patient_id']).execute();

  await createTable(db, client, 'lab_order_tests')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('order_id', id, (c) => c.notNull().references('lab_orders.id'))
    .addColumn('test_code', binaryText(client, 16), (c) => c.notNull())
    .addColumn('test_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('unit', 'varchar(32)')
    .addColumn('value', 'varchar(200)')
    .addColumn('flag', binaryText(client, 16))
    .addColumn('reference_range', 'varchar(64)')
    .addColumn('resulted_by', id)
    .addColumn('resulted_at', ts)
    .addUniqueConstraint('lab_order_tests_uq', ['order_id', 'test_code'])
    .execute();
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  await db.schema.dropTable('lab_order_tests').execute();
  await db.schema.dropTable('lab_orders').execute();
  await dropAppendOnly(db, client, 'dispensations');
  await db.schema.dropTable('dispensations').execute();
  await db.schema.dropTable('prescriptions').execute();
  await db.schema.dropTable('patient_problems').execute();
  await db.schema.dropTable('patient_allergies').execute();
  await dropAppendOnly(db, client, 'encounter_notes');
  await db.schema.dropTable('encounter_notes').execute();
  await dropAppendOnly(db, client, 'encounter_diagnoses');
  await db.schema.dropTable('encounter_diagnoses').execute();
  await db.schema.dropTable('encounter_vitals').execute();
  await db.schema.dropTable('encounters').execute();
}
