// The clinical module's part of the summary report: encounters started in the period by type, and
// the ten most frequent diagnoses recorded in it. A diagnosis amended by a later entry is counted
// once, as its amendment (the chart shows the amendment in its place).
import type { ReportSection } from '../../platform/modules.ts';
import type { EncounterType } from './clinical.table.ts';

const TYPES: EncounterType[] = ['outpatient', 'emergency', 'inpatient'];

export const clinicalReportSections: ReportSection[] = [
  {
    id: 'clinical.encountersByType',
    build: async (ctx, p) => {
      const rows = await ctx.db.kysely.selectFrom('encounters').select((eb) => ['type', eb.fn.countAll<number>().as('n')])
        .where('facility_id', '=', p.facilityId).where('started_at', '>=', p.fromInstant).where('started_at', '<', p.toInstant)
        .groupBy('type').execute();
      const count = new Map(rows.map((r) => [r.type, Number(r.n)]));
      return { columns: ['type', 'encounters'], rows: TYPES.map((t) => [t, count.get(t) ?? 0]) };
    },
  },
  {
    id: 'clinical.topDiagnoses',
    build: async (ctx, p) => {
      const rows = await ctx.db.kysely.selectFrom('encounter_diagnoses as d')
        .select((eb) => ['d.code', eb.fn.max('d.title').as('title'), eb.fn.countAll<number>().as('n')])
        .where('d.facility_id', '=', p.facilityId).where('d.recorded_at', '>=', p.fromInstant).where('d.recorded_at', '<', p.toInstant)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('encounter_diagnoses as later').select('later.id').whereRef('later.amends_id', '=', 'd.id'))))
        .groupBy('d.code').orderBy('n', 'desc').orderBy('d.code').limit(10).execute();
      return { columns: ['code', 'title', 'diagnoses'], rows: rows.map((r) => [r.code, r.title, Number(r.n)]) };
    },
  },
];
