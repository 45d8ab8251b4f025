import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { Minutes, Nullable, Uuid } from './hours.schemas.ts';
import { problem } from '../../platform/http/problem-schemas.ts';

export const APPOINTMENT_TYPES = ['consultation', 'follow_up', 'procedure', 'vaccination', 'antenatal', 'other'] as const;
export const APPOINTMENT_STATUSES = ['scheduled', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show'] as const;
export const DEFAULT_DURATION_MINUTES = 30;
export const MAX_PAGE = 200;

const DateTimeIn = Type.String({
  minLength: 16, maxLength: 40,
  description: 'ISO 8601 with an offset (2026-12-01T10:00:00+02:00), or local time in the facility (2026-12-01 10:00:00)',
});
const Duration = Minutes('Length in minutes, 5–480');

export const AppointmentParams = Type.Object({ id: Uuid });

export const CreateAppointmentBody = Type.Object({
  patientId: Uuid,
  dateTime: DateTimeIn,
  type: Type.Enum([...APPOINTMENT_TYPES]),
  providerId: Type.Optional(Type.String({ pattern: UUID_PATTERN, description: 'The clinician seen; defaults to the caller when the caller is one' })),
  durationMinutes: Type.Optional(Duration),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type CreateAppointmentInput = Static<typeof CreateAppointmentBody>;

export const RescheduleBody = Type.Object({
  dateTime: DateTimeIn,
  durationMinutes: Type.Optional(Duration),
  providerId: Type.Optional(Uuid),
}, { additionalProperties: false });
export type RescheduleInput = Static<typeof RescheduleBody>;

export const CancelBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why the appointment is cancelled' }),
}, { additionalProperties: false });

export const AppointmentsQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 40, description: 'Starting at or after: a date (YYYY-MM-DD, from its local midnight) or a date-time' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: 'Starting before: a date-time, or a date (YYYY-MM-DD, through the end of that day)' })),
  providerId: Type.Optional(Uuid),
  patientId: Type.Optional(Uuid),
  status: Type.Optional(Type.Array(Type.Enum([...APPOINTMENT_STATUSES]), { maxItems: APPOINTMENT_STATUSES.length, description: 'One or more statuses (repeat the parameter)' })),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page' })),
}, { additionalProperties: false });
export type AppointmentsQueryInput = Static<typeof AppointmentsQuery>;

// Who the appointment is for and with: shown the same way in the list and in the queue.
const parties = {
  patientId: Type.String(),
  patientName: Nullable(Type.String()),
  patientNameLatin: Nullable(Type.String({ description: 'The four parts in Latin letters, when the record has them' })),
  patientNameArabic: Nullable(Type.String({ description: 'The four parts in Arabic script, when the record has them' })),
  mrn: Nullable(Type.String()),
  providerId: Type.String(),
  providerName: Type.String(),
  type: Type.String(),
};

export const Appointment = Type.Object({
  id: Type.String(),
  ...parties,
  status: Type.String(),
  dateTime: Type.String({ description: 'Start, ISO 8601 with the facility offset' }),
  endTime: Type.String(),
  durationMinutes: Type.Integer(),
  notes: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  checkedInAt: Nullable(Type.String()),
  startedAt: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  links: Type.Optional(Type.Record(Type.String(), Type.String(), {
    description: 'Records other modules opened with this step, by kind: starting a visit answers its encounterId',
  })),
});
export type AppointmentView = Static<typeof Appointment>;

export const AppointmentPage = Type.Object({ items: Type.Array(Appointment), nextCursor: Nullable(Type.String()) });

const Values = Type.Object({
  dateTime: Type.Optional(Type.String()),
  durationMinutes: Type.Optional(Type.Integer()),
  providerId: Type.Optional(Type.String()),
  patientId: Type.Optional(Type.String()),
});

export const AppointmentHistory = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(),
    action: Type.String(),
    fromStatus: Nullable(Type.String()),
    toStatus: Nullable(Type.String()),
    old: Nullable(Values),
    new: Nullable(Values),
    reason: Nullable(Type.String()),
    actorId: Nullable(Type.String()),
    actorName: Nullable(Type.String()),
    occurredAt: Type.String(),
  })),
});

export const QueueQuery = Type.Object({ providerId: Type.Optional(Uuid) }, { additionalProperties: false });

export const Queue = Type.Object({
  items: Type.Array(Type.Object({
    appointmentId: Type.String(),
    ...parties,
    dateTime: Type.String(),
    checkedInAt: Type.String(),
    waitingMinutes: Type.Integer(),
  })),
});

// Errors of these routes beyond the common ones (documented, and serialized with these shapes).
export const invalidTransitionProblem = problem('invalid_transition: the appointment\'s status does not allow this step (currentStatus says which)', ['invalid_transition'], {
  currentStatus: Type.Optional(Type.Enum([...APPOINTMENT_STATUSES])),
});
export const bookingConflictProblem = problem('slot_taken: the provider has an overlapping appointment (errors names the field); conflict or invalid_transition: it changed meanwhile', ['slot_taken', 'conflict', 'invalid_transition']);
