// GET /patients/:id/chart: what a clinician sees first when opening a patient.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { Cursor, Diagnosis, EncounterSummary, IdParams, Nullable, Vitals } from './clinical.schemas.ts';
import { Allergy, Problem } from './history.schemas.ts';
import { Prescription } from './prescriptions.schemas.ts';
import { callerOf } from './clinical-deps.ts';
import { readChart } from './chart.ts';

export const ChartQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'Encounters per page, newest first' }),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const Chart = Type.Object({
  patient: Type.Object({
    id: Type.String(), mrn: Type.String(), name: Type.String(), status: Type.String(), mergedIntoId: Nullable(Type.String()), sex: Type.String(),
    dateOfBirth: Nullable(Type.String()), birthYear: Type.Integer(), ageYears: Type.Integer(), phone: Nullable(Type.String()),
  }),
  allergies: Type.Array(Allergy),
  problems: Type.Array(Problem, { description: 'Active problems' }),
  activePrescriptions: Type.Array(Prescription, { description: 'Not cancelled, and when dispensed still within their duration' }),
  latestVitals: Nullable(Vitals),
  encounters: Type.Object({
    items: Type.Array(Type.Object({ ...EncounterSummary.properties, diagnoses: Type.Array(Diagnosis) })),
    nextCursor: Nullable(Type.String()),
  }),
});

export async function chartRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/patients/:id/chart', {
    config: { access: { permission: 'clinical:read' } },
    schema: {
      operationId: 'getChart', tags: ['clinical'], summary: 'The patient chart: demographics, allergies, active problems, latest vitals, recent encounters with diagnoses',
      params: IdParams, querystring: ChartQuery, response: { 200: Chart },
    },
  }, async (request) => readChart(ctx, callerOf(request), request.params.id, request.query));
}
