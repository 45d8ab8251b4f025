// Encounters over HTTP: open, the worklist, one encounter, complete, and what is recorded inside
// (vitals, diagnoses, notes). Handlers only translate.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import {
  CreateEncounterBody, Diagnosis, DiagnosisBody, EncounterPage, EncounterQuery, IdParams, Note, NoteBody, Vitals, VitalsBody, encounterConflict, unprocessable,
} from './clinical.schemas.ts';
import { Encounter } from './encounter.schemas.ts';
import { callerOf } from './clinical-deps.ts';
import { openEncounter } from './open-encounter.ts';
import { completeEncounter } from './complete-encounter.ts';
import { listWorklist, readEncounter } from './read-encounters.ts';
import { recordNote, recordVitals } from './record-entries.ts';
import { recordDiagnosis } from './record-diagnosis.ts';
import { diagnosisView, noteView, vitalsView } from './encounter-view.ts';

const tags = ['clinical'];

export async function encounterRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/encounters', {
    config: { access: { permission: 'encounters:write' } },
    schema: { operationId: 'openEncounter', tags, summary: 'Open an encounter (walk-in, emergency, or an appointment in progress without one)', body: CreateEncounterBody, response: { 201: Encounter, 409: encounterConflict, 422: unprocessable } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await openEncounter(ctx, caller, request.body);
    reply.code(201).header('location', `/api/v1/encounters/${id}`);
    return readEncounter(ctx, caller, id);
  });

  r.get('/encounters', {
    config: { access: { permission: 'clinical:read' } },
    schema: { operationId: 'listEncounters', tags, summary: "A clinician's worklist: by status, provider, patient and day, oldest first", querystring: EncounterQuery, response: { 200: EncounterPage } },
  }, async (request) => listWorklist(ctx, callerOf(request), request.query));

  r.get('/encounters/:id', {
    config: { access: { permission: 'clinical:read' } },
    schema: { operationId: 'getEncounter', tags, summary: 'One encounter with its vitals, diagnoses and notes', params: IdParams, response: { 200: Encounter } },
  }, async (request) => readEncounter(ctx, callerOf(request), request.params.id));

  r.post('/encounters/:id/complete', {
    config: { access: { permission: 'diagnoses:write' } },
    schema: { operationId: 'completeEncounter', tags, summary: 'Complete the encounter (needs a diagnosis); completes its appointment and freezes it', params: IdParams, response: { 200: Encounter, 409: encounterConflict, 422: unprocessable } },
  }, async (request) => {
    const caller = callerOf(request);
    await completeEncounter(ctx, caller, request.params.id);
    return readEncounter(ctx, caller, request.params.id);
  });

  r.post('/encounters/:id/vitals', {
    config: { access: { permission: 'vitals:write' } },
    schema: { operationId: 'recordVitals', tags, summary: 'Record vital signs (BMI computed, abnormal values flagged; impossible ones 422)', params: IdParams, body: VitalsBody, response: { 201: Vitals, 409: encounterConflict, 422: unprocessable } },
  }, async (request, reply) => {
    const row = await recordVitals(ctx, callerOf(request), request.params.id, request.body);
    reply.code(201);
    return vitalsView(row);
  });

  r.post('/encounters/:id/diagnoses', {
    config: { access: { permission: 'diagnoses:write' } },
    schema: { operationId: 'recordDiagnosis', tags, summary: 'Diagnose: an ICD-10 code from the catalog, primary or secondary', params: IdParams, body: DiagnosisBody, response: { 201: Diagnosis, 409: encounterConflict, 422: unprocessable } },
  }, async (request, reply) => {
    const row = await recordDiagnosis(ctx, callerOf(request), request.params.id, request.body);
    reply.code(201);
    return diagnosisView(row);
  });

  r.post('/encounters/:id/notes', {
    config: { access: { permission: 'encounters:write' } },
    schema: { operationId: 'writeNote', tags, summary: 'Write a SOAP note', params: IdParams, body: NoteBody, response: { 201: Note, 409: encounterConflict, 422: unprocessable } },
  }, async (request, reply) => {
    const row = await recordNote(ctx, callerOf(request), request.params.id, request.body);
    reply.code(201);
    return noteView(row);
  });
}
