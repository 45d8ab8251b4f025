// Creating and changing staff accounts. Each change is one transaction with its audit event; a
// change that ends sessions also drops this instance's cached session state at once.
import type { FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { checkPassword, hashPassword, revokeAllSessions } from '../auth/index.ts';
import type { UserTable } from './facilities.table.ts';
import { adminScope } from './scope.ts';
import { allMemberships, findVisibleUser, toUserView, userView, visibleMemberships } from './users.repository.ts';
import { assertGrantsValid, assertMayChangeAccount, assertMayGrant } from './user-policy.ts';
import type { CreateUserInput, PatchUserInput, UserView } from './users.schemas.ts';

function assertPasswordAcceptable(password: string, user: { email: string; name: string }): void {
  const problems = checkPassword(password, user);
  if (problems.length) throw invalid(problems.map((message) => ({ field: 'body.password', message })));
}

/**
 * An email already in use. A super admin sees every account and is told so. Anyone else gets one
 * answer wherever the account is — their own staff or another facility's — that names no account
 * and says what to do, so it does not tell one facility about another's staff (decision 0010).
 */
function emailUnavailable(scope: { superAdmin: boolean }): AppError {
  const detail = scope.superAdmin
    ? 'A user with this email address already exists.'
    : 'This email address cannot be used for a new account. If the person is on your staff list, change their role there; if they work at another facility, a super admin can add their account to this one.';
  return new AppError('conflict', detail, { field: 'body.email' });
}

export async function createUser(ctx: AppContext, request: FastifyRequest, b: CreateUserInput): Promise<UserView> {
  const scope = adminScope(request);
  const db = ctx.db.kysely;
  assertMayGrant(scope, b.memberships);
  await assertGrantsValid(db, b.memberships);
  // Addresses are matched case-insensitively at sign-in, so they are stored in one case.
  const email = b.email.toLowerCase();
  assertPasswordAcceptable(b.password, { email, name: b.name });
  const taken = async (): Promise<AppError> => {
    await ctx.audit.record({ ...auditContext(request), action: 'user.create', outcome: 'failure', details: { reason: 'email_unavailable', email } });
    return emailUnavailable(scope);
  };
  if (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) throw await taken();

  const now = nowIso();
  const user: Selectable<UserTable> = {
    id: uuidv7(), email, name: b.name, phone: b.phone ?? null, password_hash: await hashPassword(b.password), status: 'active',
    // The administrator knows this password, so it is a temporary one: the person sets their own at first sign-in.
    must_change_password: 1, token_version: 0, mfa_secret: null, mfa_enabled: 0, mfa_last_step: null,
    password_changed_at: now, last_login_at: null, created_at: now, updated_at: now,
    preferred_language: null, number_digits: null,
  };
  const memberships = b.memberships.map((m) => ({ id: uuidv7(), user_id: user.id, facility_id: m.facilityId, role: m.role, created_at: now }));
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(user).execute();
      await trx.insertInto('memberships').values(memberships).execute();
      await ctx.audit.record({
        ...auditContext(request), action: 'user.create', targetType: 'user', targetId: user.id, details: { memberships: b.memberships },
      }, trx);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? await taken() : err;
  }
  return toUserView(user, visibleMemberships(scope, b.memberships));
}

/** Name, phone and status. Disabling ends every session; no one may disable themselves. */
export async function patchUser(ctx: AppContext, request: FastifyRequest, id: string, b: PatchUserInput): Promise<UserView> {
  const scope = adminScope(request);
  const db = ctx.db.kysely;
  const current = await findVisibleUser(db, scope, id);
  assertMayChangeAccount(scope, (await allMemberships(db, [id])).get(id) ?? []);
  const fields = {
    ...(b.name !== undefined && b.name !== current.name && { name: b.name }),
    ...(b.phone !== undefined && b.phone !== current.phone && { phone: b.phone }),
  };
  const status = b.status !== undefined && b.status !== current.status ? b.status : undefined;
  if (status === 'disabled' && id === scope.userId) throw new AppError('conflict', 'You cannot disable your own account.');
  if (Object.keys(fields).length === 0 && !status) return userView(db, scope, id);

  const context = { ...auditContext(request), targetType: 'user', targetId: id };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ ...fields, ...(status && { status }), updated_at: nowIso() }).where('id', '=', id).execute();
    if (Object.keys(fields).length) await ctx.audit.record({ ...context, action: 'user.update', details: { fields: Object.keys(fields) } }, trx);
    // The caller is an active super admin whenever the target is one, so this never disables the last.
    if (status === 'disabled') await revokeAllSessions(trx, id);
    if (status) await ctx.audit.record({ ...context, action: status === 'disabled' ? 'user.disable' : 'user.enable' }, trx);
  });
  if (status === 'disabled') ctx.sessions.forgetUser(id);
  return userView(db, scope, id);
}

/** Sets a password the user must change at next sign-in, and ends their sessions. */
export async function setTemporaryPassword(ctx: AppContext, request: FastifyRequest, id: string, password: string): Promise<UserView> {
  const scope = adminScope(request);
  const db = ctx.db.kysely;
  const user = await findVisibleUser(db, scope, id);
  assertMayChangeAccount(scope, (await allMemberships(db, [id])).get(id) ?? []);
  assertPasswordAcceptable(password, user);
  const passwordHash = await hashPassword(password);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 1, password_changed_at: now, updated_at: now })
      .where('id', '=', id).execute();
    await revokeAllSessions(trx, id);
    await ctx.audit.record({ ...auditContext(request), action: 'user.temporary_password', targetType: 'user', targetId: id, subjectUserId: id }, trx);
  });
  ctx.sessions.forgetUser(id);
  return userView(db, scope, id);
}
