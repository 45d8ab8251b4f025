// A patient's allergies and problem list over HTTP.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { IdParams, encounterConflict, unprocessable } from './clinical.schemas.ts';
import { Allergy, AllergyBody, AllergyParams, AllergyStatusBody, HistoryQuery, Problem, ProblemBody, ProblemParams, ProblemStatusBody } from './history.schemas.ts';
import { callerOf } from './clinical-deps.ts';
import { allergyView, listAllergies, listProblems, problemView, recordAllergy, recordProblem, setAllergyStatus, setProblemStatus } from './history.ts';
import { catalogDiagnosis } from './catalogs.ts';

const tags = ['clinical'];

export async function historyRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/patients/:id/allergies', {
    config: { access: { permission: 'clinical:read' } },
    schema: { operationId: 'listAllergies', tags, summary: "The patient's allergies (active unless status=all)", params: IdParams, querystring: HistoryQuery, response: { 200: Type.Object({ items: Type.Array(Allergy) }) } },
  }, async (request) => listAllergies(ctx, callerOf(request), request.params.id, request.query.status === 'all'));

  r.post('/patients/:id/allergies', {
    config: { access: { permission: 'allergies:write' } },
    schema: { operationId: 'recordAllergy', tags, summary: 'Record an allergy', params: IdParams, body: AllergyBody, response: { 201: Allergy, 409: encounterConflict } },
  }, async (request, reply) => {
    const row = await recordAllergy(ctx, callerOf(request), request.params.id, request.body);
    reply.code(201);
    return allergyView(row);
  });

  r.patch('/patients/:id/allergies/:allergyId', {
    config: { access: { permission: 'allergies:write' } },
    schema: { operationId: 'setAllergyStatus', tags, summary: 'Mark an allergy inactive or entered in error (the record stays)', params: AllergyParams, body: AllergyStatusBody, response: { 200: Allergy } },
  }, async (request) => setAllergyStatus(ctx, callerOf(request), request.params.id, request.params.allergyId, request.body.status));

  r.get('/patients/:id/problems', {
    config: { access: { permission: 'clinical:read' } },
    schema: { operationId: 'listProblems', tags, summary: "The patient's problem list (active unless status=all)", params: IdParams, querystring: HistoryQuery, response: { 200: Type.Object({ items: Type.Array(Problem) }) } },
  }, async (request) => listProblems(ctx, callerOf(request), request.params.id, request.query.status === 'all'));

  r.post('/patients/:id/problems', {
    config: { access: { permission: 'diagnoses:write' } },
    schema: { operationId: 'recordProblem', tags, summary: 'Add a problem to the list (code: an ICD-10 code from the catalog)', params: IdParams, body: ProblemBody, response: { 201: Problem, 409: encounterConflict, 422: unprocessable } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const code = request.body.code === undefined ? undefined : (await catalogDiagnosis(ctx, caller.facilityId, request.body.code, 'body.code')).code;
    const row = await recordProblem(ctx, caller, request.params.id, { ...request.body, code });
    reply.code(201);
    return problemView(row);
  });

  r.patch('/patients/:id/problems/:problemId', {
    config: { access: { permission: 'diagnoses:write' } },
    schema: { operationId: 'setProblemStatus', tags, summary: 'Resolve a problem, or mark it entered in error (the record stays)', params: ProblemParams, body: ProblemStatusBody, response: { 200: Problem } },
  }, async (request) => setProblemStatus(ctx, callerOf(request), request.params.id, request.params.problemId, request.body.status));
}
