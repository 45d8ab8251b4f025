// Weekly working hours: the facility's default and each provider's own template.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { nowIso } from '../../platform/ids.ts';
import { normaliseWeek, weekProblems, type Week } from './working-hours.ts';
import { ProviderParams, WorkingHours, WorkingHoursBody, type WorkingHoursInput } from './hours.schemas.ts';
import { facilityHours, providerHours, saveFacilityHours, saveProviderHours, type EffectiveHours } from './hours.repository.ts';
import { facilityZone, providerOr404 } from './providers.repository.ts';

const tags = ['scheduling'];

function checkedWeek(body: WorkingHoursInput): Week {
  const problems = weekProblems(body.days, 'body.days');
  if (problems.length) throw invalid(problems);
  return normaliseWeek(body.days);
}

const view = (h: EffectiveHours, timeZone: string, providerId?: string) => ({
  ...(providerId ? { providerId } : {}), source: h.source, timeZone, slotMinutes: h.slotMinutes, days: h.days, updatedAt: h.updatedAt,
});

export async function hoursRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  const audited = (request: FastifyRequest, action: string, targetType: string, targetId: string, details: Record<string, unknown>) =>
    ({ ...auditContext(request), action, targetType, targetId, details });

  r.get('/facility/working-hours', {
    config: { access: { permission: 'appointments:read' } },
    schema: { operationId: 'getFacilityWorkingHours', tags, summary: "The facility's working hours, used by providers without their own", response: { 200: WorkingHours } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    return view(await facilityHours(db, facilityId), await facilityZone(db, facilityId));
  });

  r.put('/facility/working-hours', {
    config: { access: { permission: 'schedules:manage' } },
    schema: { operationId: 'setFacilityWorkingHours', tags, summary: "Set the facility's working hours", body: WorkingHoursBody, response: { 200: WorkingHours } },
  }, async (request) => {
    const { facilityId, userId } = scopeOf(request);
    const days = checkedWeek(request.body);
    await db.transaction().execute(async (trx) => {
      await saveFacilityHours(trx, ctx.db.client, facilityId, { slotMinutes: request.body.slotMinutes, days, actorId: userId, at: nowIso() });
      await ctx.audit.record(audited(request, 'schedule.facility_hours', 'facility', facilityId, { slotMinutes: request.body.slotMinutes, days }), trx);
    });
    return view(await facilityHours(db, facilityId), await facilityZone(db, facilityId));
  });

  r.get('/providers/:id/working-hours', {
    config: { access: { permission: 'appointments:read' } },
    schema: { operationId: 'getProviderWorkingHours', tags, summary: "A provider's working hours (their own, else the facility's)", params: ProviderParams, response: { 200: WorkingHours } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const provider = await providerOr404(db, facilityId, request.params.id);
    return view(await providerHours(db, facilityId, provider.id), await facilityZone(db, facilityId), provider.id);
  });

  r.put('/providers/:id/working-hours', {
    config: { access: { permission: 'schedules:manage' } },
    schema: { operationId: 'setProviderWorkingHours', tags, summary: "Set a provider's weekly working hours", params: ProviderParams, body: WorkingHoursBody, response: { 200: WorkingHours } },
  }, async (request) => {
    const { facilityId, userId } = scopeOf(request);
    const provider = await providerOr404(db, facilityId, request.params.id);
    const days = checkedWeek(request.body);
    await db.transaction().execute(async (trx) => {
      await saveProviderHours(trx, ctx.db.client, facilityId, provider.id, { slotMinutes: request.body.slotMinutes, days, actorId: userId, at: nowIso() });
      await ctx.audit.record(audited(request, 'schedule.provider_hours', 'user', provider.id, { slotMinutes: request.body.slotMinutes, days }), trx);
    });
    return view(await providerHours(db, facilityId, provider.id), await facilityZone(db, facilityId), provider.id);
  });
}
