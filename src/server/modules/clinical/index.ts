// Clinical care: encounters and what is recorded in them (vitals, diagnoses, SOAP notes,
// prescriptions and dispensing, lab orders and results), a patient's allergies and problems, and the chart. It meets other modules only through extension
// points: a started appointment opens its encounter, a completed encounter completes its
// appointment (scheduling's hook), and a patient merge moves clinical records (clinicalMerge).
import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/modules.ts';
import type { AppContext } from '../../platform/context.ts';
import { encounterRoutes } from './encounters.routes.ts';
import { historyRoutes } from './history.routes.ts';
import { chartRoutes } from './chart.routes.ts';
import { prescriptionRoutes } from './prescriptions.routes.ts';
import { labRoutes } from './lab.routes.ts';
import { openForAppointment } from './open-encounter.ts';
import { clinicalMerge } from './merge.ts';
import { clinicalReportSections } from './report.ts';

export { CRITICAL_RESULT_TOPIC } from './lab.ts';

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  ctx.health.addTables('business', ['encounters']);
  await encounterRoutes(app, { ctx });
  await historyRoutes(app, { ctx });
  await chartRoutes(app, { ctx });
  await prescriptionRoutes(app, { ctx });
  await labRoutes(app, { ctx });
}

export const clinicalModule: Module = { name: 'clinical', routes, patientMerge: clinicalMerge, onAppointmentStarted: openForAppointment, reportSections: clinicalReportSections };
