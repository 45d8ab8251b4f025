// Scheduling's side of the extension points (platform/modules.ts): a patient merge moves the
// duplicate's appointments, and a completed encounter completes the appointment it was opened for.
import type { EncounterCompletedHook, PatientMergeParticipant } from '../../platform/modules.ts';
import { movePatientAppointments } from './merge.ts';
import { historyEvent } from './history.ts';
import { insertEvents } from './appointments.repository.ts';

export const appointmentMerge: PatientMergeParticipant = async (_ctx, trx, m) => ({
  appointments: await movePatientAppointments(trx, m.facilityId, m.fromPatientId, m.toPatientId),
});

/**
 * A conditional update, so it is atomic without a lock: only an appointment still in progress
 * becomes completed (one completed at the desk meanwhile stays as it is).
 */
export const completeVisitAppointment: EncounterCompletedHook = async (_ctx, trx, e) => {
  if (!e.appointmentId) return;
  const result = await trx.updateTable('appointments').set({ status: 'completed', completed_at: e.at, updated_at: e.at })
    .where('facility_id', '=', e.facilityId).where('id', '=', e.appointmentId).where('status', '=', 'in_progress')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return;
  await insertEvents(trx, [historyEvent({ id: e.appointmentId, facility_id: e.facilityId }, 'completed', {
    from: 'in_progress', to: 'completed', actorId: e.actorId, at: e.at, reason: 'encounter completed',
  })]);
};
