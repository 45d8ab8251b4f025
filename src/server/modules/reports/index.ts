// Reports: the facility's summary for a period, built from the report sections every module
// contributes (platform/modules.ts), as JSON for the dashboard and as CSV for spreadsheets.
import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/modules.ts';
import type { AppContext } from '../../platform/context.ts';
import { reportRoutes } from './reports.routes.ts';
// Registers the daily summary's template in every process, so the API's template previews list it too.
import './daily-summary.template.ts';

export { dailySummaryJob } from './daily-summary.ts';

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  await reportRoutes(app, { ctx });
}

export const reportsModule: Module = { name: 'reports', routes };
