// The scheduling module's part of the summary report: appointments starting in the period, by
// status (every status listed, zeros too, so charts and downloads keep one shape).
import type { ReportSection } from '../../platform/modules.ts';
import type { AppointmentStatus } from './scheduling.table.ts';

const STATUSES: AppointmentStatus[] = ['scheduled', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show'];

export const schedulingReportSections: ReportSection[] = [{
  id: 'scheduling.appointmentsByStatus',
  build: async (ctx, p) => {
    const rows = await ctx.db.kysely.selectFrom('appointments').select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('facility_id', '=', p.facilityId).where('starts_at', '>=', p.fromInstant).where('starts_at', '<', p.toInstant)
      .groupBy('status').execute();
    const count = new Map(rows.map((r) => [r.status, Number(r.n)]));
    return { columns: ['status', 'appointments'], rows: STATUSES.map((s) => [s, count.get(s) ?? 0]) };
  },
}];
