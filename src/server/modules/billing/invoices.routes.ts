// Invoices over HTTP: issue (by hand or from an encounter), read, list with cursor paging, void.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { callerOf, type Caller } from './caller.ts';
import { IdParams, Invoice, InvoiceBody, InvoiceQuery, Nullable, VoidBody, Currency, DiscountBody, billingProblem } from './billing.schemas.ts';
import { findInvoice, invoicesWithLines, issueInvoice, voidInvoice } from './invoices.ts';
import { invoiceEncounter } from './encounter-invoice.ts';
import { discountInvoice } from './discounts.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/keyset-cursor.ts';
import { addDays } from '../../platform/time.ts';

const tags = ['billing'];

export async function invoiceRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const show = async (caller: Caller, id: string) => (await invoicesWithLines(db, [await findInvoice(db, ctx.db.client, caller.facilityId, id)]))[0]!;

  r.post('/invoices', {
    config: { access: { permission: 'billing:write' } },
    schema: { operationId: 'createInvoice', tags, summary: 'Issue an invoice; the server computes the totals and the number', body: InvoiceBody, response: { 201: Invoice, 422: billingProblem } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await issueInvoice(ctx, caller, request.body);
    reply.code(201);
    return show(caller, id);
  });

  r.post('/encounters/:id/invoice', {
    config: { access: { permission: 'billing:write' } },
    schema: { operationId: 'invoiceEncounter', tags, summary: 'Issue the invoice of what the encounter ordered, at price-list prices', params: IdParams, body: Type.Object({ currency: Type.Optional(Currency) }, { additionalProperties: false }), response: { 201: Invoice, 409: billingProblem, 422: billingProblem } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await invoiceEncounter(ctx, caller, request.params.id, request.body.currency);
    reply.code(201);
    return show(caller, id);
  });

  r.get('/invoices/:id', {
    config: { access: { permission: 'billing:read' } },
    schema: { operationId: 'getInvoice', tags, summary: 'One invoice with its lines', params: IdParams, response: { 200: Invoice } },
  }, async (request) => {
    const caller = callerOf(request);
    const invoice = await show(caller, request.params.id);
    await ctx.audit.record({ ...caller.audit, action: 'invoice.read', patientId: invoice.patientId, targetType: 'invoice', targetId: invoice.id });
    return invoice;
  });

  r.get('/invoices', {
    config: { access: { permission: 'billing:read' } },
    schema: { operationId: 'listInvoices', tags, summary: 'Invoices, newest first, by patient, status and issue day', querystring: InvoiceQuery, response: { 200: Type.Object({ items: Type.Array(Invoice), nextCursor: Nullable(Type.String()) }) } },
  }, async (request) => {
    const caller = callerOf(request);
    const q = request.query;
    let query = db.selectFrom('invoices').selectAll().where('facility_id', '=', caller.facilityId);
    if (q.patientId) query = query.where('patient_id', '=', q.patientId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.number) query = query.where('number', '=', q.number);
    if (q.from) query = query.where('issued_at', '>=', `${q.from}T00:00:00.000Z`);
    if (q.to) query = query.where('issued_at', '<', `${addDays(q.to, 1)}T00:00:00.000Z`);
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      query = query.where((eb) => eb.or([eb('issued_at', '<', at), eb.and([eb('issued_at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const shown = rows.slice(0, q.limit);
    const last = shown[shown.length - 1];
    await ctx.audit.record({ ...caller.audit, action: 'invoice.list', targetType: 'invoice', details: { patientIds: [...new Set(shown.map((i) => i.patient_id))] } });
    return { items: await invoicesWithLines(db, shown), nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.issued_at, id: last.id }) : null };
  });

  r.post('/invoices/:id/void', {
    config: { access: { permission: 'billing:write' } },
    schema: { operationId: 'voidInvoice', tags, summary: 'Void an invoice that has no payments, with a reason', params: IdParams, body: VoidBody, response: { 200: Invoice, 409: billingProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await voidInvoice(ctx, caller, request.params.id, request.body.reason);
    return show(caller, request.params.id);
  });

  r.post('/invoices/:id/discount', {
    config: { access: { permission: 'billing:manage' } },
    schema: { operationId: 'discountInvoice', tags, summary: 'Approve a discount or exemption, with a reason (one per invoice)', params: IdParams, body: DiscountBody, response: { 200: Invoice, 409: billingProblem, 422: billingProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await discountInvoice(ctx, caller, request.params.id, request.body);
    return show(caller, request.params.id);
  });
}
