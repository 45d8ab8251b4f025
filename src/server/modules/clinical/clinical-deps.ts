// Who is asking, and the patient checks every clinical route shares. The patient row is read from
// the patients table directly (as scheduling does): facility scoping lives here, in the query.
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DbClient } from '../../config.ts';
import type { AuditEvent } from '../../platform/audit/audit-log.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { AppError, notFound } from '../../platform/errors.ts';

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

export interface ClinicalPatient { id: string; status: string; merged_into_id: string | null; date_of_birth: string | null; birth_year: number }

/**
 * The patient in the caller's facility, or 404 (another facility's patient is not found, rule 4).
 * `lock` (server databases) holds the row until the transaction ends, as a merge does: a record
 * written for the patient lands before the merge (and is moved by it) or sees it.
 */
export async function findClinicalPatient(db: Executor, facilityId: string, patientId: string, lock?: DbClient): Promise<ClinicalPatient> {
  const q = db.selectFrom('patients').select(['id', 'status', 'merged_into_id', 'date_of_birth', 'birth_year'])
    .where('facility_id', '=', facilityId).where('id', '=', patientId);
  const row = await (lock && lock !== 'sqlite' ? q.forUpdate() : q).executeTakeFirst();
  if (!row) throw notFound('Patient');
  return row;
}

/** The patient locked (see findClinicalPatient); refuses new records for a merged-away or deceased one. */
export async function requireActivePatient(db: Executor, client: DbClient, facilityId: string, patientId: string): Promise<ClinicalPatient> {
  const row = await findClinicalPatient(db, facilityId, patientId, client);
  if (row.status === 'merged') {
    throw new AppError('conflict', `This patient record was merged into ${row.merged_into_id ?? 'another record'}; record care on that one.`, { mergedIntoId: row.merged_into_id });
  }
  if (row.status === 'deceased') throw new AppError('conflict', 'The patient is recorded as deceased.');
  return row;
}

/** Whole years between a birth date (or the middle of the birth year) and `at`. */
export function ageYears(p: Pick<ClinicalPatient, 'date_of_birth' | 'birth_year'>, at: Date): number {
  const born = new Date(p.date_of_birth ? `${p.date_of_birth}T00:00:00Z` : `${Number(p.birth_year)}-07-01T00:00:00Z`);
  let years = at.getUTCFullYear() - born.getUTCFullYear();
  const beforeBirthday = at.getUTCMonth() < born.getUTCMonth() || (at.getUTCMonth() === born.getUTCMonth() && at.getUTCDate() < born.getUTCDate());
  if (beforeBirthday) years -= 1;
  return Math.max(0, years);
}

/** Age in whole months, for the under-five bands (MUAC). */
export function ageMonths(p: Pick<ClinicalPatient, 'date_of_birth' | 'birth_year'>, at: Date): number {
  const born = new Date(p.date_of_birth ? `${p.date_of_birth}T00:00:00Z` : `${Number(p.birth_year)}-07-01T00:00:00Z`);
  let months = (at.getUTCFullYear() - born.getUTCFullYear()) * 12 + at.getUTCMonth() - born.getUTCMonth();
  if (at.getUTCDate() < born.getUTCDate()) months -= 1;
  return Math.max(0, months);
}
