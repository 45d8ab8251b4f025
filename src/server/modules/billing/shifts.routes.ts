// Cash shifts over HTTP: open with the float, read the current one, close with the counted cash.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { callerOf } from './caller.ts';
import { CashShift, CloseShiftBody, IdParams, OpenShiftBody, billingProblem } from './billing.schemas.ts';
import { closeShift, findShift, openShift, openShiftOf, shiftView } from './shifts.ts';

const tags = ['billing'];

export async function shiftRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.post('/cash-shifts', {
    config: { access: { permission: 'billing:write' } },
    schema: { operationId: 'openCashShift', tags, summary: 'Open your cash shift with the float in the drawer', body: OpenShiftBody, response: { 201: CashShift, 409: billingProblem } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await openShift(ctx, caller, request.body.openingFloat, request.body.currency);
    reply.code(201);
    return shiftView(db, await findShift(db, caller.facilityId, id));
  });

  r.get('/cash-shifts/current', {
    config: { access: { permission: 'billing:write' } },
    schema: { operationId: 'currentCashShift', tags, summary: 'Your open cash shift with what it has taken so far', response: { 200: CashShift } },
  }, async (request) => {
    const shift = await openShiftOf(db, callerOf(request));
    if (!shift) throw notFound('Open cash shift');
    return shiftView(db, shift);
  });

  r.get('/cash-shifts/:id', {
    config: { access: { permission: 'billing:read' } },
    schema: { operationId: 'getCashShift', tags, summary: 'A cash shift and its close report', params: IdParams, response: { 200: CashShift } },
  }, async (request) => shiftView(db, await findShift(db, callerOf(request).facilityId, request.params.id)));

  r.post('/cash-shifts/:id/close', {
    config: { access: { permission: 'billing:write' } },
    schema: { operationId: 'closeCashShift', tags, summary: 'Close your cash shift with the cash counted: expected against counted, per method', params: IdParams, body: CloseShiftBody, response: { 200: CashShift, 409: billingProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await closeShift(ctx, caller, request.params.id, request.body.countedCash, request.body.note);
    return shiftView(db, await findShift(db, caller.facilityId, request.params.id));
  });
}

