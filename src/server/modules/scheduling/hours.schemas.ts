import { Type, type Static, type TSchema } from 'typebox';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { problem } from '../../platform/http/problem-schemas.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Uuid = Type.String({ pattern: UUID_PATTERN });
export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, a date in the facility' });
export const Minutes = (description: string) => Type.Integer({ minimum: 5, maximum: 480, description });

export const ProviderParams = Type.Object({ id: Uuid });
export const ExceptionParams = Type.Object({ id: Uuid, exceptionId: Uuid });

const TimeRange = Type.Object({
  start: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, local time' }),
  end: Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$', description: 'HH:MM, local time, after start; 24:00 is midnight' }),
}, { additionalProperties: false });
const DayRanges = Type.Array(TimeRange, { maxItems: 12 });

const day = Type.Optional(DayRanges);
const Days = Type.Object(
  { sunday: day, monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: day },
  { additionalProperties: false, description: 'Ranges worked on each weekday; a day left out or empty is a day off' },
);

export const WorkingHoursBody = Type.Object({
  slotMinutes: Minutes('Length of a bookable slot'),
  days: Days,
}, { additionalProperties: false });
export type WorkingHoursInput = Static<typeof WorkingHoursBody>;

const RangeOut = Type.Object({ start: Type.String(), end: Type.String() });
const dayOut = Type.Array(RangeOut);
const FullWeek = Type.Object({ sunday: dayOut, monday: dayOut, tuesday: dayOut, wednesday: dayOut, thursday: dayOut, friday: dayOut, saturday: dayOut });

export const WorkingHours = Type.Object({
  providerId: Type.Optional(Type.String()),
  source: Type.Enum(['provider', 'facility', 'default'], { description: "Whose template applies: the provider's own, the facility's, or the built-in default" }),
  timeZone: Type.String(),
  slotMinutes: Type.Integer(),
  days: FullWeek,
  updatedAt: Nullable(Type.String()),
});

export const CreateExceptionBody = Type.Object({
  date: LocalDate,
  hours: Type.Optional(Type.Union([DayRanges, Type.Null()], { description: 'Hours worked on that date instead of the usual; absent, null or empty = a day off' })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
}, { additionalProperties: false });

export const ExceptionsQuery = Type.Object({
  from: Type.Optional(LocalDate),
  to: Type.Optional(LocalDate),
}, { additionalProperties: false });

export const ScheduleException = Type.Object({
  id: Type.String(),
  providerId: Type.String(),
  date: Type.String(),
  kind: Type.Enum(['off', 'hours']),
  hours: Type.Array(RangeOut),
  reason: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type ScheduleExceptionView = Static<typeof ScheduleException>;
export const ScheduleExceptionList = Type.Object({ items: Type.Array(ScheduleException) });

export const Provider = Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() });
export const ProviderList = Type.Object({ items: Type.Array(Provider) });

export const SlotsQuery = Type.Object({
  date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD in the facility; today there by default' })),
  durationMinutes: Type.Optional(Minutes('Length of the appointment; defaults to the slot length')),
}, { additionalProperties: false });

export const Slots = Type.Object({
  providerId: Type.String(),
  date: Type.String(),
  timeZone: Type.String(),
  slotMinutes: Type.Integer(),
  durationMinutes: Type.Integer(),
  slots: Type.Array(RangeOut),
});

export const exceptionConflictProblem = problem('conflict: the provider already has an exception on that date', ['conflict']);
