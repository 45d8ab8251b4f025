// What a facility's administrators set up inside it: departments and which roles must use MFA.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { ROLES, type Role } from '../../platform/access/roles.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { DepartmentTable } from './facilities.table.ts';
import { CodeConflictProblem, CreateDepartmentBody, Department, DepartmentList, IdParams, MfaPolicy, type DepartmentView } from './facilities.schemas.ts';
import { findFacility } from './facilities.repository.ts';
import { adminScope, type Executor } from './scope.ts';
import { assertMayChangeMfaPolicy } from './user-policy.ts';

const tags = ['facilities'];

const toDepartmentView = (d: DepartmentTable): DepartmentView => ({ id: d.id, facilityId: d.facility_id, name: d.name, code: d.code, createdAt: d.created_at });

async function mfaRoles(db: Executor, facilityId: string): Promise<Role[]> {
  const rows = await db.selectFrom('facility_mfa_roles').select('role').where('facility_id', '=', facilityId).execute();
  const set = new Set(rows.map((r) => r.role));
  return ROLES.filter((role) => set.has(role));
}

export async function facilitySettingsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.post('/facilities/:id/departments', {
    config: { access: { permission: 'facilities:manage' } },
    schema: { operationId: 'createDepartment', tags, summary: 'Add a department', params: IdParams, body: CreateDepartmentBody, response: { 201: Department, 409: CodeConflictProblem } },
  }, async (request, reply) => {
    const facility = await findFacility(db, adminScope(request), request.params.id);
    const { name, code } = request.body;
    const conflict = new AppError('conflict', `This facility already has a department with code ${code}.`, { field: 'body.code' });
    const taken = await db.selectFrom('departments').select('id').where('facility_id', '=', facility.id).where('code', '=', code).executeTakeFirst();
    if (taken) throw conflict;
    const row: DepartmentTable = { id: uuidv7(), facility_id: facility.id, name, code, created_at: nowIso() };
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('departments').values(row).execute();
        await ctx.audit.record({ ...auditContext(request), action: 'department.create', targetType: 'department', targetId: row.id, details: { facilityId: facility.id, code } }, trx);
      });
    } catch (err) {
      throw isUniqueViolation(err) ? conflict : err;
    }
    reply.code(201);
    return toDepartmentView(row);
  });

  r.get('/facilities/:id/departments', {
    config: { access: { permission: 'facilities:read' } },
    schema: { operationId: 'listDepartments', tags, summary: "A facility's departments", params: IdParams, response: { 200: DepartmentList } },
  }, async (request) => {
    const facility = await findFacility(db, adminScope(request), request.params.id);
    const rows = await db.selectFrom('departments').selectAll().where('facility_id', '=', facility.id).orderBy('name').orderBy('id').execute();
    return { items: rows.map(toDepartmentView) };
  });

  r.get('/facilities/:id/mfa-policy', {
    config: { access: { permission: 'facilities:manage' } },
    schema: { operationId: 'getMfaPolicy', tags, summary: 'Roles that must use two-factor sign-in here', params: IdParams, response: { 200: MfaPolicy } },
  }, async (request) => {
    const facility = await findFacility(db, adminScope(request), request.params.id);
    return { roles: await mfaRoles(db, facility.id) };
  });

  r.put('/facilities/:id/mfa-policy', {
    config: { access: { permission: 'facilities:manage' } },
    schema: {
      operationId: 'setMfaPolicy', tags, summary: 'Set the roles that must use two-factor sign-in here', params: IdParams, body: MfaPolicy, response: { 200: MfaPolicy },
      description: 'Replaces the list. Only a super admin may add or remove super_admin (403 otherwise): its hold applies in every facility.',
    },
  }, async (request) => {
    const scope = adminScope(request);
    const facility = await findFacility(db, scope, request.params.id);
    const roles = ROLES.filter((role) => request.body.roles.includes(role));
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      // Two concurrent replacements would otherwise both insert the same keys; the facility row serialises them.
      if (ctx.db.client !== 'sqlite') await trx.selectFrom('facilities').select('id').where('id', '=', facility.id).forUpdate().execute();
      assertMayChangeMfaPolicy(scope, await mfaRoles(trx, facility.id), roles);
      await trx.deleteFrom('facility_mfa_roles').where('facility_id', '=', facility.id).execute();
      if (roles.length) await trx.insertInto('facility_mfa_roles').values(roles.map((role) => ({ facility_id: facility.id, role, created_at: now }))).execute();
      await ctx.audit.record({ ...auditContext(request), action: 'facility.mfa_policy', targetType: 'facility', targetId: facility.id, details: { roles } }, trx);
    });
    return { roles };
  });
}
