// The billing module's merge participant: the duplicate's invoices and payments become the
// survivor's, so their balance and history follow the patient. Lines hang on invoices.
import type { PatientMergeParticipant } from '../../platform/modules.ts';
import { nowIso } from '../../platform/ids.ts';

export const billingMerge: PatientMergeParticipant = async (_ctx, trx, m) => {
  const invoices = await trx.updateTable('invoices').set({ patient_id: m.toPatientId, updated_at: nowIso() })
    .where('facility_id', '=', m.facilityId).where('patient_id', '=', m.fromPatientId).executeTakeFirst();
  const payments = await trx.updateTable('payments').set({ patient_id: m.toPatientId })
    .where('facility_id', '=', m.facilityId).where('patient_id', '=', m.fromPatientId).executeTakeFirst();
  return { invoices: Number(invoices.numUpdatedRows), payments: Number(payments.numUpdatedRows) };
};
