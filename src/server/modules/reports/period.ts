// The period of a report: local days in the facility's zone, bounded so a report never scans
// without limit. Without dates it is the current month to today.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../platform/errors.ts';
import type { ReportPeriod } from '../../platform/modules.ts';
import { addDays, localDateOf, localMinutesToInstant, parseDate, DEFAULT_TIME_ZONE } from '../../platform/time.ts';

export const MAX_REPORT_DAYS = 366;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export async function reportPeriod(db: Kysely<Database>, facilityId: string, query: { from?: string; to?: string }): Promise<ReportPeriod> {
  const facility = await db.selectFrom('facilities').select('time_zone').where('id', '=', facilityId).executeTakeFirst();
  const zone = facility?.time_zone ?? DEFAULT_TIME_ZONE;
  const today = localDateOf(zone, Date.now());
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 8)}01`;
  const errors = [
    ...(parseDate(from) ? [] : [{ field: 'querystring.from', message: 'is not a calendar date (YYYY-MM-DD)' }]),
    ...(parseDate(to) ? [] : [{ field: 'querystring.to', message: 'is not a calendar date (YYYY-MM-DD)' }]),
  ];
  if (errors.length) throw invalid(errors);
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) throw invalid([{ field: 'querystring.to', message: 'is before from' }]);
  if (days > MAX_REPORT_DAYS) throw invalid([{ field: 'querystring.to', message: `makes a period of ${days} days; at most ${MAX_REPORT_DAYS}` }]);
  return {
    facilityId, zone, from, to,
    fromInstant: new Date(localMinutesToInstant(zone, from, 0)).toISOString(),
    toInstant: new Date(localMinutesToInstant(zone, addDays(to, 1), 0)).toISOString(),
  };
}
