// The user as sign-in sees it, and the view of a user the auth routes return.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { mfaPolicyApplies } from '../../platform/auth/session-state.ts';
import type { UserViewT } from './auth.schemas.ts';

/** A database handle or an open transaction. */
export type Executor = Kysely<Database>;

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  active: boolean;
  tokenVersion: number;
  mfaEnabled: boolean;
  mfaSecret: string | null;
  mfaLastStep: number | null;
}

function select(k: Executor) {
  return k.selectFrom('users').select(['id', 'email', 'name', 'password_hash', 'status', 'token_version', 'mfa_enabled', 'mfa_secret', 'mfa_last_step']);
}

function toUser(row: Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>): AuthUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    active: row.status === 'active',
    tokenVersion: Number(row.token_version),
    mfaEnabled: Number(row.mfa_enabled) === 1,
    mfaSecret: row.mfa_secret,
    mfaLastStep: row.mfa_last_step === null ? null : Number(row.mfa_last_step),
  };
}

/** Emails are stored lower-case; whatever case the user types signs in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(k: Executor, email: string): Promise<AuthUser | undefined> {
  const row = await select(k).where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserById(k: Executor, id: string): Promise<AuthUser | undefined> {
  const row = await select(k).where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function userView(k: Executor, userId: string): Promise<UserViewT & { mfaEnrollmentRequired: boolean }> {
  const [user, memberships, policy] = await Promise.all([
    k.selectFrom('users').select(['id', 'email', 'name', 'must_change_password', 'mfa_enabled']).where('id', '=', userId).executeTakeFirstOrThrow(),
    k.selectFrom('memberships as m').innerJoin('facilities as f', 'f.id', 'm.facility_id')
      .select(['m.facility_id', 'f.name', 'm.role']).where('m.user_id', '=', userId).orderBy('f.name').orderBy('m.facility_id').execute(),
    mfaPolicyApplies(k, userId),
  ]);
  const mfaEnabled = Number(user.mfa_enabled) === 1;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    mustChangePassword: Number(user.must_change_password) === 1,
    mfaEnabled,
    mfaEnrollmentRequired: policy && !mfaEnabled,
    memberships: memberships.map((m) => ({ facilityId: m.facility_id, facilityName: m.name, role: m.role })),
  };
}
