// Part of a patient merge (run by the patients module inside its transaction): the duplicate's
// appointments become the survivor's, each with a history event saying so.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../platform/ids.ts';
import { historyEvent } from './history.ts';
import { insertEvents } from './appointments.repository.ts';

// Keeps each statement's bound parameters well under every driver's limit.
const CHUNK = 500;

/** Moves every appointment of `fromPatientId` in the facility to `toPatientId`; answers how many moved. */
export async function movePatientAppointments(trx: Transaction<Database>, facilityId: string, fromPatientId: string, toPatientId: string): Promise<number> {
  if (fromPatientId === toPatientId) return 0;
  const rows = await trx.selectFrom('appointments').select(['id', 'facility_id'])
    .where('facility_id', '=', facilityId).where('patient_id', '=', fromPatientId).execute();
  if (!rows.length) return 0;
  const now = nowIso();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await trx.updateTable('appointments').set({ patient_id: toPatientId, updated_at: now })
      .where('facility_id', '=', facilityId).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
  }
  // The merge itself is audited by the caller, who knows the actor; these events tie each appointment to it.
  await insertEvents(trx, rows.map((a) => historyEvent(a, 'patient_merged', {
    actorId: null, at: now, old: { patientId: fromPatientId }, new: { patientId: toPatientId },
  })));
  return rows.length;
}
