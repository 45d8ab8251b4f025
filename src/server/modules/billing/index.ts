// Billing: the versioned price list, invoices (by hand or from what an encounter ordered) with
// gapless numbers, payments that a retry never charges twice, transfer confirmation and refunds.
// It reads encounters, lab orders and dispensed prescriptions, and the terminology catalogues.
import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/modules.ts';
import type { AppContext } from '../../platform/context.ts';
import { priceRoutes } from './prices.routes.ts';
import { invoiceRoutes } from './invoices.routes.ts';
import { paymentRoutes } from './payments.routes.ts';
import { billingMerge } from './merge.ts';
import { shiftRoutes } from './shifts.routes.ts';
import { billingReportSections } from './report.ts';

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  ctx.health.addTables('business', ['invoices']);
  await priceRoutes(app, { ctx });
  await invoiceRoutes(app, { ctx });
  await paymentRoutes(app, { ctx });
  await shiftRoutes(app, { ctx });
}

export const billingModule: Module = { name: 'billing', routes, patientMerge: billingMerge, reportSections: billingReportSections };
