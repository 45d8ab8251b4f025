// Folding a duplicate registration into the surviving one, in one transaction: the duplicate is
// marked merged and points at the survivor, and every module that holds patient data moves the
// duplicate's records to the survivor (its registered merge participant, platform/modules.ts). The
// survivor keeps its MRN and its own details; the duplicate's record stays readable (status
// merged, mergedIntoId) so old paper files that quote its MRN still lead to the right patient.
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import type { PatientTable } from './patients.table.ts';
import { lockPatients, updatePatient } from './patients.repository.ts';
import type { Caller, PatientDeps } from './patient-deps.ts';

export async function mergePatients({ ctx, cache }: PatientDeps, caller: Caller, survivorId: string, duplicateId: string): Promise<PatientTable> {
  if (survivorId === duplicateId) throw new AppError('conflict', 'A patient cannot be merged into itself.');
  const { survivor, duplicate } = await ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await lockPatients(trx, ctx.db.client, caller.facilityId, [survivorId, duplicateId]);
    const survivor = rows.get(survivorId);
    const found = rows.get(duplicateId);
    if (!survivor) throw notFound('Patient');
    if (!found) throw notFound('Duplicate patient');
    if (survivor.status === 'merged') throw new AppError('conflict', 'The surviving patient was itself merged into another record.', { mergedIntoId: survivor.merged_into_id });
    if (found.status === 'merged') throw new AppError('conflict', 'The duplicate was already merged.', { mergedIntoId: found.merged_into_id });

    const duplicate: PatientTable = { ...found, status: 'merged', merged_into_id: survivorId, version: Number(found.version) + 1, updated_at: nowIso() };
    await updatePatient(trx, found, Number(found.version), {
      status: duplicate.status, merged_into_id: duplicate.merged_into_id, version: duplicate.version, updated_at: duplicate.updated_at,
    });
    const moved: Record<string, number> = {};
    for (const participant of ctx.extensions.patientMerge) {
      Object.assign(moved, await participant.move(ctx, trx, { facilityId: caller.facilityId, fromPatientId: duplicateId, toPatientId: survivorId, actorId: caller.audit.actorId ?? null }));
    }
    // One event per patient, so each patient's audit trail shows the merge.
    for (const [patientId, details] of [
      [survivorId, { role: 'survivor', duplicateId, duplicateMrn: found.mrn, moved }],
      [duplicateId, { role: 'duplicate', survivorId, survivorMrn: survivor.mrn, moved }],
    ] as const) {
      await ctx.audit.record({ ...caller.audit, action: 'patient.merge', patientId, targetType: 'patient', targetId: patientId, details }, trx);
    }
    return { survivor, duplicate };
  });
  await cache.invalidate(caller.facilityId, duplicateId, duplicate.version);
  // The survivor's own record did not change, but its cached copy is dropped all the same.
  await cache.invalidate(caller.facilityId, survivorId, Number(survivor.version));
  return survivor;
}
