// Registering a patient: validate, refuse likely duplicates unless the clerk confirmed, then issue
// the MRN, store the row and its name keys, and audit — all in one transaction.
import { AppError } from '../../platform/errors.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import type { PatientTable } from './patients.table.ts';
import type { CreatePatientInput } from './patients.schemas.ts';
import { normalisePatientInput } from './patient-input.ts';
import { newPatientRow, nationalIdLookup } from './patient-record.ts';
import { findDuplicates } from './duplicates.ts';
import { ensureMrnCounter, nextMrn } from './mrn.ts';
import { insertPatient } from './patients.repository.ts';
import { patientNameKeys } from './name-keys.ts';
import type { Caller, PatientDeps } from './patient-deps.ts';

export async function createPatient({ ctx }: PatientDeps, caller: Caller, body: CreatePatientInput): Promise<PatientTable> {
  const { confirmNew, ...fields } = body;
  const input = normalisePatientInput(fields, 'create');
  const row = newPatientRow(ctx, uuidv7(), caller.facilityId, nowIso(), input);
  const db = ctx.db.kysely;

  if (!confirmNew) {
    const candidates = await findDuplicates(db, row, input.nationalId ? nationalIdLookup(ctx, input.nationalId) : []);
    if (candidates.length > 0) {
      // The candidates' names and birth dates are shown to the caller: that is a read of their records.
      await ctx.audit.record({
        ...caller.audit, action: 'patient.duplicate_check', targetType: 'patient',
        details: { resultCount: candidates.length, ids: candidates.map((c) => c.id) },
      });
      throw new AppError('duplicate_candidates', 'This patient may already be registered. Check the candidates; send "confirmNew": true to register a new patient anyway.', { candidates });
    }
  }

  await ensureMrnCounter(db, ctx.db.client, caller.facilityId);
  await db.transaction().execute(async (trx) => {
    row.mrn = await nextMrn(trx, ctx.db.client, caller.facilityId);
    await insertPatient(trx, row, patientNameKeys(row));
    await ctx.audit.record({
      ...caller.audit, action: 'patient.create', patientId: row.id, targetType: 'patient', targetId: row.id,
      details: { mrn: row.mrn, confirmedNew: confirmNew === true },
    }, trx);
  });
  return row;
}
