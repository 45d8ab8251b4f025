// The clinical module's merge participant: the duplicate's encounters, their vitals (which carry
// the patient id for the chart), prescriptions, lab orders, allergies and problems become the survivor's. Diagnoses and notes
// hang on encounters and move with them.
import type { PatientMergeParticipant } from '../../platform/modules.ts';
import { nowIso } from '../../platform/ids.ts';

export const clinicalMerge: PatientMergeParticipant = async (_ctx, trx, m) => {
  const moved: Record<string, number> = {};
  const now = nowIso();
  const from = (table: 'encounters' | 'encounter_vitals' | 'patient_allergies' | 'patient_problems' | 'prescriptions' | 'lab_orders') =>
    trx.updateTable(table).where('facility_id', '=', m.facilityId).where('patient_id', '=', m.fromPatientId);
  moved.encounters = Number((await from('encounters').set({ patient_id: m.toPatientId, updated_at: now }).executeTakeFirst()).numUpdatedRows);
  await from('encounter_vitals').set({ patient_id: m.toPatientId }).execute();
  moved.allergies = Number((await from('patient_allergies').set({ patient_id: m.toPatientId, updated_at: now }).executeTakeFirst()).numUpdatedRows);
  moved.problems = Number((await from('patient_problems').set({ patient_id: m.toPatientId, updated_at: now }).executeTakeFirst()).numUpdatedRows);
  moved.prescriptions = Number((await from('prescriptions').set({ patient_id: m.toPatientId, updated_at: now }).executeTakeFirst()).numUpdatedRows);
  moved.labOrders = Number((await from('lab_orders').set({ patient_id: m.toPatientId, updated_at: now }).executeTakeFirst()).numUpdatedRows);
  return moved;
};
