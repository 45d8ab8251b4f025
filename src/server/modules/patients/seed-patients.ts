// Registering many patients at once, for demo data and benchmarks (`nilecare seed`). The same
// validation, MRN sequence, encryption and name keys as one-by-one registration, but batched:
// one transaction and multi-row inserts per batch, and one audit event per batch.
import type { AppContext } from '../../platform/context.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import type { PatientInput } from './patients.schemas.ts';
import type { PatientTable } from './patients.table.ts';
import { normalisePatientInput } from './patient-input.ts';
import { newPatientRow } from './patient-record.ts';
import { ensureMrnCounter, reserveMrns } from './mrn.ts';
import { patientNameKeys } from './name-keys.ts';

const ROWS_PER_INSERT = 200; // × 32 columns stays far below every driver's parameter limit

export async function seedPatients(ctx: AppContext, facilityId: string, inputs: PatientInput[]): Promise<string[]> {
  const db = ctx.db.kysely;
  await ensureMrnCounter(db, ctx.db.client, facilityId);
  const now = nowIso();
  const rows = inputs.map((input) => newPatientRow(ctx, uuidv7(), facilityId, now, normalisePatientInput(input, 'create')));
  await db.transaction().execute(async (trx) => {
    const mrns = await reserveMrns(trx, ctx.db.client, facilityId, rows.length);
    rows.forEach((row, i) => { row.mrn = mrns[i]!; });
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const batch: PatientTable[] = rows.slice(i, i + ROWS_PER_INSERT);
      await trx.insertInto('patients').values(batch).execute();
      const keys = batch.flatMap((row) => patientNameKeys(row).map((key) => ({ facility_id: facilityId, key, patient_id: row.id })));
      for (let k = 0; k < keys.length; k += ROWS_PER_INSERT * 4) await trx.insertInto('patient_name_keys').values(keys.slice(k, k + ROWS_PER_INSERT * 4)).execute();
    }
    await ctx.audit.record({ action: 'patient.seed', facilityId, targetType: 'patient', details: { count: rows.length, firstMrn: rows[0]?.mrn, lastMrn: rows.at(-1)?.mrn } }, trx);
  });
  return rows.map((r) => r.id);
}
