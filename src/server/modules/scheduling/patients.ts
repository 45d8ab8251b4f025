// Whether an appointment may be booked for a patient id sent by the client: the patient must be
// registered in the caller's facility, and be neither merged away nor deceased.
import type { DbClient } from '../../config.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import type { Executor } from './providers.repository.ts';

/**
 * Checked inside the booking transaction with the patient row locked, so a merge (which locks the
 * same row) either finishes first and is seen here, or waits and then moves this appointment too.
 */
export async function requireBookablePatient(trx: Executor, client: DbClient, facilityId: string, patientId: string, field: string): Promise<void> {
  const q = trx.selectFrom('patients').select(['id', 'status', 'merged_into_id'])
    .where('facility_id', '=', facilityId).where('id', '=', patientId);
  const patient = await (client === 'sqlite' ? q : q.forUpdate()).executeTakeFirst();
  if (!patient) throw new AppError('not_found', 'Patient not found', { errors: [{ field, message: 'no such patient in this facility' }] });
  if (patient.status === 'merged') throw invalid([{ field, message: `was merged into patient ${patient.merged_into_id ?? ''}; book for that record` }]);
  if (patient.status === 'deceased') throw invalid([{ field, message: 'is recorded as deceased' }]);
}
