// Rows as the API shows them: the appointment's times in the facility's zone with its offset, the
// record's own instants (createdAt, updatedAt) in UTC like every other resource, the patient by name.
import { formatInZone, instant } from '../../platform/time.ts';
import { displayName, patientNames, type PatientNameColumns } from '../patients/index.ts';
import type { AppointmentRow } from './appointments.repository.ts';
import type { AppointmentView } from './appointments.schemas.ts';

export const inZone = (zone: string, iso: string) => formatInZone(zone, Date.parse(iso));
const maybeInZone = (zone: string, iso: string | null) => (iso === null ? null : inZone(zone, iso));

/** The name as registered: the Latin-script parts when there are any, else the Arabic ones. */
export function patientDisplayName(r: PatientNameColumns): string | null {
  return displayName(r) || null;
}

export function appointmentView(r: AppointmentRow, zone: string): AppointmentView {
  return {
    id: r.id,
    patientId: r.patient_id,
    ...patientNames(r),
    mrn: r.mrn,
    providerId: r.provider_id,
    providerName: r.provider_name,
    type: r.type,
    status: r.status,
    dateTime: inZone(zone, r.starts_at),
    endTime: inZone(zone, r.ends_at),
    durationMinutes: Number(r.duration_minutes),
    notes: r.notes,
    cancelReason: r.cancel_reason,
    checkedInAt: maybeInZone(zone, r.checked_in_at),
    startedAt: maybeInZone(zone, r.started_at),
    completedAt: maybeInZone(zone, r.completed_at),
    cancelledAt: maybeInZone(zone, r.cancelled_at),
    createdAt: instant(r.created_at),
    updatedAt: instant(r.updated_at),
  };
}
