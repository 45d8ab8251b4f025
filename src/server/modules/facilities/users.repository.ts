// Staff accounts as administrators see them. Outside a super admin's view, a user exists only if
// they have a membership in the caller's active facility, and only that membership shows.
import { sql, type SqlBool } from 'kysely';
import { notFound, invalid } from '../../platform/errors.ts';
import type { Membership } from '../../platform/auth/session-state.ts';
import type { Executor, Scope } from './scope.ts';
import type { UserListInput, UserView } from './users.schemas.ts';

// Every column but the secrets (password hash, MFA secret): they never leave this module.
const USER_COLUMNS = [
  'users.id', 'users.email', 'users.name', 'users.phone', 'users.status', 'users.must_change_password',
  'users.mfa_enabled', 'users.last_login_at', 'users.created_at', 'users.updated_at',
] as const;

export interface UserRow {
  id: string; email: string; name: string; phone: string | null; status: string; must_change_password: number;
  mfa_enabled: number; last_login_at: string | null; created_at: string; updated_at: string;
}

export function toUserView(u: UserRow, memberships: Membership[]): UserView {
  return {
    id: u.id, email: u.email, name: u.name, phone: u.phone, status: u.status,
    mustChangePassword: Number(u.must_change_password) === 1, mfaEnabled: Number(u.mfa_enabled) === 1,
    lastLoginAt: u.last_login_at, createdAt: u.created_at, updatedAt: u.updated_at, memberships,
  };
}

export async function findVisibleUser(db: Executor, scope: Scope, id: string): Promise<UserRow> {
  let query = db.selectFrom('users').select(USER_COLUMNS).where('users.id', '=', id);
  if (!scope.superAdmin) {
    query = query.where((eb) => eb.exists(eb.selectFrom('memberships').select('memberships.id')
      .whereRef('memberships.user_id', '=', 'users.id').where('memberships.facility_id', '=', scope.facilityId)));
  }
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('User');
  return row;
}

/** Every membership of the users, in a stable order (unscoped: for rule checks, not for display). */
export async function allMemberships(db: Executor, userIds: string[]): Promise<Map<string, Membership[]>> {
  const byUser = new Map<string, Membership[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db.selectFrom('memberships').select(['user_id', 'facility_id', 'role'])
    .where('user_id', 'in', userIds).orderBy('facility_id').execute();
  for (const r of rows) byUser.get(r.user_id)?.push({ facilityId: r.facility_id, role: r.role });
  return byUser;
}

export const visibleMemberships = (scope: Scope, memberships: Membership[]): Membership[] =>
  scope.superAdmin ? memberships : memberships.filter((m) => m.facilityId === scope.facilityId);

export async function userView(db: Executor, scope: Scope, id: string): Promise<UserView> {
  const row = await findVisibleUser(db, scope, id);
  const memberships = (await allMemberships(db, [id])).get(id) ?? [];
  return toUserView(row, visibleMemberships(scope, memberships));
}

// The cursor is opaque to clients: the (name, id) of the last user on the page, in base64url JSON.
const encodeCursor = (u: UserRow) => Buffer.from(JSON.stringify([u.name, u.id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch { /* reported below */ }
  throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this API returned' }]);
}

/** LIKE pattern matching values that start with `prefix`, its wildcards escaped with '!'. */
const likePrefix = (prefix: string) => `${prefix.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** Users with a membership in the active facility, by name, one keyset page at a time. */
export async function listUsers(db: Executor, scope: Scope, q: UserListInput): Promise<{ items: UserView[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  let query = db.selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(USER_COLUMNS)
    .where('memberships.facility_id', '=', scope.facilityId);
  if (q.role) query = query.where('memberships.role', '=', q.role);
  if (q.status) query = query.where('users.status', '=', q.status);
  if (q.q) {
    const pattern = likePrefix(q.q.toLowerCase());
    query = query.where((eb) => eb.or([
      sql<SqlBool>`lower(users.name) like ${pattern} escape '!'`,
      sql<SqlBool>`users.email like ${pattern} escape '!'`,
    ]));
  }
  if (q.cursor) {
    const [name, id] = decodeCursor(q.cursor);
    query = query.where((eb) => eb.or([eb('users.name', '>', name), eb.and([eb('users.name', '=', name), eb('users.id', '>', id)])]));
  }
  const rows = await query.orderBy('users.name').orderBy('users.id').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const memberships = await allMemberships(db, page.map((u) => u.id));
  return {
    items: page.map((u) => toUserView(u, visibleMemberships(scope, memberships.get(u.id) ?? []))),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}
