// Allergies and problems: read and written at patient level, scoped to the caller's facility,
// audited with the patient. Status changes (inactive, resolved, entered in error) keep the row.
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import type { AllergyTable, ProblemTable } from './clinical.table.ts';
import { findClinicalPatient, requireActivePatient, type Caller, type Executor } from './clinical-deps.ts';
import type { AllergyInput, ProblemInput } from './history.schemas.ts';

export const allergyView = (a: AllergyTable) => ({
  id: a.id, patientId: a.patient_id, substance: a.substance, medicationCode: a.medication_code, reaction: a.reaction,
  severity: a.severity, status: a.status, recordedBy: a.recorded_by, recordedAt: a.recorded_at, updatedAt: a.updated_at,
});

export const problemView = (p: ProblemTable) => ({
  id: p.id, patientId: p.patient_id, code: p.code, description: p.description, status: p.status, onsetDate: p.onset_date,
  resolvedAt: p.resolved_at, recordedBy: p.recorded_by, recordedAt: p.recorded_at, updatedAt: p.updated_at,
});

export function allergiesOf(db: Executor, facilityId: string, patientId: string, all = false): Promise<AllergyTable[]> {
  let q = db.selectFrom('patient_allergies').selectAll().where('facility_id', '=', facilityId).where('patient_id', '=', patientId);
  if (!all) q = q.where('status', '=', 'active');
  return q.orderBy('recorded_at').orderBy('id').execute();
}

export function problemsOf(db: Executor, facilityId: string, patientId: string, all = false): Promise<ProblemTable[]> {
  let q = db.selectFrom('patient_problems').selectAll().where('facility_id', '=', facilityId).where('patient_id', '=', patientId);
  if (!all) q = q.where('status', '=', 'active');
  return q.orderBy('recorded_at').orderBy('id').execute();
}

async function auditList(ctx: AppContext, caller: Caller, kind: 'allergy' | 'problem', patientId: string, count: number) {
  await ctx.audit.record({ ...caller.audit, action: `${kind}.list`, patientId, targetType: 'patient', targetId: patientId, details: { count } });
}

export async function listAllergies(ctx: AppContext, caller: Caller, patientId: string, all: boolean) {
  await findClinicalPatient(ctx.db.kysely, caller.facilityId, patientId);
  const items = (await allergiesOf(ctx.db.kysely, caller.facilityId, patientId, all)).map(allergyView);
  await auditList(ctx, caller, 'allergy', patientId, items.length);
  return { items };
}

export async function listProblems(ctx: AppContext, caller: Caller, patientId: string, all: boolean) {
  await findClinicalPatient(ctx.db.kysely, caller.facilityId, patientId);
  const items = (await problemsOf(ctx.db.kysely, caller.facilityId, patientId, all)).map(problemView);
  await auditList(ctx, caller, 'problem', patientId, items.length);
  return { items };
}

export async function recordAllergy(ctx: AppContext, caller: Caller, patientId: string, input: AllergyInput): Promise<AllergyTable> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    await requireActivePatient(trx, ctx.db.client, caller.facilityId, patientId);
    const now = nowIso();
    const row: AllergyTable = {
      id: uuidv7(), facility_id: caller.facilityId, patient_id: patientId, substance: input.substance.trim(), medication_code: input.medicationCode?.trim().toLowerCase() || null,
      reaction: input.reaction?.trim() || null, severity: input.severity, status: 'active', recorded_by: caller.userId, recorded_at: now, updated_at: now,
    };
    await trx.insertInto('patient_allergies').values(row).execute();
    await ctx.audit.record({ ...caller.audit, action: 'allergy.record', patientId, targetType: 'allergy', targetId: row.id, details: { substance: row.substance, severity: row.severity } }, trx);
    return row;
  });
}

export async function recordProblem(ctx: AppContext, caller: Caller, patientId: string, input: ProblemInput & { code?: string; title?: string }): Promise<ProblemTable> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    await requireActivePatient(trx, ctx.db.client, caller.facilityId, patientId);
    const now = nowIso();
    const row: ProblemTable = {
      id: uuidv7(), facility_id: caller.facilityId, patient_id: patientId, code: input.code ?? null, description: input.description.trim(), status: 'active',
      onset_date: input.onsetDate ?? null, resolved_at: null, recorded_by: caller.userId, recorded_at: now, updated_at: now,
    };
    await trx.insertInto('patient_problems').values(row).execute();
    await ctx.audit.record({ ...caller.audit, action: 'problem.record', patientId, targetType: 'problem', targetId: row.id, details: { code: row.code } }, trx);
    return row;
  });
}

/** Sets a status; 404 unless the record is this patient's in the caller's facility. The row stays. */
async function setStatus(ctx: AppContext, caller: Caller, kind: 'allergy' | 'problem', patientId: string, id: string, status: string) {
  const table = kind === 'allergy' ? 'patient_allergies' : 'patient_problems';
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const found = await trx.selectFrom(table).select('id').where('facility_id', '=', caller.facilityId).where('patient_id', '=', patientId).where('id', '=', id).executeTakeFirst();
    if (!found) throw notFound(kind === 'allergy' ? 'Allergy' : 'Problem');
    const now = nowIso();
    const set = kind === 'problem' ? { status, updated_at: now, resolved_at: status === 'resolved' ? now : null } : { status, updated_at: now };
    await trx.updateTable(table).set(set as never).where('facility_id', '=', caller.facilityId).where('id', '=', id).execute();
    await ctx.audit.record({ ...caller.audit, action: `${kind}.status`, patientId, targetType: kind, targetId: id, details: { status } }, trx);
  });
}

export async function setAllergyStatus(ctx: AppContext, caller: Caller, patientId: string, id: string, status: AllergyTable['status']) {
  await setStatus(ctx, caller, 'allergy', patientId, id, status);
  return allergyView(await ctx.db.kysely.selectFrom('patient_allergies').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

export async function setProblemStatus(ctx: AppContext, caller: Caller, patientId: string, id: string, status: ProblemTable['status']) {
  await setStatus(ctx, caller, 'problem', patientId, id, status);
  return problemView(await ctx.db.kysely.selectFrom('patient_problems').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
