// Brings every patient's name keys up to the current key functions: Arabic name parts are now
// also keyed by their transliteration into the Latin key space (so each script finds the other),
// and an Abd compound by the name after Abd (الرحمن of عبد الرحمن). The keys are derived data, so
// this computes them with the code of the day (patientNameKeys), not a frozen copy: a later change
// of the key functions adds a migration that runs this again.
//
// Batched in patient id order, each batch in its own transaction where the migration is not
// already inside one (PostgreSQL runs every migration in one). Each batch reads the keys its
// patients have and writes only the difference, so a run that was stopped part-way is simply run
// again: the batches already done cost one read each.
import type { MigrationDb } from './helpers.ts';
// The pure key function alone, not the module's index: migrating needs no routes.
import { patientNameKeys } from '../../modules/patients/name-keys.ts';

const NAME_COLUMNS = ['first_name', 'father_name', 'grandfather_name', 'last_name', 'first_name_ar', 'father_name_ar', 'grandfather_name_ar', 'last_name_ar'] as const;
const BATCH = 500;
const ROWS_PER_INSERT = 500;

type NameRow = { id: string; facility_id: string } & Record<(typeof NAME_COLUMNS)[number], string | null>;

export interface BackfillOptions { batchSize?: number; afterBatch?: (lastId: string) => Promise<void> | void }

/** Sets every patient's keys to what patientNameKeys says; answers how many keys it added and removed. */
export async function refreshNameKeys(db: MigrationDb, opts: BackfillOptions = {}): Promise<{ added: number; removed: number }> {
  const total = { added: 0, removed: 0 };
  let after = '';
  for (;;) {
    const rows: NameRow[] = await db.selectFrom('patients').select(['id', 'facility_id', ...NAME_COLUMNS])
      .where('id', '>', after).orderBy('id').limit(opts.batchSize ?? BATCH).execute();
    if (rows.length === 0) return total;
    const done = await (db.isTransaction ? syncBatch(db, rows) : db.transaction().execute((trx) => syncBatch(trx, rows)));
    total.added += done.added;
    total.removed += done.removed;
    after = rows[rows.length - 1]!.id;
    await opts.afterBatch?.(after);
  }
}

async function syncBatch(db: MigrationDb, rows: NameRow[]): Promise<{ added: number; removed: number }> {
  const byFacility = Map.groupBy(rows, (r) => r.facility_id);
  let added = 0;
  let removed = 0;
  for (const [facilityId, patients] of byFacility) {
    // (facility_id, patient_id, key) is the primary key: this reads it as a range per patient.
    const have: { patient_id: string; key: string }[] = await db.selectFrom('patient_name_keys').select(['patient_id', 'key'])
      .where('facility_id', '=', facilityId).where('patient_id', 'in', patients.map((p) => p.id)).execute();
    const current = Map.groupBy(have, (k) => k.patient_id);
    const inserts: { facility_id: string; patient_id: string; key: string }[] = [];
    for (const patient of patients) {
      const wanted = new Set(patientNameKeys(patient));
      const existing = new Set((current.get(patient.id) ?? []).map((k) => k.key));
      for (const key of wanted) if (!existing.has(key)) inserts.push({ facility_id: facilityId, patient_id: patient.id, key });
      const stale = [...existing].filter((k) => !wanted.has(k));
      if (stale.length > 0) {
        await db.deleteFrom('patient_name_keys').where('facility_id', '=', facilityId).where('patient_id', '=', patient.id).where('key', 'in', stale).execute();
        removed += stale.length;
      }
    }
    for (let i = 0; i < inserts.length; i += ROWS_PER_INSERT) await db.insertInto('patient_name_keys').values(inserts.slice(i, i + ROWS_PER_INSERT)).execute();
    added += inserts.length;
  }
  return { added, removed };
}

export async function up(db: MigrationDb): Promise<void> {
  await refreshNameKeys(db);
}

// The keys added are correct for the code before this migration too (more keys only widen its
// prefix search), so going down leaves them.
export async function down(): Promise<void> {}
