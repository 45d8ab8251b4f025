// The daily summary email (issue 11): an hourly recurring outbox job. Facilities span time zones,
// so each hour it looks for the facilities whose local clock has reached 06:00 and emails each of
// their active facility admins yesterday's figures (local day), built by the same report sections
// as GET /reports/summary so the email and the dashboard never disagree. The dedupe key (per
// admin, facility and local date) makes it once a day however many hours or retries run it.
import type { Db } from '../../db/connect.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ReportPeriod, ReportSection } from '../../platform/modules.ts';
import type { RecurringJob } from '../../platform/outbox/recurring.ts';
import { addDays, localDateOf, localMinutesToInstant, toWallTime } from '../../platform/time.ts';
import { facilitySettings, queueNotification } from '../notifications/index.ts';
import { DAILY_SUMMARY_EVENT, type DailyFigures } from './daily-summary.template.ts';

export const DAILY_SUMMARY_TOPIC = 'notifications.daily_summary';
/** Local hour from which the summary of the day before goes out. */
export const DAILY_SUMMARY_HOUR = 6;
const HOUR_MS = 3_600_000;
const SECTIONS = ['patients.registered', 'scheduling.appointmentsByStatus', 'clinical.encountersByType', 'billing.revenueByMethod'];

/** The next top of the hour strictly after `from`. */
export const nextHour = (from: Date): Date => new Date((Math.floor(from.getTime() / HOUR_MS) + 1) * HOUR_MS);

export const dailySummaryKey = (facilityId: string, date: string, userId: string) => `daily-summary:${facilityId}:${date}:${userId}`;

/** Yesterday's figures of a facility from the report sections (which read ctx.db only). */
export async function dailyFigures(db: Db, sections: ReportSection[], period: ReportPeriod): Promise<DailyFigures> {
  const ctx = { db } as Pick<AppContext, 'db'> as AppContext;
  const table = async (id: string) => {
    const s = sections.find((x) => x.id === id);
    if (!s) throw new Error(`report section ${id} is not registered`);
    return (await s.build(ctx, period)).rows;
  };
  const [registered, appointments, encounters, revenue] = await Promise.all(SECTIONS.map(table));
  return {
    date: period.from,
    patientsRegistered: Number(registered![0]?.[0] ?? 0),
    appointments: Object.fromEntries(appointments!.map(([status, n]) => [String(status), Number(n)])),
    encounters: encounters!.reduce((sum, r) => sum + Number(r[1]), 0),
    revenue: revenue!.map(([currency, method, payments, , , net]) => ({ currency: String(currency), method: String(method), payments: Number(payments), net: Number(net) })),
  };
}

/** Queues the summaries due at `due`; answers how many emails it queued (0 when all were already). */
export async function runDailySummary(db: Db, sections: ReportSection[], due: Date): Promise<number> {
  const k = db.kysely;
  const facilities = await k.selectFrom('facilities').select(['id', 'time_zone']).where('status', '=', 'active').execute();
  let queued = 0;
  for (const f of facilities) {
    if (toWallTime(f.time_zone, due.getTime()).hour < DAILY_SUMMARY_HOUR) continue;
    if (!(await facilitySettings(k, f.id)).dailySummaryEnabled) continue;
    const today = localDateOf(f.time_zone, due.getTime());
    const admins = await k.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select('u.id')
      .where('m.facility_id', '=', f.id).where('m.role', '=', 'facility_admin').where('u.status', '=', 'active').orderBy('u.id').execute();
    // Skip the figures when every admin already has today's (the 18 hourly runs after 06:00).
    const sent = await k.selectFrom('notification_deliveries').select('dedupe_key').where('facility_id', '=', f.id).where('event', '=', DAILY_SUMMARY_EVENT)
      .where('dedupe_key', 'in', admins.length ? admins.map((a) => dailySummaryKey(f.id, today, a.id)) : ['-']).execute();
    const pending = admins.filter((a) => !sent.some((s) => s.dedupe_key === dailySummaryKey(f.id, today, a.id)));
    if (!pending.length) continue;
    const day = addDays(today, -1);
    const period: ReportPeriod = {
      facilityId: f.id, zone: f.time_zone, from: day, to: day,
      fromInstant: new Date(localMinutesToInstant(f.time_zone, day, 0)).toISOString(),
      toInstant: new Date(localMinutesToInstant(f.time_zone, today, 0)).toISOString(),
    };
    const data = { ...(await dailyFigures(db, sections, period)) };
    for (const a of pending) {
      const out = await k.transaction().execute((trx) => queueNotification(trx, {
        facilityId: f.id, event: DAILY_SUMMARY_EVENT, to: { userId: a.id }, channels: ['email'], data, dedupeKey: dailySummaryKey(f.id, today, a.id),
      }));
      queued += out.filter((d) => d.status === 'queued').length;
    }
  }
  return queued;
}

export function dailySummaryJob(db: Db, sections: ReportSection[]): RecurringJob {
  return { topic: DAILY_SUMMARY_TOPIC, next: nextHour, run: async (due) => { await runDailySummary(db, sections, due); } };
}
