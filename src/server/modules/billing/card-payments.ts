// Starting a card payment: the invoice is checked first (so a void invoice or an overpayment never
// reaches the processor), then the processor makes a PaymentIntent under the client's
// Idempotency-Key. The payment row is written afterwards, in its own transaction with the invoice
// locked and the amount checked again; if that fails the intent stays unconfirmed at the processor
// (nobody has its client secret, so it charges nothing) and a retry with the key gets it back.
import type { AppContext } from '../../platform/context.ts';
import type { Caller } from './caller.ts';
import { findInvoice } from './invoices.ts';
import { checkPayable } from './payments.ts';
import type { CardPayment, PaymentProvider } from './payment-provider.ts';

export async function startCardPayment(ctx: AppContext, provider: PaymentProvider, caller: Caller, invoiceId: string, amount: number, idempotencyKey: string): Promise<CardPayment> {
  const inv = await findInvoice(ctx.db.kysely, ctx.db.client, caller.facilityId, invoiceId);
  await checkPayable(ctx.db.kysely, inv, amount);
  const started = Date.now();
  const card = await provider.createCardPayment({ facilityId: caller.facilityId, invoiceId, amount, currency: inv.currency, idempotencyKey });
  ctx.log.info({ provider: provider.name, providerRef: card.providerRef, invoiceId, amount, ms: Date.now() - started }, 'card payment started');
  return card;
}
