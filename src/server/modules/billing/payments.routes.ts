// Payments over HTTP. Taking one needs an Idempotency-Key: a retry (a dropped connection, a double
// click, fifty at once) answers the first response and never charges twice. A card payment asks
// the processor for a PaymentIntent first (with the same key), outside any transaction, then
// records it pending; the client secret goes back to the card form and is never stored.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { callerOf } from './caller.ts';
import { problem } from '../../platform/http/problem-schemas.ts';
import { IdParams, IdempotencyHeaders, Payment, PaymentBody, RefundBody, TakenPayment, billingProblem } from './billing.schemas.ts';
import { findInvoice } from './invoices.ts';
import { confirmPayment, findPayment, paymentView, refundPayment, takePayment } from './payments.ts';
import { claimOrReplay, completeKey, releaseKey, requestHash } from './idempotency.ts';
import { notSetUp, type PaymentProvider } from './payment-provider.ts';
import { startCardPayment } from './card-payments.ts';

const tags = ['billing'];

const unavailable = problem('service_unavailable: card payments are not set up, or the card processor did not answer (nothing was charged; retry with the same key)', ['service_unavailable']);

export async function paymentRoutes(app: FastifyInstance, { ctx, provider }: { ctx: AppContext; provider: PaymentProvider | undefined }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.post('/invoices/:id/payments', {
    config: { access: { permission: 'billing:write' } },
    schema: {
      operationId: 'takePayment', tags, summary: 'Take a payment (Idempotency-Key required); transfers and card payments stay pending until confirmed',
      params: IdParams, headers: IdempotencyHeaders, body: PaymentBody, response: { 201: TakenPayment, 409: billingProblem, 422: billingProblem, 503: unavailable },
    },
  }, async (request, reply) => {
    const caller = callerOf(request);
    await findInvoice(db, ctx.db.client, caller.facilityId, request.params.id); // another facility's invoice is a 404 before anything else
    const key = request.headers['idempotency-key'];
    if (!key) throw invalid([{ field: 'headers.idempotency-key', message: 'is required: send a new unique key (a UUID) with each payment, and the same key when retrying it' }]);
    const { amount, method, reference, currency, exchangeRate } = request.body;
    if (method === 'card' && !provider) throw notSetUp('STRIPE_SECRET_KEY is not set');
    if (method === 'card' && reference) throw invalid([{ field: 'body.reference', message: 'is not taken for card payments: the card processor\'s payment id becomes the reference' }]);
    if (method === 'card' && (currency !== undefined || exchangeRate !== undefined)) throw invalid([{ field: 'body.currency', message: 'is not taken for card payments: the card is charged in the invoice\'s currency' }]);
    // A payment in the invoice currency hashes as before the currency fields existed (keys in flight stay valid).
    const claim = await claimOrReplay(db, caller.facilityId, key, requestHash(['payment', request.params.id, amount, method, reference ?? null,
      ...(currency !== undefined || exchangeRate !== undefined ? [currency ?? null, exchangeRate ?? null] : [])]));
    if (claim !== 'claimed') {
      reply.code(201); // only a 201 is ever stored: a failed first request releases its key
      const stored = claim.body as ReturnType<typeof paymentView>;
      // The secret is not stored with the response: the processor gives it again.
      return stored.method === 'card' && stored.reference && provider ? { ...stored, clientSecret: await provider.clientSecretOf(stored.reference) } : stored;
    }
    try {
      const card = method === 'card' ? await startCardPayment(ctx, provider!, caller, request.params.id, amount, key) : undefined;
      const body = await db.transaction().execute(async (trx) => {
        const view = paymentView(await takePayment(ctx, trx, caller, request.params.id, request.body, card?.providerRef));
        await completeKey(trx, caller.facilityId, key, { statusCode: 201, body: view });
        return view;
      });
      reply.code(201);
      return card ? { ...body, clientSecret: card.clientSecret } : body;
    } catch (err) {
      await releaseKey(db, caller.facilityId, key);
      throw err;
    }
  });

  r.get('/invoices/:id/payments', {
    config: { access: { permission: 'billing:read' } },
    schema: { operationId: 'listInvoicePayments', tags, summary: 'The payments and refunds of an invoice, oldest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Payment) }) } },
  }, async (request) => {
    const caller = callerOf(request);
    const inv = await findInvoice(db, ctx.db.client, caller.facilityId, request.params.id);
    const rows = await db.selectFrom('payments').selectAll().where('invoice_id', '=', inv.id).orderBy('received_at').orderBy('id').execute();
    await ctx.audit.record({ ...caller.audit, action: 'payment.list', patientId: inv.patient_id, targetType: 'invoice', targetId: inv.id });
    return { items: rows.map(paymentView) };
  });

  r.post('/payments/:id/confirm', {
    config: { access: { permission: 'billing:write' } },
    schema: { operationId: 'confirmPayment', tags, summary: 'Confirm a pending bank-app or mobile-money transfer arrived', params: IdParams, response: { 200: Payment, 409: billingProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await confirmPayment(ctx, caller, request.params.id);
    return paymentView(await findPayment(db, caller.facilityId, request.params.id));
  });

  r.post('/payments/:id/refunds', {
    config: { access: { permission: 'billing:write' } },
    schema: { operationId: 'refundPayment', tags, summary: 'Refund all or part of a completed payment, with a reason', params: IdParams, body: RefundBody, response: { 201: Payment, 409: billingProblem, 422: billingProblem } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await refundPayment(ctx, caller, request.params.id, request.body.amount, request.body.reason);
    reply.code(201);
    return paymentView(await findPayment(db, caller.facilityId, id));
  });
}

