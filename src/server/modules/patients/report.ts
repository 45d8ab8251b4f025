// The patients module's part of the summary report: patients registered in the period (a merged
// duplicate is not counted: it was the same person registered twice).
import type { ReportSection } from '../../platform/modules.ts';

export const patientReportSections: ReportSection[] = [{
  id: 'patients.registered',
  build: async (ctx, p) => {
    const row = await ctx.db.kysely.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('facility_id', '=', p.facilityId).where('created_at', '>=', p.fromInstant).where('created_at', '<', p.toInstant)
      .where('status', '!=', 'merged').executeTakeFirstOrThrow();
    return { columns: ['registered'], rows: [[Number(row.n)]] };
  },
}];
