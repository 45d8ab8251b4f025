// Test data made through the database directly, and access tokens minted with the app's own
// signer, so module tests need not go through sign-in. (The auth module's tests cover sign-in.)
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/server/db/connect.ts';
import { uuidv7, nowIso } from '../../src/server/platform/ids.ts';
import { hashPassword } from '../../src/server/modules/auth/crypto/passwords.ts';
import type { Role } from '../../src/server/platform/access/roles.ts';

export interface TestFacility { id: string; code: string; name: string }
export interface TestUser { id: string; email: string; password: string; name: string }

export async function createFacility(db: Db, overrides: Partial<{ name: string; code: string; timeZone: string }> = {}): Promise<TestFacility> {
  const id = uuidv7();
  const code = overrides.code ?? `F${randomBytes(3).toString('hex').toUpperCase()}`;
  const name = overrides.name ?? `Facility ${code}`;
  const now = nowIso();
  await db.kysely.insertInto('facilities').values({
    id, code, name, type: 'clinic', state: 'khartoum', locality: 'Khartoum', time_zone: overrides.timeZone ?? 'Africa/Khartoum',
    status: 'active', created_at: now, updated_at: now,
  }).execute();
  return { id, code, name };
}

const hashes = new Map<string, Promise<string>>();

export async function createUser(db: Db, memberships: { facilityId: string; role: Role }[], overrides: Partial<{ email: string; password: string; name: string }> = {}): Promise<TestUser> {
  const id = uuidv7();
  const email = overrides.email ?? `user-${randomBytes(4).toString('hex')}@test.nilecare.local`;
  const password = overrides.password ?? 'Correct-Horse-Battery-9';
  const name = overrides.name ?? 'Test User';
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  const now = nowIso();
  await db.kysely.insertInto('users').values({
    id, email, name, phone: null, password_hash: await hashes.get(password)!, status: 'active', created_at: now, updated_at: now,
  }).execute();
  for (const m of memberships) {
    await db.kysely.insertInto('memberships').values({ id: uuidv7(), user_id: id, facility_id: m.facilityId, role: m.role, created_at: now }).execute();
  }
  return { id, email, password, name };
}

/** A valid access token for a user, as if they had signed in (a fresh session id). */
export async function tokenFor(app: FastifyInstance, userId: string): Promise<string> {
  const user = await app.ctx.db.kysely.selectFrom('users').select('token_version').where('id', '=', userId).executeTakeFirstOrThrow();
  return app.ctx.tokens.sign({ userId, sessionId: uuidv7(), tokenVersion: Number(user.token_version) });
}

export function authHeaders(token: string, facilityId?: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...(facilityId ? { 'x-facility-id': facilityId } : {}) };
}
