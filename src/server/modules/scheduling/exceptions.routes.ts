// Exceptions to a provider's weekly hours: a date off, or different hours on one date.
// Appointments already booked on that date stay; only new bookings and slots follow the exception.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid, type FieldProblem } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import { parseDate } from '../../platform/time.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { rangeProblems, sortRanges } from './working-hours.ts';
import { CreateExceptionBody, ExceptionParams, exceptionConflictProblem, ExceptionsQuery, ProviderParams, ScheduleException, ScheduleExceptionList, type ScheduleExceptionView } from './hours.schemas.ts';
import { deleteException, findException, insertException, listExceptions, type ScheduleException as Row } from './hours.repository.ts';
import { providerOr404 } from './providers.repository.ts';

const tags = ['scheduling'];

const view = (e: Row): ScheduleExceptionView => ({
  id: e.id, providerId: e.providerId, date: e.date, kind: e.hours?.length ? 'hours' : 'off', hours: e.hours ?? [], reason: e.reason, createdAt: e.createdAt,
});

function dateProblem(value: string | undefined, field: string): FieldProblem[] {
  return value !== undefined && !parseDate(value) ? [{ field, message: 'is not a real date' }] : [];
}

export async function exceptionRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.get('/providers/:id/exceptions', {
    config: { access: { permission: 'appointments:read' } },
    schema: { operationId: 'listScheduleExceptions', tags, summary: "A provider's exceptions to their weekly hours", params: ProviderParams, querystring: ExceptionsQuery, response: { 200: ScheduleExceptionList } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const { from, to } = request.query;
    const problems = [...dateProblem(from, 'querystring.from'), ...dateProblem(to, 'querystring.to')];
    if (problems.length) throw invalid(problems);
    const provider = await providerOr404(db, facilityId, request.params.id);
    return { items: (await listExceptions(db, facilityId, provider.id, { from, to })).map(view) };
  });

  r.post('/providers/:id/exceptions', {
    config: { access: { permission: 'schedules:manage' } },
    schema: { operationId: 'createScheduleException', tags, summary: 'Add a date off or different hours on a date', params: ProviderParams, body: CreateExceptionBody, response: { 201: ScheduleException, 409: exceptionConflictProblem } },
  }, async (request, reply) => {
    const { facilityId, userId } = scopeOf(request);
    const { date, reason } = request.body;
    const hours = request.body.hours?.length ? sortRanges(request.body.hours) : null;
    const problems = [...dateProblem(date, 'body.date'), ...rangeProblems(request.body.hours ?? [], 'body.hours')];
    if (problems.length) throw invalid(problems);
    const provider = await providerOr404(db, facilityId, request.params.id);
    const row = {
      id: uuidv7(), facility_id: facilityId, provider_id: provider.id, date, hours: hours && JSON.stringify(hours),
      reason: reason ?? null, created_by: userId, created_at: nowIso(),
    };
    try {
      const created = await db.transaction().execute(async (trx) => {
        const e = await insertException(trx, row);
        await ctx.audit.record({ ...auditContext(request), action: 'schedule.exception_add', targetType: 'user', targetId: provider.id, details: { date, hours } }, trx);
        return e;
      });
      reply.code(201);
      return view(created);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new AppError('conflict', `This provider already has an exception on ${date}; delete it first.`, { errors: [{ field: 'body.date', message: 'already has an exception' }] });
    }
  });

  r.delete('/providers/:id/exceptions/:exceptionId', {
    config: { access: { permission: 'schedules:manage' } },
    schema: { operationId: 'deleteScheduleException', tags, summary: 'Remove an exception: the weekly hours apply again on that date', params: ExceptionParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const { facilityId } = scopeOf(request);
    const provider = await providerOr404(db, facilityId, request.params.id);
    const exception = await findException(db, facilityId, provider.id, request.params.exceptionId);
    if (!exception) throw new AppError('not_found', 'Exception not found');
    await db.transaction().execute(async (trx) => {
      await deleteException(trx, facilityId, exception.id);
      await ctx.audit.record({ ...auditContext(request), action: 'schedule.exception_remove', targetType: 'user', targetId: provider.id, details: { date: exception.date } }, trx);
    });
    return reply.code(204).send(null);
  });
}
