// Scheduling: providers' working hours and exceptions, free slots, appointments and their life
// cycle, and the walk-in queue.
import type { FastifyInstance } from 'fastify';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { hoursRoutes } from './hours.routes.ts';
import { exceptionRoutes } from './exceptions.routes.ts';
import { providerRoutes } from './providers.routes.ts';
import { appointmentRoutes } from './appointments.routes.ts';
import { transitionRoutes } from './transitions.routes.ts';
import { queueRoutes } from './queue.routes.ts';
import { appointmentMerge, completeVisitAppointment } from './visit-hooks.ts';
import { schedulingReportSections } from './report.ts';

export { seedAppointments, type SeedAppointment } from './seed-appointments.ts';

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  ctx.health.addTables('business', ['appointments']);
  await hoursRoutes(app, { ctx });
  await exceptionRoutes(app, { ctx });
  await providerRoutes(app, { ctx });
  await appointmentRoutes(app, { ctx });
  await transitionRoutes(app, { ctx });
  await queueRoutes(app, { ctx });
}

export const schedulingModule: Module = { name: 'scheduling', routes, patientMerge: appointmentMerge, onEncounterCompleted: completeVisitAppointment, reportSections: schedulingReportSections };
