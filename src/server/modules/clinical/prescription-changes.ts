// Changing a prescription: only while nothing of it was dispensed. The row is locked as dispensing
// locks it, so a change and a concurrent dispensing cannot both succeed: once the pharmacy has
// given any of it, the prescription stays what was given.
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import type { PrescriptionTable } from './clinical.table.ts';
import type { Caller } from './clinical-deps.ts';

export interface PrescriptionChange { dose?: number; doseUnit?: string; route?: string; frequency?: string; durationDays?: number; quantity?: number; instructions?: string }

async function changeIfUndispensed(ctx: AppContext, caller: Caller, id: string, set: Partial<PrescriptionTable>, action: string, details: Record<string, unknown>) {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const q = trx.selectFrom('prescriptions').select(['id', 'patient_id', 'status', 'dispensed_quantity']).where('facility_id', '=', caller.facilityId).where('id', '=', id);
    const current = await (ctx.db.client === 'sqlite' ? q : q.forUpdate()).executeTakeFirst();
    if (!current) throw notFound('Prescription');
    if (current.status !== 'pending' || Number(current.dispensed_quantity) > 0) {
      throw new AppError('conflict', `The prescription is ${current.status.replace('_', ' ')}; once any of it is dispensed (or it is cancelled) it cannot change.`, { currentStatus: current.status });
    }
    await trx.updateTable('prescriptions').set({ ...set, updated_at: nowIso() }).where('facility_id', '=', caller.facilityId).where('id', '=', id).execute();
    await ctx.audit.record({ ...caller.audit, action, patientId: current.patient_id, targetType: 'prescription', targetId: id, details }, trx);
  });
}

export function changePrescription(ctx: AppContext, caller: Caller, id: string, c: PrescriptionChange): Promise<void> {
  const set: Partial<PrescriptionTable> = {
    ...(c.dose !== undefined && { dose: c.dose }), ...(c.doseUnit !== undefined && { dose_unit: c.doseUnit.trim() }), ...(c.route !== undefined && { route: c.route.trim() }),
    ...(c.frequency !== undefined && { frequency: c.frequency.trim() }), ...(c.durationDays !== undefined && { duration_days: c.durationDays }),
    ...(c.quantity !== undefined && { quantity: c.quantity }), ...(c.instructions !== undefined && { instructions: c.instructions.trim() || null }),
  };
  return changeIfUndispensed(ctx, caller, id, set, 'prescription.change', { fields: Object.keys(c) });
}

export function cancelPrescription(ctx: AppContext, caller: Caller, id: string, reason: string): Promise<void> {
  return changeIfUndispensed(ctx, caller, id, { status: 'cancelled' }, 'prescription.cancel', { reason });
}
