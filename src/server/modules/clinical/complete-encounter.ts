// Completing an encounter: it needs a diagnosis, it completes the appointment it was opened for
// (through the encounterCompleted extension point: scheduling owns appointments), and from then on
// the encounter is frozen: later writes are amendments (amendment.ts).
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import type { Caller } from './clinical-deps.ts';
import { diagnosisCount, lockEncounter } from './encounters.repository.ts';

export async function completeEncounter(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const e = await lockEncounter(trx, ctx.db.client, caller.facilityId, id);
    if (!e) throw notFound('Encounter');
    if (e.status === 'completed') {
      throw new AppError('invalid_transition', `The encounter was already completed at ${e.completed_at ?? ''}; corrections are amendments.`, { currentStatus: e.status, completedAt: e.completed_at });
    }
    if (await diagnosisCount(trx, id) === 0) {
      throw new AppError('unprocessable', 'Record at least one diagnosis before completing the encounter (POST /encounters/:id/diagnoses).', { errors: [{ field: 'diagnoses', message: 'at least one is required' }] });
    }
    const at = nowIso();
    await trx.updateTable('encounters').set({ status: 'completed', completed_at: at, completed_by: caller.userId, updated_at: at })
      .where('facility_id', '=', caller.facilityId).where('id', '=', id).where('status', '=', 'in_progress').execute();
    const event = { facilityId: caller.facilityId, encounterId: id, appointmentId: e.appointment_id, patientId: e.patient_id, actorId: caller.userId, at };
    for (const hook of ctx.extensions.encounterCompleted) await hook(ctx, trx, event);
    await ctx.audit.record({ ...caller.audit, action: 'encounter.complete', patientId: e.patient_id, targetType: 'encounter', targetId: id, details: { appointmentId: e.appointment_id } }, trx);
  });
}
