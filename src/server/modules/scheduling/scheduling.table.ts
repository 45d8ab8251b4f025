export type AppointmentStatus = 'scheduled' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';

/** A weekly template as stored: JSON of {"sunday": [{"start": "08:00", "end": "16:00"}], …}. */
export interface FacilityWorkingHoursTable {
  facility_id: string;
  slot_minutes: number;
  week: string;
  updated_by: string | null;
  updated_at: string;
}

export interface ProviderWorkingHoursTable {
  facility_id: string;
  provider_id: string;
  slot_minutes: number;
  week: string;
  updated_by: string | null;
  updated_at: string;
}

/** A date off (hours null) or different hours on one date (JSON list of ranges). */
export interface ProviderScheduleExceptionTable {
  id: string;
  facility_id: string;
  provider_id: string;
  date: string;
  hours: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

/** One row per provider, locked while an appointment of theirs is booked or moved. */
export interface ProviderScheduleLockTable {
  facility_id: string;
  provider_id: string;
  created_at: string;
}

export interface AppointmentTable {
  id: string;
  facility_id: string;
  patient_id: string;
  provider_id: string;
  type: string;
  status: AppointmentStatus;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  notes: string | null;
  cancel_reason: string | null;
  checked_in_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Append-only history: every status change, reschedule and patient merge, with old and new values as JSON. */
export interface AppointmentEventTable {
  id: string;
  facility_id: string;
  appointment_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  old_values: string | null;
  new_values: string | null;
  reason: string | null;
  actor_id: string | null;
  occurred_at: string;
}

export interface SchedulingTables {
  facility_working_hours: FacilityWorkingHoursTable;
  provider_working_hours: ProviderWorkingHoursTable;
  provider_schedule_exceptions: ProviderScheduleExceptionTable;
  provider_schedule_locks: ProviderScheduleLockTable;
  appointments: AppointmentTable;
  appointment_events: AppointmentEventTable;
}
