// An appointment's history: one append-only event per status change, reschedule or patient merge,
// with the values before and after. Instants inside old/new are stored in UTC and shown in the zone.
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { instant } from '../../platform/time.ts';
import type { AppointmentEventTable, AppointmentTable } from './scheduling.table.ts';
import { inZone } from './present.ts';

export interface ChangedValues { dateTime?: string; durationMinutes?: number; providerId?: string; patientId?: string }

export function historyEvent(
  a: Pick<AppointmentTable, 'id' | 'facility_id'>,
  action: string,
  e: { from?: string; to?: string; actorId: string | null; at: string; old?: ChangedValues; new?: ChangedValues; reason?: string },
): AppointmentEventTable {
  return {
    id: uuidv7(), facility_id: a.facility_id, appointment_id: a.id, action,
    from_status: e.from ?? null, to_status: e.to ?? null,
    old_values: e.old ? JSON.stringify(e.old) : null, new_values: e.new ? JSON.stringify(e.new) : null,
    reason: e.reason ?? null, actor_id: e.actorId, occurred_at: e.at,
  };
}

/** 409 naming the status the appointment is in, e.g. when a cancelled appointment is checked in. */
export function invalidTransition(verb: string, status: string): AppError {
  return new AppError('invalid_transition', `Cannot ${verb} an appointment that is ${status.replace('_', ' ')}.`, { currentStatus: status });
}

/** 409 for an action allowed only on the appointment's day (in the facility's zone), naming both dates. */
export function notTheDay(verb: string, status: string, appointmentDate: string, today: string, zone: string): AppError {
  const detail = appointmentDate > today
    ? `Cannot ${verb} before the appointment's day: it is on ${appointmentDate}, and today is ${today} (${zone}). Do it on that day, or reschedule the appointment to today.`
    : `Cannot ${verb} after the appointment's day: it was on ${appointmentDate}, and today is ${today} (${zone}). Reschedule it to today, or book a new appointment.`;
  return new AppError('invalid_transition', detail, { currentStatus: status, appointmentDate, today });
}

function shown(zone: string, json: string | null): ChangedValues | null {
  if (json === null) return null;
  const v = JSON.parse(json) as ChangedValues;
  return v.dateTime ? { ...v, dateTime: inZone(zone, v.dateTime) } : v;
}

export function historyView(zone: string, e: AppointmentEventTable & { actor_name: string | null }) {
  return {
    id: e.id, action: e.action, fromStatus: e.from_status, toStatus: e.to_status,
    old: shown(zone, e.old_values), new: shown(zone, e.new_values), reason: e.reason,
    actorId: e.actor_id, actorName: e.actor_name, occurredAt: instant(e.occurred_at),
  };
}
