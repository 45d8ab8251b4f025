// Opening an encounter: directly (walk-ins, emergencies, an appointment started before this module
// existed) or as the hook of a started appointment. One encounter per appointment is the unique
// index on encounters.appointment_id; whoever loses that race gets 409 naming the winner.
import type { AppContext } from '../../platform/context.ts';
import type { AppointmentStartedHook } from '../../platform/modules.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { EncounterTable } from './clinical.table.ts';
import type { CreateEncounterInput } from './clinical.schemas.ts';
import { requireActivePatient, type Caller, type Executor } from './clinical-deps.ts';
import { insertEncounter } from './encounters.repository.ts';

function newEncounter(facilityId: string, patientId: string, providerId: string, createdBy: string, o: Partial<EncounterTable> = {}): EncounterTable {
  const now = nowIso();
  return {
    id: uuidv7(), facility_id: facilityId, patient_id: patientId, appointment_id: null, provider_id: providerId, type: 'outpatient', status: 'in_progress',
    chief_complaint: null, started_at: now, completed_at: null, completed_by: null, created_by: createdBy, updated_at: now, ...o,
  };
}

async function encounterOfAppointment(db: Executor, facilityId: string, appointmentId: string) {
  return db.selectFrom('encounters').select('id').where('facility_id', '=', facilityId).where('appointment_id', '=', appointmentId).executeTakeFirst();
}

const alreadyOpen = (encounterId: string | undefined) => new AppError('conflict', 'This appointment already has an encounter; open that one.', { encounterId });

export async function openEncounter(ctx: AppContext, caller: Caller, input: CreateEncounterInput): Promise<string> {
  const db = ctx.db.kysely;
  try {
    return await db.transaction().execute(async (trx) => {
      await requireActivePatient(trx, ctx.db.client, caller.facilityId, input.patientId);
      let providerId = caller.userId;
      if (input.appointmentId) {
        const appt = await trx.selectFrom('appointments').select(['id', 'patient_id', 'provider_id', 'status'])
          .where('facility_id', '=', caller.facilityId).where('id', '=', input.appointmentId).executeTakeFirst();
        if (!appt) throw notFound('Appointment');
        if (appt.patient_id !== input.patientId) throw new AppError('unprocessable', 'The appointment is for another patient.', { errors: [{ field: 'body.appointmentId', message: 'belongs to another patient' }] });
        if (appt.status === 'checked_in') throw new AppError('conflict', 'Start the appointment instead (POST /appointments/:id/start): starting it opens its encounter.');
        if (appt.status !== 'in_progress') throw new AppError('conflict', `The appointment is ${appt.status.replace('_', ' ')}; only a visit in progress gets an encounter.`, { appointmentStatus: appt.status });
        providerId = appt.provider_id;
      }
      const row = newEncounter(caller.facilityId, input.patientId, providerId, caller.userId, {
        appointment_id: input.appointmentId ?? null, type: input.type ?? 'outpatient', chief_complaint: input.chiefComplaint?.trim() || null,
      });
      await insertEncounter(trx, row);
      await ctx.audit.record({ ...caller.audit, action: 'encounter.open', patientId: row.patient_id, targetType: 'encounter', targetId: row.id, details: { type: row.type, appointmentId: row.appointment_id } }, trx);
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.appointmentId) throw alreadyOpen((await encounterOfAppointment(db, caller.facilityId, input.appointmentId))?.id);
    throw err;
  }
}

/** Scheduling's start hook: the appointment row is locked, so this runs once per start. */
export const openForAppointment: AppointmentStartedHook = async (ctx, trx, e) => {
  const existing = await encounterOfAppointment(trx, e.facilityId, e.appointmentId);
  if (existing) return { encounterId: existing.id };
  const row = newEncounter(e.facilityId, e.patientId, e.providerId, e.actorId, { appointment_id: e.appointmentId, started_at: e.at, updated_at: e.at });
  await insertEncounter(trx, row);
  await ctx.audit.record({ ...e.audit, action: 'encounter.open', patientId: row.patient_id, targetType: 'encounter', targetId: row.id, details: { type: row.type, appointmentId: row.appointment_id } }, trx);
  return { encounterId: row.id };
};
