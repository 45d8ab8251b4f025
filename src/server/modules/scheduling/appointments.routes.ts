// Appointments: book, list (the day's list is the busiest screen), read, reschedule, history.
// Appointments are patient data: every read and write is audited with the patient.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { Appointment, AppointmentHistory, bookingConflictProblem, AppointmentPage, AppointmentParams, AppointmentsQuery, CreateAppointmentBody, RescheduleBody } from './appointments.schemas.ts';
import { appointmentEvents, findAppointment, listAppointments, type AppointmentRow } from './appointments.repository.ts';
import { encodeCursor, toFilter } from './appointments.filters.ts';
import { bookAppointment, rescheduleAppointment } from './booking.ts';
import { facilityZone, type Executor } from './providers.repository.ts';
import { appointmentView } from './present.ts';
import { historyView } from './history.ts';

const tags = ['scheduling'];

async function appointmentOr404(db: Executor, facilityId: string, id: string): Promise<AppointmentRow> {
  const row = await findAppointment(db, facilityId, id);
  if (!row) throw new AppError('not_found', 'Appointment not found');
  return row;
}

export async function appointmentRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.post('/appointments', {
    config: { access: { permission: 'appointments:write' } },
    schema: { operationId: 'createAppointment', tags, summary: 'Book an appointment', body: CreateAppointmentBody, response: { 201: Appointment, 409: bookingConflictProblem } },
  }, async (request, reply) => {
    const { facilityId } = scopeOf(request);
    const id = await bookAppointment(ctx, request, request.body);
    const [row, zone] = await Promise.all([appointmentOr404(db, facilityId, id), facilityZone(db, facilityId)]);
    reply.code(201);
    return appointmentView(row, zone);
  });

  r.get('/appointments', {
    config: { access: { permission: 'appointments:read' } },
    schema: { operationId: 'listAppointments', tags, summary: 'Appointments in start-time order', querystring: AppointmentsQuery, response: { 200: AppointmentPage } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const q = request.query;
    const zone = await facilityZone(db, facilityId);
    const rows = await listAppointments(db, facilityId, toFilter(q, zone), q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor = rows.length > q.limit && last ? encodeCursor(last.starts_at, last.id) : null;
    const { cursor: _cursor, limit: _limit, ...filters } = q;
    await ctx.audit.record({
      ...auditContext(request), action: 'appointment.list', patientId: q.patientId ?? null, targetType: 'appointment',
      details: { ...filters, count: page.length },
    });
    return { items: page.map((row) => appointmentView(row, zone)), nextCursor };
  });

  r.get('/appointments/:id', {
    config: { access: { permission: 'appointments:read' } },
    schema: { operationId: 'getAppointment', tags, summary: 'One appointment', params: AppointmentParams, response: { 200: Appointment } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const row = await appointmentOr404(db, facilityId, request.params.id);
    await ctx.audit.record({ ...auditContext(request), action: 'appointment.read', patientId: row.patient_id, targetType: 'appointment', targetId: row.id });
    return appointmentView(row, await facilityZone(db, facilityId));
  });

  r.get('/appointments/:id/history', {
    config: { access: { permission: 'appointments:read' } },
    schema: { operationId: 'getAppointmentHistory', tags, summary: 'Every status change and reschedule, oldest first', params: AppointmentParams, response: { 200: AppointmentHistory } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const row = await appointmentOr404(db, facilityId, request.params.id);
    const [events, zone] = await Promise.all([appointmentEvents(db, facilityId, row.id), facilityZone(db, facilityId)]);
    await ctx.audit.record({
      ...auditContext(request), action: 'appointment.history', patientId: row.patient_id, targetType: 'appointment', targetId: row.id, details: { count: events.length },
    });
    return { items: events.map((e) => historyView(zone, e)) };
  });

  r.post('/appointments/:id/reschedule', {
    config: { access: { permission: 'appointments:write' } },
    schema: { operationId: 'rescheduleAppointment', tags, summary: 'Move to another time, length or provider', params: AppointmentParams, body: RescheduleBody, response: { 200: Appointment, 409: bookingConflictProblem } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    await rescheduleAppointment(ctx, request, request.params.id, request.body);
    const [row, zone] = await Promise.all([appointmentOr404(db, facilityId, request.params.id), facilityZone(db, facilityId)]);
    return appointmentView(row, zone);
  });
}
