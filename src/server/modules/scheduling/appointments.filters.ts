// The list query as a repository filter. Dates are days in the facility's zone: from=D starts at
// D's local midnight, to=D runs through the end of D, so from=to=D is that day's list.
import { invalid, type FieldProblem } from '../../platform/errors.ts';
import { addDays, localMinutesToInstant, parseDate, parseDateTime } from '../../platform/time.ts';
import type { AppointmentFilter } from './appointments.repository.ts';
import type { AppointmentsQueryInput } from './appointments.schemas.ts';

// A cursor only positions the page after the last item shown; facility and filters are applied
// afresh on every request, so a forged cursor cannot widen what is visible.
export const encodeCursor = (startsAt: string, id: string) => Buffer.from(`${startsAt}|${id}`).toString('base64url');

function decodeCursor(cursor: string): AppointmentFilter['after'] {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  return m ? { startsAt: m[1]!, id: m[2]! } : undefined;
}

function bound(value: string | undefined, zone: string, field: string, end: boolean, errors: FieldProblem[]): string | undefined {
  if (value === undefined) return undefined;
  const ms = parseDate(value) ? localMinutesToInstant(zone, end ? addDays(value, 1) : value, 0) : parseDateTime(value, zone);
  if (ms === null) {
    errors.push({ field, message: 'is not a date (YYYY-MM-DD) or date-time' });
    return undefined;
  }
  return new Date(ms).toISOString();
}

export function toFilter(q: AppointmentsQueryInput, zone: string): AppointmentFilter {
  const errors: FieldProblem[] = [];
  const from = bound(q.from, zone, 'querystring.from', false, errors);
  const to = bound(q.to, zone, 'querystring.to', true, errors);
  if (from && to && to <= from) errors.push({ field: 'querystring.to', message: 'must be later than from' });
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (q.cursor !== undefined && !after) errors.push({ field: 'querystring.cursor', message: 'is not a cursor from a previous page' });
  if (errors.length) throw invalid(errors);
  return { from, to, providerId: q.providerId, patientId: q.patientId, statuses: q.status, after };
}
