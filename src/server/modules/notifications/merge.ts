// A patient merge: the survivor keeps its own contact preferences; when it has none, the
// duplicate's become its own (an email address given on the duplicate is not lost). The
// duplicate's row is removed either way, since preferences are one row per patient.
import type { PatientMergeParticipant } from '../../platform/modules.ts';

export const contactPreferencesMerge: PatientMergeParticipant = async (_ctx, trx, m) => {
  const survivor = await trx.selectFrom('patient_contact_preferences').select('patient_id').where('patient_id', '=', m.toPatientId).executeTakeFirst();
  if (survivor) {
    await trx.deleteFrom('patient_contact_preferences').where('patient_id', '=', m.fromPatientId).execute();
    return { contactPreferences: 0 };
  }
  const moved = await trx.updateTable('patient_contact_preferences').set({ patient_id: m.toPatientId })
    .where('facility_id', '=', m.facilityId).where('patient_id', '=', m.fromPatientId).executeTakeFirst();
  return { contactPreferences: Number(moved.numUpdatedRows) };
};
