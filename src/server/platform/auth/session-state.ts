// What a request needs to know about its caller, read from the database and cached briefly.
// The short TTL is how a disabled user, a changed password or a logged-out session stops working
// within seconds on every instance without a shared cache: each instance re-reads the truth.
import type { Kysely } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';

export interface Membership { facilityId: string; role: string }

export interface SessionState {
  userId: string;
  email: string;
  name: string;
  active: boolean;
  tokenVersion: number;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  /** A facility of the user requires MFA for their role there and the user has not enrolled. */
  mfaEnrollmentRequired: boolean;
  sessionRevoked: boolean;
  memberships: Membership[];
}

export const SESSION_STATE_TTL_MS = 5000;

/** Whether any facility the user belongs to requires MFA for the role the user holds there. */
export async function mfaPolicyApplies(k: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await k.selectFrom('memberships as m')
    .innerJoin('facility_mfa_roles as r', (j) => j.onRef('r.facility_id', '=', 'm.facility_id').onRef('r.role', '=', 'm.role'))
    .select('m.id').where('m.user_id', '=', userId).limit(1).executeTakeFirst();
  return Boolean(row);
}

export class SessionStates {
  readonly #db: Db;
  readonly #cache = new Map<string, { at: number; state: SessionState | null }>();
  constructor(db: Db) {
    this.#db = db;
  }

  async get(userId: string, sessionId: string): Promise<SessionState | null> {
    const key = `${userId}:${sessionId}`;
    const hit = this.#cache.get(key);
    if (hit && Date.now() - hit.at < SESSION_STATE_TTL_MS) return hit.state;
    const state = await this.#load(userId, sessionId);
    if (this.#cache.size > 50_000) this.#cache.clear(); // bounded: a flood of sessions cannot exhaust memory
    this.#cache.set(key, { at: Date.now(), state });
    return state;
  }

  /** Drops this instance's cached state of a user at once (others follow within the TTL). */
  forgetUser(userId: string): void {
    for (const key of this.#cache.keys()) if (key.startsWith(`${userId}:`)) this.#cache.delete(key);
  }

  async #load(userId: string, sessionId: string): Promise<SessionState | null> {
    const k = this.#db.kysely;
    const user = await k.selectFrom('users')
      .select(['id', 'email', 'name', 'status', 'token_version', 'must_change_password', 'mfa_enabled'])
      .where('id', '=', userId).executeTakeFirst();
    if (!user) return null;
    const [memberships, revoked, mfaRequired] = await Promise.all([
      k.selectFrom('memberships').select(['facility_id', 'role']).where('user_id', '=', userId).execute(),
      k.selectFrom('refresh_tokens').select('id').where('family_id', '=', sessionId).where('status', '=', 'revoked').limit(1).executeTakeFirst(),
      mfaPolicyApplies(k, userId),
    ]);
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      active: user.status === 'active',
      tokenVersion: Number(user.token_version),
      mustChangePassword: Number(user.must_change_password) === 1,
      mfaEnabled: Number(user.mfa_enabled) === 1,
      mfaEnrollmentRequired: mfaRequired && Number(user.mfa_enabled) !== 1,
      sessionRevoked: Boolean(revoked),
      memberships: memberships.map((m) => ({ facilityId: m.facility_id, role: m.role })),
    };
  }
}
