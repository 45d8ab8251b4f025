// Facilities: created by super admins, read by their members, edited by their administrators.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { Selectable } from 'kysely';
import type { FacilityTable } from './facilities.table.ts';
import { CodeConflictProblem, CreateFacilityBody, DEFAULT_LOCK_MINUTES, DEFAULT_TIME_ZONE, Facility, FacilityList, IdParams, PatchFacilityBody } from './facilities.schemas.ts';
import { facilityCodeTaken, findFacility, listFacilities, toFacilityView } from './facilities.repository.ts';
import { canonicalTimeZone } from './time-zone.ts';
import { adminScope } from './scope.ts';

const tags = ['facilities'];

function timeZoneOf(value: string): string {
  const zone = canonicalTimeZone(value);
  if (!zone) throw invalid([{ field: 'body.timeZone', message: 'is not an IANA time zone name (e.g. Africa/Khartoum)' }]);
  return zone;
}

const codeConflict = (code: string) => new AppError('conflict', `A facility with code ${code} already exists.`, { field: 'body.code' });

/** Runs a write; a unique index refusing the code (a concurrent twin) becomes the same 409 as the pre-check. */
async function guardCode<T>(code: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (code && isUniqueViolation(err)) throw codeConflict(code);
    throw err;
  }
}

export async function facilityRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.post('/facilities', {
    config: { access: { permission: 'facilities:create' } },
    schema: { operationId: 'createFacility', tags, summary: 'Create a facility', body: CreateFacilityBody, response: { 201: Facility, 409: CodeConflictProblem } },
  }, async (request, reply) => {
    const b = request.body;
    const timeZone = timeZoneOf(b.timeZone ?? DEFAULT_TIME_ZONE);
    if (await facilityCodeTaken(db, b.code)) throw codeConflict(b.code);
    const now = nowIso();
    const row: Selectable<FacilityTable> = {
      id: uuidv7(), code: b.code, name: b.name, type: b.type, state: b.state, locality: b.locality ?? null,
      time_zone: timeZone, status: 'active', lock_after_minutes: b.lockAfterMinutes ?? DEFAULT_LOCK_MINUTES, created_at: now, updated_at: now,
    };
    await guardCode(b.code, () => db.transaction().execute(async (trx) => {
      await trx.insertInto('facilities').values(row).execute();
      await ctx.audit.record({ ...auditContext(request), action: 'facility.create', targetType: 'facility', targetId: row.id, details: { code: row.code } }, trx);
    }));
    reply.code(201);
    return toFacilityView(row);
  });

  r.get('/facilities', {
    config: { access: { permission: 'facilities:read' } },
    schema: { operationId: 'listFacilities', tags, summary: 'Facilities you may act in (all, for a super admin)', response: { 200: FacilityList } },
  }, async (request) => ({ items: (await listFacilities(db, adminScope(request))).map(toFacilityView) }));

  r.get('/facilities/:id', {
    config: { access: { permission: 'facilities:read' } },
    schema: { operationId: 'getFacility', tags, summary: 'One facility: your active one, or any for a super admin', params: IdParams, response: { 200: Facility } },
  }, async (request) => toFacilityView(await findFacility(db, adminScope(request), request.params.id)));

  r.patch('/facilities/:id', {
    config: { access: { permission: 'facilities:manage' } },
    schema: { operationId: 'updateFacility', tags, summary: 'Edit a facility', params: IdParams, body: PatchFacilityBody, response: { 200: Facility, 409: CodeConflictProblem } },
  }, async (request) => {
    const b = request.body;
    const scope = adminScope(request);
    const timeZone = b.timeZone === undefined ? undefined : timeZoneOf(b.timeZone);
    const current = await findFacility(db, scope, request.params.id);
    if (b.code && await facilityCodeTaken(db, b.code, current.id)) throw codeConflict(b.code);
    const changes = {
      ...(b.name !== undefined && { name: b.name }),
      ...(b.code !== undefined && { code: b.code }),
      ...(b.type !== undefined && { type: b.type }),
      ...(b.state !== undefined && { state: b.state }),
      ...(b.locality !== undefined && { locality: b.locality }),
      ...(timeZone !== undefined && { time_zone: timeZone }),
      ...(b.lockAfterMinutes !== undefined && { lock_after_minutes: b.lockAfterMinutes }),
    };
    if (Object.keys(changes).length === 0) return toFacilityView(current);
    const updated = { ...current, ...changes, updated_at: nowIso() };
    await guardCode(b.code, () => db.transaction().execute(async (trx) => {
      await trx.updateTable('facilities').set({ ...changes, updated_at: updated.updated_at }).where('id', '=', current.id).execute();
      await ctx.audit.record({
        ...auditContext(request), action: 'facility.update', targetType: 'facility', targetId: current.id, details: { fields: Object.keys(changes) },
      }, trx);
    }));
    return toFacilityView(updated);
  });
}
