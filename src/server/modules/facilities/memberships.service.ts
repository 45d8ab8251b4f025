// Replacing a user's memberships. A super admin replaces all of them; a facility administrator
// replaces only the membership in the facility they act in and leaves the others as they are.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import type { Membership } from '../../platform/auth/session-state.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { adminScope } from './scope.ts';
import { allMemberships, findVisibleUser, toUserView, visibleMemberships } from './users.repository.ts';
import { assertGrantsValid, assertMayAdminister, assertMayGrant, assertSuperAdminRemains, lockSuperAdmins } from './user-policy.ts';
import type { MembershipGrant, UserView } from './users.schemas.ts';

export async function replaceMemberships(ctx: AppContext, request: FastifyRequest, id: string, grants: MembershipGrant[]): Promise<UserView> {
  const scope = adminScope(request);
  assertMayGrant(scope, grants);
  await assertGrantsValid(ctx.db.kysely, grants);
  const inScope = (m: Membership) => scope.superAdmin || m.facilityId === scope.facilityId;
  const wanted = new Map(grants.map((g) => [g.facilityId, g.role]));
  const now = nowIso();

  let result: UserView;
  try {
    result = await ctx.db.kysely.transaction().execute(async (trx) => {
      await lockSuperAdmins(trx, ctx.db.client);
      const user = await findVisibleUser(trx, scope, id);
      const current = (await allMemberships(trx, [id])).get(id) ?? [];
      assertMayAdminister(scope, current);
      const before = current.filter(inScope);
      for (const m of before) {
        const role = wanted.get(m.facilityId);
        if (role === undefined) await trx.deleteFrom('memberships').where('user_id', '=', id).where('facility_id', '=', m.facilityId).execute();
        else if (role !== m.role) await trx.updateTable('memberships').set({ role }).where('user_id', '=', id).where('facility_id', '=', m.facilityId).execute();
      }
      const added = grants.filter((g) => !before.some((m) => m.facilityId === g.facilityId));
      if (added.length) {
        await trx.insertInto('memberships')
          .values(added.map((g) => ({ id: uuidv7(), user_id: id, facility_id: g.facilityId, role: g.role, created_at: now }))).execute();
      }
      await assertSuperAdminRemains(trx, ctx.db.client);
      await ctx.audit.record({
        ...auditContext(request), action: 'user.memberships', targetType: 'user', targetId: id, details: { before, after: grants },
      }, trx);
      const after = [...current.filter((m) => !inScope(m)), ...grants.map((g) => ({ facilityId: g.facilityId, role: g.role }))];
      return toUserView(user, visibleMemberships(scope, after).sort((a, b) => (a.facilityId < b.facilityId ? -1 : 1)));
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', "The user's memberships changed at the same time; reload and try again.");
    throw err;
  }
  // Roles are read with the session state; drop this instance's copy so the change applies at once.
  ctx.sessions.forgetUser(id);
  return result;
}
