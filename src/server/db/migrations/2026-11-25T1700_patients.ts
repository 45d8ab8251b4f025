// The patient registry: patients, their name search keys, and one MRN counter per facility.
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const ts = 'varchar(30)';
  const name = 'varchar(100)';

  await createTable(db, client, 'patients')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('mrn', binaryText(client, 32), (c) => c.notNull())
    .addColumn('status', binaryText(client, 16), (c) => c.notNull())
    .addColumn('merged_into_id', id, (c) => c.references('patients.id'))
    .addColumn('first_name', name)
    .addColumn('father_name', name)
    .addColumn('grandfather_name', name)
    .addColumn('last_name', name)
    .addColumn('first_name_ar', name)
    .addColumn('father_name_ar', name)
    .addColumn('grandfather_name_ar', name)
    .addColumn('last_name_ar', name)
    .addColumn('sex', 'varchar(8)', (c) => c.notNull())
    .addColumn('date_of_birth', binaryText(client, 10))
    .addColumn('birth_year', 'integer', (c) => c.notNull())
    .addColumn('birth_date_estimated', 'smallint', (c) => c.notNull())
    .addColumn('phone', binaryText(client, 16))
    .addColumn('national_id_enc', 'varchar(255)')
    .addColumn('national_id_index', binaryText(client, 64))
    .addColumn('address_state', 'varchar(32)')
    .addColumn('address_locality', 'varchar(100)')
    .addColumn('address_line', 'varchar(200)')
    .addColumn('emergency_name', 'varchar(200)')
    .addColumn('emergency_phone', 'varchar(16)')
    .addColumn('emergency_relationship', 'varchar(50)')
    .addColumn('preferred_language', 'varchar(2)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('patients_facility_mrn_uq', ['facility_id', 'mrn'])
    .execute();
  // The spec's idx_patients_facility_status, with id appended so a status-filtered list pages by
  // id (newest first) straight off the index instead of sorting the facility's patients.
  await db.schema.createIndex('idx_patients_facility_status').on('patients').columns(['facility_id', 'status', 'id']).execute();
  await db.schema.createIndex('patients_facility_phone_idx').on('patients').columns(['facility_id', 'phone']).execute();
  await db.schema.createIndex('patients_facility_national_id_idx').on('patients').columns(['facility_id', 'national_id_index']).execute();
  await db.schema.createIndex('patients_facility_dob_idx').on('patients').columns(['facility_id', 'date_of_birth']).execute();
  // Duplicate checks of patients whose exact birth date is unknown look them up by year.
  await db.schema.createIndex('patients_facility_birth_year_idx').on('patients').columns(['facility_id', 'birth_year']).execute();

  // Search walks (facility_id, key) as a prefix range; the primary key answers "does this patient
  // have a key starting with …" probes from the index alone, and serves replacing a patient's keys.
  await createTable(db, client, 'patient_name_keys')
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('patient_id', id, (c) => c.notNull().references('patients.id'))
    .addColumn('key', binaryText(client, 64), (c) => c.notNull())
    .addPrimaryKeyConstraint('patient_name_keys_pk', ['facility_id', 'patient_id', 'key'])
    .execute();
  await db.schema.createIndex('patient_name_keys_search_idx').on('patient_name_keys').columns(['facility_id', 'key', 'patient_id']).execute();

  await createTable(db, client, 'patient_mrn_counters')
    .addColumn('facility_id', id, (c) => c.primaryKey().references('facilities.id'))
    .addColumn('last_value', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('patient_mrn_counters').execute();
  await db.schema.dropTable('patient_name_keys').execute();
  await db.schema.dropTable('patients').execute();
}
