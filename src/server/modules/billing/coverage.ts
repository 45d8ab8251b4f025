// A patient's membership in a payer: the membership number and the days it is valid. One current
// (not ended) coverage per patient, held by a unique constraint on open_patient_id, so an invoice
// always knows the one payer to split with. Ending keeps the row: claims name its member number.
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { PatientCoverageTable, PayerTable } from './billing.table.ts';
import { requirePatient, type Caller, type Executor } from './caller.ts';

export interface CoverageInput { payerId: string; memberNumber: string; validFrom?: string; validTo?: string }

export const coverageView = (c: PatientCoverageTable, payerName: string) => ({
  id: c.id, patientId: c.patient_id, payerId: c.payer_id, payerName, memberNumber: c.member_number, validFrom: c.valid_from, validTo: c.valid_to,
  current: c.open_patient_id !== null, createdAt: c.created_at, endedAt: c.ended_at, endedBy: c.ended_by,
});

export async function listCoverages(db: Executor, facilityId: string, patientId: string) {
  const rows = await db.selectFrom('patient_coverages as c').innerJoin('payers as p', 'p.id', 'c.payer_id').selectAll('c').select('p.name as payer_name')
    .where('c.facility_id', '=', facilityId).where('c.patient_id', '=', patientId).orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').execute();
  return rows.map((r) => coverageView(r, r.payer_name));
}

/** The coverage that applies to an invoice issued on `day` (UTC date), with its payer, if any. */
export async function coverageOn(db: Executor, facilityId: string, patientId: string, day: string): Promise<{ coverage: PatientCoverageTable; payer: PayerTable } | undefined> {
  const c = await db.selectFrom('patient_coverages').selectAll().where('facility_id', '=', facilityId).where('open_patient_id', '=', patientId)
    .where('valid_from', '<=', day).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)])).executeTakeFirst();
  if (!c) return undefined;
  const payer = await db.selectFrom('payers').selectAll().where('id', '=', c.payer_id).where('active', '=', 1).executeTakeFirst();
  return payer ? { coverage: c, payer } : undefined;
}

export async function addCoverage(ctx: AppContext, caller: Caller, patientId: string, input: CoverageInput): Promise<string> {
  const db = ctx.db.kysely;
  await requirePatient(db, caller.facilityId, patientId);
  const payer = await db.selectFrom('payers').select(['id', 'active']).where('facility_id', '=', caller.facilityId).where('id', '=', input.payerId).executeTakeFirst();
  if (!payer || Number(payer.active) !== 1) {
    throw new AppError('unprocessable', 'payerId names no active payer of this facility.', { errors: [{ field: 'body.payerId', message: 'is not an active payer of this facility' }] });
  }
  const validFrom = input.validFrom ?? nowIso().slice(0, 10);
  if (input.validTo && input.validTo < validFrom) {
    throw new AppError('unprocessable', 'validTo is before validFrom.', { errors: [{ field: 'body.validTo', message: 'must be on or after validFrom' }] });
  }
  const id = uuidv7();
  try {
    await db.insertInto('patient_coverages').values({
      id, facility_id: caller.facilityId, patient_id: patientId, open_patient_id: patientId, payer_id: input.payerId, member_number: input.memberNumber.trim(),
      valid_from: validFrom, valid_to: input.validTo ?? null, created_by: caller.userId, created_at: nowIso(), ended_by: null, ended_at: null,
    }).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'The patient already has a current coverage; end it before adding another.');
    throw err;
  }
  await ctx.audit.record({ ...caller.audit, action: 'coverage.add', patientId, targetType: 'patient_coverage', targetId: id, details: { payerId: input.payerId } });
  return id;
}

export async function endCoverage(ctx: AppContext, caller: Caller, patientId: string, coverageId: string): Promise<void> {
  const db = ctx.db.kysely;
  const row = await db.selectFrom('patient_coverages').select(['id', 'open_patient_id']).where('facility_id', '=', caller.facilityId)
    .where('patient_id', '=', patientId).where('id', '=', coverageId).executeTakeFirst();
  if (!row) throw notFound('Coverage');
  if (row.open_patient_id === null) throw new AppError('invalid_transition', 'The coverage has already ended.');
  await db.updateTable('patient_coverages').set({ open_patient_id: null, ended_by: caller.userId, ended_at: nowIso() }).where('id', '=', coverageId).execute();
  await ctx.audit.record({ ...caller.audit, action: 'coverage.end', patientId, targetType: 'patient_coverage', targetId: coverageId });
}
