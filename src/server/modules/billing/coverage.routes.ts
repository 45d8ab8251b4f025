// A patient's coverage over HTTP: reception records the payer and membership number with the
// patient's other registration details, so it goes with the patient permissions.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { callerOf, requirePatient } from './caller.ts';
import { IdParams, billingProblem } from './billing.schemas.ts';
import { CoverageBody, CoverageParams, PatientCoverage } from './payers.schemas.ts';
import { addCoverage, endCoverage, listCoverages } from './coverage.ts';

const tags = ['billing'];

export async function coverageRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const one = async (facilityId: string, patientId: string, id: string) => (await listCoverages(db, facilityId, patientId)).find((c) => c.id === id)!;

  r.get('/patients/:id/coverages', {
    config: { access: { permission: 'patients:read' } },
    schema: { operationId: 'listPatientCoverages', tags, summary: 'The patient\'s payer memberships, newest first (at most one current)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(PatientCoverage) }) } },
  }, async (request) => {
    const caller = callerOf(request);
    await requirePatient(db, caller.facilityId, request.params.id);
    const items = await listCoverages(db, caller.facilityId, request.params.id);
    await ctx.audit.record({ ...caller.audit, action: 'coverage.list', patientId: request.params.id, targetType: 'patient', targetId: request.params.id });
    return { items };
  });

  r.post('/patients/:id/coverages', {
    config: { access: { permission: 'patients:write' } },
    schema: { operationId: 'addPatientCoverage', tags, summary: 'Record the patient\'s membership in a payer (one current at a time)', params: IdParams, body: CoverageBody, response: { 201: PatientCoverage, 409: billingProblem, 422: billingProblem } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await addCoverage(ctx, caller, request.params.id, request.body);
    reply.code(201);
    return one(caller.facilityId, request.params.id, id);
  });

  r.post('/patients/:id/coverages/:coverageId/end', {
    config: { access: { permission: 'patients:write' } },
    schema: { operationId: 'endPatientCoverage', tags, summary: 'End the patient\'s coverage (later invoices are not split with the payer)', params: CoverageParams, response: { 200: PatientCoverage, 409: billingProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await endCoverage(ctx, caller, request.params.id, request.params.coverageId);
    return one(caller.facilityId, request.params.id, request.params.coverageId);
  });
}
