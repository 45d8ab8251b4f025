// The caller's standing, as the facilities module needs it. A super admin administers the whole
// installation; everyone else administers only the facility they are acting in.
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import type { Database } from '../../db/schema.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface Scope { userId: string; facilityId: string; role: string; superAdmin: boolean }

export function adminScope(request: FastifyRequest): Scope {
  const s = scopeOf(request);
  return { ...s, superAdmin: s.role === 'super_admin' };
}
