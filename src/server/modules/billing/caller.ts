// Who is asking (facility, user, audit context), and the patient check billing shares. The patient
// row is read with the caller's facility in the query, so another facility's patient is a 404.
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditEvent } from '../../platform/audit/audit-log.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { notFound } from '../../platform/errors.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface Caller {
  facilityId: string;
  userId: string;
  audit: Pick<AuditEvent, 'actorId' | 'facilityId' | 'ip' | 'userAgent' | 'requestId'>;
}

export function callerOf(request: FastifyRequest): Caller {
  const { facilityId, userId } = scopeOf(request);
  return { facilityId, userId, audit: auditContext(request) };
}

export async function requirePatient(db: Executor, facilityId: string, patientId: string): Promise<void> {
  const row = await db.selectFrom('patients').select('id').where('facility_id', '=', facilityId).where('id', '=', patientId).executeTakeFirst();
  if (!row) throw notFound('Patient');
}
