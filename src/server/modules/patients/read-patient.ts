// One patient's record: from the cache when it holds a current copy, else from the database.
// Either way the read is audited.
import { notFound } from '../../platform/errors.ts';
import type { PatientTable } from './patients.table.ts';
import { findPatient } from './patients.repository.ts';
import type { Caller, PatientDeps } from './patient-deps.ts';

export async function readPatient({ ctx, cache }: PatientDeps, caller: Caller, id: string): Promise<PatientTable> {
  const cached = await cache.lookup(caller.facilityId, id);
  let row = cached.row;
  if (!row) {
    row = await findPatient(ctx.db.kysely, caller.facilityId, id);
    if (!row) throw notFound('Patient');
    await cache.put(row, cached.stamp);
  }
  await ctx.audit.record({ ...caller.audit, action: 'patient.read', patientId: id, targetType: 'patient', targetId: id });
  return row;
}
