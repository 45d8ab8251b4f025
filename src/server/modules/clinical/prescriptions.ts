// Prescribing from the formulary (terminology's findMedication) with two warnings: a recorded
// allergy that covers the medicine (its class, code or name), and the same medicine already active
// for the patient. A prescription with warnings is refused (409 listing them) unless the prescriber
// sends a reason, which is kept with the warnings. Dispensing may be partial; what was dispensed is
// append-only and the prescription can then no longer change.
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import { allergyCovers, findMedication } from '../terminology/index.ts';
import { patientNames, type PatientNameColumns } from '../patients/index.ts';
import type { PrescriptionTable } from './clinical.table.ts';
import type { Caller, Executor } from './clinical-deps.ts';
import type { PrescriptionInput } from './prescriptions.schemas.ts';
import { allergiesOf } from './history.ts';
import { unprocessable } from './amendment.ts';
import { withEncounter } from './record-entries.ts';

export interface Warning { kind: 'allergy' | 'duplicate'; message: string; allergyId?: string; prescriptionId?: string }

/** Prescriptions still in force: not cancelled, and (once dispensed) within their duration. */
export async function activePrescriptions(db: Executor, facilityId: string, patientIds: string[]): Promise<PrescriptionTable[]> {
  if (!patientIds.length) return [];
  const now = Date.now();
  // A dispensed prescription older than the longest duration allowed (365 days) cannot be in force:
  // the bound keeps this read flat however long the patient's history.
  const horizon = new Date(now - 365 * 86_400_000).toISOString();
  const rows = await db.selectFrom('prescriptions').selectAll().where('facility_id', '=', facilityId).where('patient_id', 'in', patientIds)
    .where((eb) => eb.or([eb('status', 'in', ['pending', 'partially_dispensed']), eb.and([eb('status', '=', 'dispensed'), eb('prescribed_at', '>=', horizon)])]))
    .orderBy('prescribed_at', 'desc').execute();
  return rows.filter((p) => p.status !== 'dispensed' || Date.parse(p.prescribed_at) + Number(p.duration_days) * 86_400_000 > now);
}

export async function prescribe(ctx: AppContext, caller: Caller, encounterId: string, input: PrescriptionInput): Promise<PrescriptionTable> {
  // The patient row is locked before the encounter (the order a merge takes), so two prescriptions
  // for one patient are judged one after the other and neither misses the other as a duplicate.
  const found = await ctx.db.kysely.selectFrom('encounters').select('patient_id').where('facility_id', '=', caller.facilityId).where('id', '=', encounterId).executeTakeFirst();
  if (!found) throw notFound('Encounter');
  return withEncounter(ctx, caller, encounterId, async (trx, e) => {
    if (e.status === 'completed') throw new AppError('conflict', 'The encounter is completed; prescribe in a new encounter.', { currentStatus: e.status });
    const med = await findMedication(trx, caller.facilityId, input.medicationCode);
    if (!med) throw unprocessable('body.medicationCode', `${input.medicationCode} is not in the formulary; search it with GET /api/v1/terminology/medications?q=`);
    const warnings: Warning[] = [];
    for (const a of await allergiesOf(trx, caller.facilityId, e.patient_id)) {
      if ((a.medication_code && allergyCovers(med, a.medication_code)) || allergyCovers(med, a.substance)) {
        warnings.push({ kind: 'allergy', allergyId: a.id, message: `The patient is allergic to ${a.substance} (${a.severity}${a.reaction ? `: ${a.reaction}` : ''}), which covers ${med.name}.` });
      }
    }
    for (const p of await activePrescriptions(trx, caller.facilityId, [e.patient_id])) {
      if (p.medication_name.toLowerCase().startsWith(`${med.name.toLowerCase()} `)) {
        warnings.push({ kind: 'duplicate', prescriptionId: p.id, message: `${p.medication_name} is already prescribed for this patient (${p.prescribed_at.slice(0, 10)}, ${p.status.replace('_', ' ')}).` });
      }
    }
    const reason = input.overrideReason?.trim();
    if (warnings.length && !reason) {
      throw new AppError('conflict', `${warnings.map((w) => w.message).join(' ')} To prescribe anyway, send overrideReason.`, { warnings });
    }
    const now = nowIso();
    const row: PrescriptionTable = {
      id: uuidv7(), facility_id: caller.facilityId, encounter_id: e.id, patient_id: e.patient_id, medication_code: med.code,
      medication_name: `${med.name} ${med.strength} ${med.form}`, dose: input.dose, dose_unit: input.doseUnit.trim(), route: input.route.trim(),
      frequency: input.frequency.trim(), duration_days: input.durationDays, quantity: input.quantity ?? null, instructions: input.instructions?.trim() || null,
      status: 'pending', dispensed_quantity: 0, warnings: JSON.stringify(warnings), override_reason: warnings.length ? reason! : null,
      prescribed_by: caller.userId, prescribed_at: now, updated_at: now,
    };
    await trx.insertInto('prescriptions').values(row).execute();
    await ctx.audit.record({
      ...caller.audit, action: 'prescription.create', patientId: e.patient_id, targetType: 'prescription', targetId: row.id,
      details: { medicationCode: row.medication_code, overridden: warnings.map((w) => w.kind), ...(row.override_reason ? { overrideReason: row.override_reason } : {}) },
    }, trx);
    return row;
  }, found.patient_id);
}

export async function dispense(ctx: AppContext, caller: Caller, id: string, quantity: number): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const q = trx.selectFrom('prescriptions').selectAll().where('facility_id', '=', caller.facilityId).where('id', '=', id);
    const p = await (ctx.db.client === 'sqlite' ? q : q.forUpdate()).executeTakeFirst();
    if (!p) throw notFound('Prescription');
    if (p.status === 'cancelled' || p.status === 'dispensed') throw new AppError('conflict', `The prescription is ${p.status}; there is nothing left to dispense.`, { currentStatus: p.status });
    const given = Number(p.dispensed_quantity) + quantity;
    const prescribed = p.quantity === null ? null : Number(p.quantity);
    if (prescribed !== null && given > prescribed) {
      throw unprocessable('body.quantity', `is more than remains to dispense (${prescribed - Number(p.dispensed_quantity)} of ${prescribed})`);
    }
    // Without a prescribed quantity the pharmacist's judgement decides, and one dispensing completes it.
    const status = prescribed === null || given === prescribed ? 'dispensed' : 'partially_dispensed';
    const now = nowIso();
    await trx.updateTable('prescriptions').set({ dispensed_quantity: given, status, updated_at: now }).where('facility_id', '=', caller.facilityId).where('id', '=', id).execute();
    await trx.insertInto('dispensations').values({ id: uuidv7(), facility_id: caller.facilityId, prescription_id: id, quantity, dispensed_by: caller.userId, dispensed_at: now }).execute();
    await ctx.audit.record({ ...caller.audit, action: 'prescription.dispense', patientId: p.patient_id, targetType: 'prescription', targetId: id, details: { quantity, status } }, trx);
  });
}

type Row = PrescriptionTable & Partial<PatientNameColumns & { mrn: string | null }>;

export const prescriptionView = (p: Row) => ({
  id: p.id, encounterId: p.encounter_id, patientId: p.patient_id, ...(p.first_name !== undefined ? patientNames(p as PatientNameColumns) : { patientName: null, patientNameLatin: null, patientNameArabic: null }), mrn: p.mrn ?? null,
  medicationCode: p.medication_code, medicationName: p.medication_name, dose: Number(p.dose), doseUnit: p.dose_unit, route: p.route, frequency: p.frequency,
  durationDays: Number(p.duration_days), quantity: p.quantity === null ? null : Number(p.quantity), instructions: p.instructions, status: p.status,
  dispensedQuantity: Number(p.dispensed_quantity), warnings: JSON.parse(p.warnings) as Warning[], overrideReason: p.override_reason,
  prescribedBy: p.prescribed_by, prescribedAt: p.prescribed_at,
});
