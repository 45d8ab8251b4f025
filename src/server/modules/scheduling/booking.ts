// Booking and rescheduling. A provider is never double-booked, on any database and under any
// concurrency: the overlap check and the write happen inside one transaction that holds the
// provider's lock row (see appointments.repository.ts), so two bookings of one provider take turns.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { CLINICIAN_ROLES, isRole } from '../../platform/access/roles.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import type { AppointmentTable } from './scheduling.table.ts';
import { DEFAULT_DURATION_MINUTES, type CreateAppointmentInput, type RescheduleInput } from './appointments.schemas.ts';
import { bookedIntervals, ensureProviderLock, insertAppointment, insertEvents, lockAppointment, lockProvider, updateAppointment } from './appointments.repository.ts';
import { facilityZone, findProvider } from './providers.repository.ts';
import { requestedStart, requireWorkingHours, slotTaken } from './booking-rules.ts';
import { requireBookablePatient } from './patients.ts';
import { historyEvent, invalidTransition } from './history.ts';

const iso = (ms: number) => new Date(ms).toISOString();

async function requireProvider(ctx: AppContext, facilityId: string, providerId: string): Promise<void> {
  if (!await findProvider(ctx.db.kysely, facilityId, providerId)) {
    throw invalid([{ field: 'body.providerId', message: 'is not a provider (an active doctor or nurse) in this facility' }]);
  }
}

/** Books an appointment; answers its id. */
export async function bookAppointment(ctx: AppContext, request: FastifyRequest, input: CreateAppointmentInput): Promise<string> {
  const { facilityId, userId, role } = scopeOf(request);
  const db = ctx.db.kysely;
  const callerIsClinician = isRole(role) && CLINICIAN_ROLES.includes(role);
  const providerId = input.providerId ?? (callerIsClinician ? userId : undefined);
  if (!providerId) throw invalid([{ field: 'body.providerId', message: 'is required when the caller is not a doctor or nurse' }]);
  const zone = await facilityZone(db, facilityId);
  await requireProvider(ctx, facilityId, providerId);
  const start = requestedStart(input.dateTime, zone, 'body.dateTime');
  const durationMinutes = input.durationMinutes ?? DEFAULT_DURATION_MINUTES;
  const slot = { start, end: start + durationMinutes * 60_000 };
  await requireWorkingHours(db, facilityId, providerId, zone, slot, 'body.dateTime');

  const now = nowIso();
  const row: AppointmentTable = {
    id: uuidv7(), facility_id: facilityId, patient_id: input.patientId, provider_id: providerId, type: input.type, status: 'scheduled',
    starts_at: iso(slot.start), ends_at: iso(slot.end), duration_minutes: durationMinutes, notes: input.notes?.trim() || null,
    cancel_reason: null, checked_in_at: null, started_at: null, completed_at: null, cancelled_at: null,
    created_by: userId, created_at: now, updated_at: now,
  };
  await ensureProviderLock(db, ctx.db.client, facilityId, providerId, now);
  await db.transaction().execute(async (trx) => {
    await lockProvider(trx, ctx.db.client, facilityId, providerId);
    await requireBookablePatient(trx, ctx.db.client, facilityId, input.patientId, 'body.patientId');
    const [clash] = await bookedIntervals(trx, facilityId, providerId, slot);
    if (clash) throw slotTaken(zone, clash);
    await insertAppointment(trx, row);
    await insertEvents(trx, [historyEvent(row, 'created', { to: 'scheduled', actorId: userId, at: now, new: { dateTime: row.starts_at, durationMinutes, providerId } })]);
    // Other modules act on the booking in this transaction (notifications: confirmation and reminder).
    for (const hook of ctx.extensions.appointmentChanged) {
      await hook(ctx, trx, { facilityId, appointmentId: row.id, patientId: row.patient_id, providerId, change: 'booked', startsAt: row.starts_at, endsAt: row.ends_at, actorId: userId, at: now });
    }
    await ctx.audit.record({
      ...auditContext(request), action: 'appointment.create', patientId: row.patient_id, targetType: 'appointment', targetId: row.id,
      details: { providerId, startsAt: row.starts_at, durationMinutes, type: row.type },
    }, trx);
  });
  return row.id;
}

/** Moves a scheduled appointment to another time, length or provider, keeping the old values in its history. */
export async function rescheduleAppointment(ctx: AppContext, request: FastifyRequest, id: string, input: RescheduleInput): Promise<void> {
  const { facilityId, userId } = scopeOf(request);
  const db = ctx.db.kysely;
  const before = await db.selectFrom('appointments').selectAll().where('facility_id', '=', facilityId).where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('not_found', 'Appointment not found');
  if (before.status !== 'scheduled') throw invalidTransition('reschedule', before.status);
  const zone = await facilityZone(db, facilityId);
  const providerId = input.providerId ?? before.provider_id;
  if (input.providerId) await requireProvider(ctx, facilityId, providerId);
  const start = requestedStart(input.dateTime, zone, 'body.dateTime');
  const durationMinutes = input.durationMinutes ?? Number(before.duration_minutes);
  const slot = { start, end: start + durationMinutes * 60_000 };
  await requireWorkingHours(db, facilityId, providerId, zone, slot, 'body.dateTime');

  const now = nowIso();
  await ensureProviderLock(db, ctx.db.client, facilityId, providerId, now);
  await db.transaction().execute(async (trx) => {
    await lockProvider(trx, ctx.db.client, facilityId, providerId);
    const current = await lockAppointment(trx, ctx.db.client, facilityId, id);
    if (!current) throw new AppError('not_found', 'Appointment not found');
    if (current.status !== 'scheduled') throw invalidTransition('reschedule', current.status);
    if (!input.providerId && current.provider_id !== providerId) throw new AppError('conflict', 'The appointment was changed by someone else meanwhile; read it again and retry.');
    const [clash] = await bookedIntervals(trx, facilityId, providerId, slot, id);
    if (clash) throw slotTaken(zone, clash);
    const old = { dateTime: current.starts_at, durationMinutes: Number(current.duration_minutes), providerId: current.provider_id };
    const next = { dateTime: iso(slot.start), durationMinutes, providerId };
    if (old.dateTime === next.dateTime && old.durationMinutes === durationMinutes && old.providerId === providerId) return;
    await updateAppointment(trx, facilityId, id, { starts_at: next.dateTime, ends_at: iso(slot.end), duration_minutes: durationMinutes, provider_id: providerId, updated_at: now });
    await insertEvents(trx, [historyEvent(current, 'rescheduled', { from: 'scheduled', to: 'scheduled', actorId: userId, at: now, old, new: next })]);
    for (const hook of ctx.extensions.appointmentChanged) {
      await hook(ctx, trx, { facilityId, appointmentId: id, patientId: current.patient_id, providerId, change: 'rescheduled', startsAt: next.dateTime, endsAt: iso(slot.end), previousStartsAt: current.starts_at, actorId: userId, at: now });
    }
    await ctx.audit.record({
      ...auditContext(request), action: 'appointment.reschedule', patientId: current.patient_id, targetType: 'appointment', targetId: id,
      details: { old, new: next },
    }, trx);
  });
}
