// Who may do what to whose account. A super admin administers everyone; a facility administrator
// administers staff of the facility they act in, and nothing that reaches beyond it: no super admin
// role, no membership elsewhere, and no account-wide change to someone who also works elsewhere
// (a temporary password for such a user would open the other facility to them).
import { AppError, invalid, type FieldProblem } from '../../platform/errors.ts';
import type { Membership } from '../../platform/auth/session-state.ts';
import type { DbClient } from '../../config.ts';
import { existingFacilityIds } from './facilities.repository.ts';
import type { MembershipGrant } from './users.schemas.ts';
import type { Executor, Scope } from './scope.ts';

const forbidden = (message: string) => new AppError('forbidden', message);

/** 403 unless the caller may grant every one of these memberships. */
export function assertMayGrant(scope: Scope, grants: MembershipGrant[]): void {
  if (scope.superAdmin) return;
  if (grants.some((g) => g.role === 'super_admin')) throw forbidden('Only a super admin may grant the super_admin role.');
  if (grants.some((g) => g.facilityId !== scope.facilityId)) {
    throw forbidden('You may grant memberships only in the facility you are acting in; only a super admin may grant others.');
  }
}

/** 403 unless the caller may change anything about this user (memberships in their facility included). */
export function assertMayAdminister(scope: Scope, memberships: Membership[]): void {
  if (!scope.superAdmin && memberships.some((m) => m.role === 'super_admin')) throw forbidden("Only a super admin may change a super admin's account.");
}

/** 403 unless the caller may change the account as a whole: name, status, password. */
export function assertMayChangeAccount(scope: Scope, memberships: Membership[]): void {
  assertMayAdminister(scope, memberships);
  if (!scope.superAdmin && memberships.some((m) => m.facilityId !== scope.facilityId)) {
    throw forbidden('This user also works in other facilities; only a super admin may change their account as a whole.');
  }
}

/**
 * 403 unless the caller may make this change to a facility's MFA policy. The hold a policy puts on a
 * super admin applies in every facility, so only a super admin may add or remove `super_admin`; a
 * facility administrator sets the roles at or below their own and leaves that entry as it is.
 */
export function assertMayChangeMfaPolicy(scope: Scope, before: readonly string[], after: readonly string[]): void {
  if (scope.superAdmin) return;
  if (before.includes('super_admin') !== after.includes('super_admin')) {
    throw forbidden(`Only a super admin may ${after.includes('super_admin') ? 'add' : 'remove'} the super_admin role in a facility's MFA policy: it applies to super admins in every facility.`);
  }
}

/** 400 naming the entry when a facility repeats or does not exist. */
export async function assertGrantsValid(db: Executor, grants: MembershipGrant[]): Promise<void> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const existing = await existingFacilityIds(db, [...new Set(grants.map((g) => g.facilityId))]);
  grants.forEach((g, i) => {
    const field = `body.memberships.${i}.facilityId`;
    if (seen.has(g.facilityId)) problems.push({ field, message: 'repeats a facility: give one role per facility' });
    else if (!existing.has(g.facilityId)) problems.push({ field, message: 'is not an existing facility' });
    seen.add(g.facilityId);
  });
  if (problems.length) throw invalid(problems);
}

/**
 * Locks every super_admin membership row before a membership change (server databases; SQLite
 * already runs one writer), so two concurrent demotions queue instead of both seeing the other.
 */
export async function lockSuperAdmins(trx: Executor, client: DbClient): Promise<void> {
  if (client === 'sqlite') return;
  await trx.selectFrom('memberships').select('id').where('role', '=', 'super_admin').orderBy('id').forUpdate().execute();
}

/** 409 if no active super admin is left; run inside the transaction, after the change. */
export async function assertSuperAdminRemains(trx: Executor, client: DbClient): Promise<void> {
  let query = trx.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.id').where('memberships.role', '=', 'super_admin').where('users.status', '=', 'active').limit(1);
  // A locking read sees the latest committed rows (MySQL's plain reads see the transaction's snapshot).
  if (client !== 'sqlite') query = query.forUpdate();
  if (!await query.executeTakeFirst()) throw new AppError('conflict', 'This would leave the installation without an active super admin.');
}
