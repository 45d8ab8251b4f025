// Applying the card processor's webhook events, each once. The event id is inserted first in the
// transaction that applies it: a redelivery, or the same event delivered twice at once, collides on
// the primary key (the second waits for the first to commit, then fails) and changes nothing.
// The webhook has no user: the facility is the payment row's, found by the PaymentIntent id, and
// must agree with the facility the intent's metadata names. The invoice row is locked for every
// money change, as when a clerk confirms a transfer.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { AuditEvent } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { findInvoice } from './invoices.ts';
import { queueReceipt } from './receipt-outbox.ts';
import { checkPayable, findPayment, moveInvoiceMoney } from './payments.ts';
import type { ProviderEvent } from './payment-provider.ts';

export type Outcome = 'applied' | 'duplicate' | 'ignored';
type Trx = Transaction<Database>;
type RequestAudit = Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'>;
interface Result { outcome: 'applied' | 'ignored'; facilityId?: string; paymentId?: string }

/** What each event type does to a pending card payment; any other type is acknowledged and ignored. */
const EFFECTS: Record<string, 'succeeded' | 'failed'> = {
  'payment_intent.succeeded': 'succeeded',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.canceled': 'failed',
};

export async function applyProviderEvent(ctx: AppContext, provider: string, event: ProviderEvent, audit: RequestAudit): Promise<Outcome> {
  const effect = EFFECTS[event.type];
  if (!effect || !event.payment) return 'ignored';
  const payment = event.payment;
  try {
    return await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('payment_provider_events').values({
        provider, event_id: event.id, type: event.type, facility_id: null, payment_id: null, outcome: 'applying', received_at: nowIso(),
      }).execute();
      const result = await apply(ctx, trx, effect, event, payment, audit);
      await trx.updateTable('payment_provider_events').set({ outcome: result.outcome, facility_id: result.facilityId ?? null, payment_id: result.paymentId ?? null })
        .where('provider', '=', provider).where('event_id', '=', event.id).execute();
      return result.outcome;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
}

async function apply(ctx: AppContext, trx: Trx, effect: 'succeeded' | 'failed', event: ProviderEvent, payment: NonNullable<ProviderEvent['payment']>, audit: RequestAudit): Promise<Result> {
  const log = ctx.log.child({ eventId: event.id, eventType: event.type, providerRef: payment.providerRef });
  const rows = await trx.selectFrom('payments').select(['id', 'facility_id', 'invoice_id']).where('reference', '=', payment.providerRef).where('method', '=', 'card').execute();
  const row = rows.find((r) => payment.facilityId === undefined || r.facility_id === payment.facilityId);
  if (!row) {
    log.warn('a card payment event names no card payment of this installation (another system on the account, or a facility mismatch); ignored');
    return { outcome: 'ignored' };
  }
  const at = { facilityId: row.facility_id, paymentId: row.id };
  const inv = await findInvoice(trx, ctx.db.client, row.facility_id, row.invoice_id, true);
  const p = await findPayment(trx, row.facility_id, row.id); // read again under the invoice lock
  const amount = Number(p.amount);
  const record = (action: string, details: Record<string, unknown>) => ctx.audit.record({
    ...audit, action, actorId: null, facilityId: row.facility_id, patientId: inv.patient_id, targetType: 'payment', targetId: p.id, details: { eventId: event.id, ...details },
  }, trx);

  if (effect === 'failed') {
    if (p.status !== 'pending') return { outcome: 'ignored', ...at };
    await trx.updateTable('payments').set({ status: 'failed', confirmed_at: nowIso() }).where('id', '=', p.id).execute();
    await record('payment.card_failed', { type: event.type });
    return { outcome: 'applied', ...at };
  }
  if (p.status === 'completed') return { outcome: 'ignored', ...at };
  if (payment.amount !== amount || payment.currency !== p.currency) {
    log.error({ paymentId: p.id, expected: { amount, currency: p.currency }, received: { amount: payment.amount, currency: payment.currency } },
      'a card payment succeeded for another amount or currency than was asked; not applied, check it in the Stripe dashboard');
    return { outcome: 'ignored', ...at };
  }
  if (p.status === 'failed') {
    // A declined card retried by the patient can still succeed; it counts again only if it still fits.
    try {
      await checkPayable(trx, inv, amount);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      log.error({ paymentId: p.id }, 'a card payment marked failed succeeded after the invoice was paid otherwise; refund it in the Stripe dashboard');
      return { outcome: 'ignored', ...at };
    }
  }
  const now = nowIso();
  await trx.updateTable('payments').set({ status: 'completed', confirmed_at: now }).where('id', '=', p.id).execute();
  await moveInvoiceMoney(trx, ctx.db.client, inv, amount, 'card', now);
  await queueReceipt(trx, p.facility_id, p.id, p.patient_id);
  await record('payment.card_succeeded', { amount });
  return { outcome: 'applied', ...at };
}
