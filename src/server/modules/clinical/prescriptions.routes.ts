// Prescribing (doctors), the dispensing queue and dispensing (pharmacists).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { IdParams, Nullable, unprocessable } from './clinical.schemas.ts';
import { CancelPrescriptionBody, DispenseBody, Prescription, PrescriptionBody, PrescriptionChangeBody, PrescriptionQuery, dispenseProblem, prescriptionWarningsProblem } from './prescriptions.schemas.ts';
import { cancelPrescription, changePrescription } from './prescription-changes.ts';
import { callerOf } from './clinical-deps.ts';
import { dispense, prescribe, prescriptionView } from './prescriptions.ts';
import { decodeCursor, page } from '../../platform/http/keyset-cursor.ts';

const tags = ['clinical'];
const NAMES = ['p.mrn', 'p.first_name', 'p.father_name', 'p.grandfather_name', 'p.last_name', 'p.first_name_ar', 'p.father_name_ar', 'p.grandfather_name_ar', 'p.last_name_ar'] as const;

export async function prescriptionRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const withPatient = () => db.selectFrom('prescriptions as rx')
    .leftJoin('patients as p', (j) => j.onRef('p.id', '=', 'rx.patient_id').onRef('p.facility_id', '=', 'rx.facility_id'))
    .selectAll('rx').select(NAMES);

  r.post('/encounters/:id/prescriptions', {
    config: { access: { permission: 'prescriptions:write' } },
    schema: { operationId: 'prescribe', tags, summary: 'Prescribe from the formulary; allergy and duplicate warnings answer 409 unless overrideReason is sent', params: IdParams, body: PrescriptionBody, response: { 201: Prescription, 409: prescriptionWarningsProblem, 422: unprocessable } },
  }, async (request, reply) => {
    const row = await prescribe(ctx, callerOf(request), request.params.id, request.body);
    reply.code(201);
    return prescriptionView(row);
  });

  r.get('/prescriptions', {
    config: { access: { permission: 'prescriptions:read' } },
    schema: { operationId: 'listPrescriptions', tags, summary: "The pharmacy's queue: prescriptions by status, oldest first", querystring: PrescriptionQuery, response: { 200: Type.Object({ items: Type.Array(Prescription), nextCursor: Nullable(Type.String()) }) } },
  }, async (request) => {
    const caller = callerOf(request);
    const q = request.query;
    let query = withPatient().where('rx.facility_id', '=', caller.facilityId)
      .where('rx.status', 'in', q.status === 'pending' ? ['pending', 'partially_dispensed'] : [q.status]);
    if (q.patientId) query = query.where('rx.patient_id', '=', q.patientId);
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      query = query.where((eb) => eb.or([eb('rx.prescribed_at', '>', at), eb.and([eb('rx.prescribed_at', '=', at), eb('rx.id', '>', id)])]));
    }
    const rows = await query.orderBy('rx.prescribed_at').orderBy('rx.id').limit(q.limit + 1).execute();
    const { rows: shown, nextCursor } = page(rows, q.limit, (x) => x.prescribed_at);
    await ctx.audit.record({ ...caller.audit, action: 'prescription.list', patientId: q.patientId ?? null, targetType: 'prescription', details: { status: q.status, patientIds: [...new Set(shown.map((x) => x.patient_id))] } });
    return { items: shown.map(prescriptionView), nextCursor };
  });

  async function show(facilityId: string, id: string) {
    const row = await withPatient().where('rx.facility_id', '=', facilityId).where('rx.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Prescription');
    return prescriptionView(row);
  }

  r.patch('/prescriptions/:id', {
    config: { access: { permission: 'prescriptions:write' } },
    schema: { operationId: 'changePrescription', tags, summary: 'Change a prescription nothing of which was dispensed (409 otherwise)', params: IdParams, body: PrescriptionChangeBody, response: { 200: Prescription, 409: dispenseProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await changePrescription(ctx, caller, request.params.id, request.body);
    return show(caller.facilityId, request.params.id);
  });

  r.post('/prescriptions/:id/cancel', {
    config: { access: { permission: 'prescriptions:write' } },
    schema: { operationId: 'cancelPrescription', tags, summary: 'Cancel, with a reason, a prescription nothing of which was dispensed', params: IdParams, body: CancelPrescriptionBody, response: { 200: Prescription, 409: dispenseProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await cancelPrescription(ctx, caller, request.params.id, request.body.reason.trim());
    return show(caller.facilityId, request.params.id);
  });

  r.post('/prescriptions/:id/dispense', {
    config: { access: { permission: 'prescriptions:dispense' } },
    schema: { operationId: 'dispensePrescription', tags, summary: 'Dispense all or part of what remains', params: IdParams, body: DispenseBody, response: { 200: Prescription, 409: dispenseProblem, 422: dispenseProblem } },
  }, async (request) => {
    const caller = callerOf(request);
    await dispense(ctx, caller, request.params.id, request.body.quantity);
    return show(caller.facilityId, request.params.id);
  });
}
