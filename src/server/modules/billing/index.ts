// Billing: the versioned price list, invoices (by hand or from what an encounter ordered) with
// gapless numbers, payments that a retry never charges twice, transfer confirmation and refunds;
// payers with patients' coverage and monthly claims, credit notes, payments in another currency;
// card payments through Stripe and its signed webhook, and receipts (PDF, Arabic or English)
// emailed to the patient, through notifications, when a payment completes.
// It reads encounters, lab orders and dispensed prescriptions, and the terminology catalogues.
import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/modules.ts';
import type { AppContext } from '../../platform/context.ts';
import { priceRoutes } from './prices.routes.ts';
import { invoiceRoutes } from './invoices.routes.ts';
import { paymentRoutes } from './payments.routes.ts';
import { billingMerge } from './merge.ts';
import { shiftRoutes } from './shifts.routes.ts';
import { stripeProvider } from './stripe-provider.ts';
import { cardWebhookRoutes } from './card-webhook.routes.ts';
import { worklistRoutes } from './worklist.routes.ts';
import { receiptRoutes } from './receipt.routes.ts';

/** A payment's receipt as PDF bytes (the notifications worker attaches it to the receipt email). */
export { renderReceiptPdf } from './receipt.ts';
import { RECEIPT_ATTACHMENT, receiptAttachment } from './receipt-email.ts';
import { payerRoutes } from './payers.routes.ts';
import { coverageRoutes } from './coverage.routes.ts';
import { creditNoteRoutes } from './credit-notes.routes.ts';
import { billingReportSections } from './report.ts';

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  ctx.health.addTables('business', ['invoices']);
  await priceRoutes(app, { ctx });
  await invoiceRoutes(app, { ctx });
  const provider = stripeProvider(ctx.config.stripe, ctx.log);
  await paymentRoutes(app, { ctx, provider });
  await app.register(cardWebhookRoutes, { ctx, provider });
  await shiftRoutes(app, { ctx });
  await worklistRoutes(app, { ctx });
  await receiptRoutes(app, { ctx });
  await payerRoutes(app, { ctx });
  await coverageRoutes(app, { ctx });
  await creditNoteRoutes(app, { ctx });
}

export const billingModule: Module = { name: 'billing', routes, patientMerge: billingMerge, reportSections: billingReportSections,
  notificationAttachments: { [RECEIPT_ATTACHMENT]: receiptAttachment } };
