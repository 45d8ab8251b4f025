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
