// The billing module's merge participant: the duplicate's invoices, payments and coverage become
// the survivor's, so their balance and history follow the patient. Lines hang on invoices. The
// survivor keeps its own current coverage when it has one; the duplicate's then ends at the merge.
import type { PatientMergeParticipant } from '../../platform/modules.ts';
import { nowIso } from '../../platform/ids.ts';

export const billingMerge: PatientMergeParticipant = async (_ctx, trx, m) => {
  const invoices = await trx.updateTable('invoices').set({ patient_id: m.toPatientId, updated_at: nowIso() })
    .where('facility_id', '=', m.facilityId).where('patient_id', '=', m.fromPatientId).executeTakeFirst();
  const payments = await trx.updateTable('payments').set({ patient_id: m.toPatientId })
    .where('facility_id', '=', m.facilityId).where('patient_id', '=', m.fromPatientId).executeTakeFirst();
  const survivorCovered = await trx.selectFrom('patient_coverages').select('id').where('facility_id', '=', m.facilityId).where('open_patient_id', '=', m.toPatientId).executeTakeFirst();
  if (survivorCovered) {
    await trx.updateTable('patient_coverages').set({ open_patient_id: null, ended_at: nowIso() })
      .where('facility_id', '=', m.facilityId).where('open_patient_id', '=', m.fromPatientId).execute();
  } else {
    await trx.updateTable('patient_coverages').set({ open_patient_id: m.toPatientId })
      .where('facility_id', '=', m.facilityId).where('open_patient_id', '=', m.fromPatientId).execute();
  }
  const coverages = await trx.updateTable('patient_coverages').set({ patient_id: m.toPatientId })
    .where('facility_id', '=', m.facilityId).where('patient_id', '=', m.fromPatientId).executeTakeFirst();
  return { invoices: Number(invoices.numUpdatedRows), payments: Number(payments.numUpdatedRows), coverages: Number(coverages.numUpdatedRows) };
};
