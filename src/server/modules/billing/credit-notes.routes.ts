// Credit notes over HTTP: a facility admin approves one (like a discount); billing reads them.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { callerOf } from './caller.ts';
import { IdParams, billingProblem } from './billing.schemas.ts';
import { CreditNote, CreditNoteBody } from './payers.schemas.ts';
import { creditNoteView, issueCreditNote } from './credit-notes.ts';
import { findInvoice } from './invoices.ts';

const tags = ['billing'];

export async function creditNoteRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.post('/invoices/:id/credit-notes', {
    config: { access: { permission: 'billing:manage' } },
    schema: { operationId: 'createCreditNote', tags, summary: 'Credit an issued invoice (an amount or given lines) with a reason; lowers what is due', params: IdParams, body: CreditNoteBody, response: { 201: CreditNote, 409: billingProblem, 422: billingProblem } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await issueCreditNote(ctx, caller, request.params.id, request.body);
    reply.code(201);
    return creditNoteView(await db.selectFrom('credit_notes').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });

  r.get('/invoices/:id/credit-notes', {
    config: { access: { permission: 'billing:read' } },
    schema: { operationId: 'listCreditNotes', tags, summary: 'The credit notes of an invoice, oldest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(CreditNote) }) } },
  }, async (request) => {
    const caller = callerOf(request);
    const inv = await findInvoice(db, ctx.db.client, caller.facilityId, request.params.id);
    const rows = await db.selectFrom('credit_notes').selectAll().where('invoice_id', '=', inv.id).orderBy('created_at').orderBy('id').execute();
    await ctx.audit.record({ ...caller.audit, action: 'credit_note.list', patientId: inv.patient_id, targetType: 'invoice', targetId: inv.id });
    return { items: rows.map(creditNoteView) };
  });
}
