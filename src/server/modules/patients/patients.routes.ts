// The patient registry's HTTP routes. Handlers only translate: who is asking (their facility comes
// from their scope, never from the request), which use case, and how the answer looks.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CreatePatientBody, DuplicateCandidatesProblem, IdParams, IfMatchHeaders, ListQuery, MergeBody, MergeConflictProblem, PatchPatientBody, Patient,
  PatientEditConflictProblem, PatientPage, PreconditionProblem,
} from './patients.schemas.ts';
import { toPatientView, etagOf } from './patient-view.ts';
import { callerOf, keyRing, type PatientDeps } from './patient-deps.ts';
import { createPatient } from './create-patient.ts';
import { readPatient } from './read-patient.ts';
import { updatePatient } from './update-patient.ts';
import { searchPatients } from './search-patients.ts';
import { mergePatients } from './merge-patients.ts';

const tags = ['patients'];

export async function patientRoutes(app: FastifyInstance, deps: PatientDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ring = keyRing(deps.ctx);

  r.post('/patients', {
    config: { access: { permission: 'patients:write' }, etag: true },
    schema: { operationId: 'createPatient', tags, summary: 'Register a patient (409 duplicate_candidates lists likely duplicates)', body: CreatePatientBody, response: { 201: Patient, 409: DuplicateCandidatesProblem } },
  }, async (request, reply) => {
    const row = await createPatient(deps, callerOf(request), request.body);
    reply.code(201).header('etag', etagOf(row)).header('location', `/api/v1/patients/${row.id}`);
    return toPatientView(row, ring);
  });

  r.get('/patients', {
    config: { access: { permission: 'patients:read' } },
    schema: { operationId: 'listPatients', tags, summary: 'List patients, or search by name, MRN, phone or national ID', querystring: ListQuery, response: { 200: PatientPage } },
  }, async (request) => searchPatients(deps, callerOf(request), request.query));

  r.get('/patients/:id', {
    config: { access: { permission: 'patients:read' }, etag: true },
    schema: { operationId: 'getPatient', tags, summary: 'One patient, with the national ID in full', params: IdParams, response: { 200: Patient } },
  }, async (request, reply) => {
    const row = await readPatient(deps, callerOf(request), request.params.id);
    reply.header('etag', etagOf(row));
    return toPatientView(row, ring);
  });

  r.patch('/patients/:id', {
    config: { access: { permission: 'patients:write' }, etag: true },
    schema: { operationId: 'updatePatient', tags, summary: 'Edit a patient (If-Match: the version you saw)', params: IdParams, headers: IfMatchHeaders, body: PatchPatientBody, response: { 200: Patient, 409: PatientEditConflictProblem, 428: PreconditionProblem } },
  }, async (request, reply) => {
    const row = await updatePatient(deps, callerOf(request), request.params.id, request.headers['if-match'], request.body);
    reply.header('etag', etagOf(row));
    return toPatientView(row, ring);
  });

  r.post('/patients/:id/merge', {
    config: { access: { permission: 'patients:merge' }, etag: true },
    schema: { operationId: 'mergePatient', tags, summary: 'Merge a duplicate registration into this patient', params: IdParams, body: MergeBody, response: { 200: Patient, 409: MergeConflictProblem } },
  }, async (request, reply) => {
    const row = await mergePatients(deps, callerOf(request), request.params.id, request.body.duplicateId);
    reply.header('etag', etagOf(row));
    return toPatientView(row, ring);
  });
}
