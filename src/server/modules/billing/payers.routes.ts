// Payers and their claims over HTTP. Everyone who registers or bills patients reads the payers (to
// record a patient's coverage); facility admins create, change and deactivate them; billing reads
// the claims of a month, as JSON or as the CSV sent to the payer.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/ids.ts';
import { callerOf } from './caller.ts';
import { IdParams, billingProblem } from './billing.schemas.ts';
import { Claims, ClaimsQuery, Payer, PayerBody, PayerPatch, PayerQuery } from './payers.schemas.ts';
import { createPayer, findPayer, payerView, updatePayer } from './payers.ts';
import { claimsCsv, listClaims } from './claims.ts';

const tags = ['billing'];

export async function payerRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const show = async (facilityId: string, id: string) => payerView(await findPayer(db, facilityId, id));

  r.get('/payers', {
    config: { access: { permission: 'patients:read' } },
    schema: { operationId: 'listPayers', tags, summary: 'The facility\'s payers (insurance fund, companies) with their coverage per category', querystring: PayerQuery, response: { 200: Type.Object({ items: Type.Array(Payer) }) } },
  }, async (request) => {
    let q = db.selectFrom('payers').selectAll().where('facility_id', '=', callerOf(request).facilityId);
    if (!request.query.includeInactive) q = q.where('active', '=', 1);
    return { items: (await q.orderBy('name').orderBy('id').execute()).map(payerView) };
  });

  r.post('/payers', {
    config: { access: { permission: 'billing:manage' } },
    schema: { operationId: 'createPayer', tags, summary: 'Add a payer with its coverage per category (basis points)', body: PayerBody, response: { 201: Payer, 409: billingProblem } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await createPayer(ctx, caller, request.body);
    reply.code(201);
    return show(caller.facilityId, id);
  });

  r.patch('/payers/:id', {
    config: { access: { permission: 'billing:manage' } },
    schema: { operationId: 'updatePayer', tags, summary: 'Change a payer (invoices issued earlier keep their shares)', params: IdParams, body: PayerPatch, response: { 200: Payer, 409: billingProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await updatePayer(ctx, caller, request.params.id, request.body);
    return show(caller.facilityId, request.params.id);
  });

  r.post('/payers/:id/deactivate', {
    config: { access: { permission: 'billing:manage' } },
    schema: { operationId: 'deactivatePayer', tags, summary: 'Deactivate a payer: no new coverage, no shares on new invoices; claims stay', params: IdParams, response: { 200: Payer } },
  }, async (request) => {
    const caller = callerOf(request);
    await updatePayer(ctx, caller, request.params.id, { active: false });
    return show(caller.facilityId, request.params.id);
  });

  const claims = async (request: { params: { id: string }; query: { month?: string } } & Parameters<typeof callerOf>[0]) => {
    const caller = callerOf(request);
    const payer = await findPayer(db, caller.facilityId, request.params.id);
    const month = request.query.month ?? nowIso().slice(0, 7);
    const items = await listClaims(db, caller.facilityId, payer.id, month);
    await ctx.audit.record({ ...caller.audit, action: 'payer.claims', targetType: 'payer', targetId: payer.id, details: { month, patientIds: [...new Set(items.map((i) => i.patientId))] } });
    return { payer, month, items };
  };

  r.get('/payers/:id/claims', {
    config: { access: { permission: 'billing:read' } },
    schema: { operationId: 'listClaims', tags, summary: 'The payer\'s claims for a month: invoices it covered, member numbers, lines and payer shares', params: IdParams, querystring: ClaimsQuery, response: { 200: Claims } },
  }, async (request) => {
    const { payer, month, items } = await claims(request);
    const totals = new Map<string, { currency: string; invoices: number; payerShare: number }>();
    for (const i of items) {
      const t = totals.get(i.currency) ?? { currency: i.currency, invoices: 0, payerShare: 0 };
      t.invoices += 1;
      t.payerShare += i.payerShare;
      totals.set(i.currency, t);
    }
    return { payer: payerView(payer), month, items, totals: [...totals.values()] };
  });

  r.get('/payers/:id/claims.csv', {
    config: { access: { permission: 'billing:read' } },
    schema: {
      operationId: 'downloadClaimsCsv', tags, summary: 'The month\'s claims as CSV (UTF-8 with BOM; one row per line and per credit note; amounts in major units)', params: IdParams, querystring: ClaimsQuery,
      response: { 200: { description: 'The claims, RFC 4180 CSV', content: { 'text/csv': { schema: Type.String() } } } },
    },
  }, async (request, reply) => {
    const { payer, month, items } = await claims(request);
    const file = `claims-${payer.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'payer'}-${month}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(claimsCsv(items));
  });
}
