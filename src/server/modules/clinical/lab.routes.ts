// Lab orders (doctors) and the lab technicians' worklist, collection, results and verification.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { IdParams, Nullable, encounterConflict } from './clinical.schemas.ts';
import { LabOrder, LabOrderBody, LabQuery, ResultsBody, labProblem } from './lab.schemas.ts';
import { callerOf, type Caller } from './clinical-deps.ts';
import { collectSample, enterResults, labOrdersWithTests, orderLabTests, verifyResults } from './lab.ts';
import { decodeCursor, page } from '../../platform/http/keyset-cursor.ts';

const tags = ['clinical'];

export async function labRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  async function show(caller: Caller, id: string) {
    const order = await db.selectFrom('lab_orders').selectAll().where('facility_id', '=', caller.facilityId).where('id', '=', id).executeTakeFirst();
    if (!order) throw notFound('Lab order');
    return (await labOrdersWithTests(db, [order]))[0]!;
  }

  r.post('/encounters/:id/lab-orders', {
    config: { access: { permission: 'lab:order' } },
    schema: { operationId: 'orderLabTests', tags, summary: 'Order lab tests from the catalog', params: IdParams, body: LabOrderBody, response: { 201: LabOrder, 409: encounterConflict, 422: labProblem } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await orderLabTests(ctx, caller, request.params.id, request.body.tests, request.body.priority ?? 'routine');
    reply.code(201);
    return show(caller, id);
  });

  r.get('/lab-orders', {
    config: { access: { permission: 'lab:read' } },
    schema: { operationId: 'listLabOrders', tags, summary: 'The lab worklist: orders at one step, oldest first', querystring: LabQuery, response: { 200: Type.Object({ items: Type.Array(LabOrder), nextCursor: Nullable(Type.String()) }) } },
  }, async (request) => {
    const caller = callerOf(request);
    const q = request.query;
    let query = db.selectFrom('lab_orders').selectAll().where('facility_id', '=', caller.facilityId).where('status', '=', q.status);
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      query = query.where((eb) => eb.or([eb('ordered_at', '>', at), eb.and([eb('ordered_at', '=', at), eb('id', '>', id)])]));
    }
    const { rows, nextCursor } = page(await query.orderBy('ordered_at').orderBy('id').limit(q.limit + 1).execute(), q.limit, (o) => o.ordered_at);
    await ctx.audit.record({ ...caller.audit, action: 'lab.list', targetType: 'lab_order', details: { status: q.status, patientIds: [...new Set(rows.map((o) => o.patient_id))] } });
    return { items: await labOrdersWithTests(db, rows), nextCursor };
  });

  r.get('/lab-orders/:id', {
    config: { access: { permission: 'lab:read' } },
    schema: { operationId: 'getLabOrder', tags, summary: 'One lab order with its results', params: IdParams, response: { 200: LabOrder } },
  }, async (request) => {
    const caller = callerOf(request);
    const order = await show(caller, request.params.id);
    await ctx.audit.record({ ...caller.audit, action: 'lab.read', patientId: order.patientId, targetType: 'lab_order', targetId: order.id });
    return order;
  });

  const step = (path: string, operationId: string, summary: string, run: (caller: Caller, id: string) => Promise<void>) =>
    r.post(`/lab-orders/:id/${path}`, {
      config: { access: { permission: 'lab:result' } },
      schema: { operationId, tags, summary, params: IdParams, response: { 200: LabOrder, 409: labProblem } },
    }, async (request) => {
      const caller = callerOf(request);
      await run(caller, request.params.id);
      return show(caller, request.params.id);
    });
  step('collect', 'collectLabSample', 'The sample was taken', (caller, id) => collectSample(ctx, caller, id));
  step('verify', 'verifyLabResults', 'A second technician verifies the results', (caller, id) => verifyResults(ctx, caller, id));

  r.post('/lab-orders/:id/results', {
    config: { access: { permission: 'lab:result' } },
    schema: { operationId: 'enterLabResults', tags, summary: 'Enter results of ordered tests (flagged; a critical one notifies the ordering clinician)', params: IdParams, body: ResultsBody, response: { 200: LabOrder, 409: labProblem, 422: labProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await enterResults(ctx, caller, request.params.id, request.body.results);
    return show(caller, request.params.id);
  });
}
