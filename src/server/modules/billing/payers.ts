// Payers (the National Health Insurance Fund, employers) of a facility, each covering a share of
// every price-list category in basis points. A change applies to invoices issued afterwards: an
// issued invoice keeps the shares it was split with. Payers are deactivated, never deleted, since
// claims and invoices name them.
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { PayerKind, PayerTable, PriceKind } from './billing.table.ts';
import type { Caller, Executor } from './caller.ts';

export interface Coverage { service: number; lab_test: number; medicine: number }
export interface PayerInput { name: string; kind: PayerKind; coverage: Coverage }
export interface PayerPatch { name?: string; kind?: PayerKind; coverage?: Coverage; active?: boolean }

export const payerView = (p: PayerTable) => ({
  id: p.id, name: p.name, kind: p.kind, active: Number(p.active) === 1,
  coverage: { service: Number(p.service_bp), lab_test: Number(p.lab_test_bp), medicine: Number(p.medicine_bp) },
  createdAt: p.created_at, updatedAt: p.updated_at,
});

/** The payer's coverage of a category, in basis points. */
export function coverageOf(p: Pick<PayerTable, 'service_bp' | 'lab_test_bp' | 'medicine_bp'>, kind: PriceKind): number {
  return Number(kind === 'lab_test' ? p.lab_test_bp : kind === 'medicine' ? p.medicine_bp : p.service_bp);
}

export async function findPayer(db: Executor, facilityId: string, id: string): Promise<PayerTable> {
  const row = await db.selectFrom('payers').selectAll().where('facility_id', '=', facilityId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Payer');
  return row;
}

const sameName = (name: string) => new AppError('conflict', `A payer named "${name}" already exists in this facility.`, { errors: [{ field: 'body.name', message: 'is already used by another payer' }] });

export async function createPayer(ctx: AppContext, caller: Caller, input: PayerInput): Promise<string> {
  const id = uuidv7();
  const now = nowIso();
  try {
    await ctx.db.kysely.insertInto('payers').values({
      id, facility_id: caller.facilityId, name: input.name.trim(), kind: input.kind, service_bp: input.coverage.service, lab_test_bp: input.coverage.lab_test,
      medicine_bp: input.coverage.medicine, active: 1, created_by: caller.userId, created_at: now, updated_at: now,
    }).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw sameName(input.name);
    throw err;
  }
  await ctx.audit.record({ ...caller.audit, action: 'payer.create', targetType: 'payer', targetId: id, details: { name: input.name, coverage: input.coverage } });
  return id;
}

export async function updatePayer(ctx: AppContext, caller: Caller, id: string, patch: PayerPatch): Promise<void> {
  await findPayer(ctx.db.kysely, caller.facilityId, id);
  try {
    await ctx.db.kysely.updateTable('payers').set({
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.coverage && { service_bp: patch.coverage.service, lab_test_bp: patch.coverage.lab_test, medicine_bp: patch.coverage.medicine }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      updated_at: nowIso(),
    }).where('facility_id', '=', caller.facilityId).where('id', '=', id).execute();
  } catch (err) {
    if (isUniqueViolation(err) && patch.name) throw sameName(patch.name);
    throw err;
  }
  await ctx.audit.record({ ...caller.audit, action: patch.active === false ? 'payer.deactivate' : 'payer.update', targetType: 'payer', targetId: id, details: { ...patch } });
}
