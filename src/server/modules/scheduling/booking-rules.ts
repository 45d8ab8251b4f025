// The rules every booking and reschedule obeys: a real, future, whole-minute start; inside the
// provider's working hours on that date; and (checked under the provider lock) no overlap.
import { AppError, invalid } from '../../platform/errors.ts';
import { formatInZone, localDateOf, parseDateTime, weekdayOf } from '../../platform/time.ts';
import { exceptionOn, providerHours } from './hours.repository.ts';
import { describeRanges, intervalsOn, rangesOn, within, WEEKDAYS, type Interval } from './working-hours.ts';
import type { Executor } from './providers.repository.ts';

/** The start instant of a requested dateTime, read in the facility's zone when it has no offset. */
export function requestedStart(dateTime: string, zone: string, field: string, now = Date.now()): number {
  const start = parseDateTime(dateTime, zone);
  if (start === null) throw invalid([{ field, message: 'is not a date-time: give ISO 8601 with an offset (2026-12-01T10:00:00+02:00) or local time (2026-12-01 10:00:00)' }]);
  if (start % 60_000 !== 0) throw invalid([{ field, message: 'must be on a whole minute' }]);
  if (start <= now) throw invalid([{ field, message: 'is in the past' }]);
  return start;
}

const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export async function requireWorkingHours(db: Executor, facilityId: string, providerId: string, zone: string, slot: Interval, field: string): Promise<void> {
  const date = localDateOf(zone, slot.start);
  const [hours, exception] = await Promise.all([providerHours(db, facilityId, providerId), exceptionOn(db, facilityId, providerId, date)]);
  const ranges = rangesOn(date, hours, exception);
  if (within(intervalsOn(zone, date, ranges), slot)) return;
  const day = `${capitalised(WEEKDAYS[weekdayOf(date)]!)} ${date}`;
  throw invalid([{ field, message: `is outside the provider's working hours: ${day} ${describeRanges(ranges)}${exception ? ' (an exception to the weekly hours)' : ''}` }]);
}

export function slotTaken(zone: string, clash: Interval): AppError {
  const [from, to] = [formatInZone(zone, clash.start), formatInZone(zone, clash.end)];
  return new AppError('slot_taken', `The provider already has an appointment from ${from} to ${to}, which overlaps the time asked for.`, {
    errors: [{ field: 'body.dateTime', message: 'overlaps another appointment of the provider' }],
  });
}
