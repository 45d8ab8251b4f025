// Writing into an encounter: vitals and SOAP notes (diagnoses: record-diagnosis.ts). Each write
// locks the encounter row, so it either lands before a concurrent completion or is judged by the
// frozen rule after it; each is audited in its own transaction.
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { EncounterTable, NoteTable, VitalsTable } from './clinical.table.ts';
import type { VitalsInput } from './clinical.schemas.ts';
import { ageMonths, ageYears, findClinicalPatient, type Caller } from './clinical-deps.ts';
import { lockEncounter } from './encounters.repository.ts';
import { checkAmendment, type AmendmentInput } from './amendment.ts';
import { bmiOf, flagVitals, impossibleVitals, type Measurements } from './vitals.rules.ts';

/**
 * Runs `write` on the locked encounter inside one transaction; 404 when it is not the caller's
 * facility's. With `patientId`, that patient's row is locked first (the order a merge locks in).
 */
export async function withEncounter<T>(ctx: AppContext, caller: Caller, id: string, write: (trx: Transaction<Database>, e: EncounterTable) => Promise<T>, patientId?: string): Promise<T> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    if (patientId) await findClinicalPatient(trx, caller.facilityId, patientId, ctx.db.client);
    const e = await lockEncounter(trx, ctx.db.client, caller.facilityId, id);
    if (!e) throw notFound('Encounter');
    return write(trx, e);
  });
}

export async function recordVitals(ctx: AppContext, caller: Caller, encounterId: string, input: VitalsInput): Promise<VitalsTable> {
  const { amendsId, reason, ...measured } = input;
  const m = measured as Measurements;
  return withEncounter(ctx, caller, encounterId, async (trx, e) => {
    const problems = impossibleVitals(m);
    if (problems.length) throw new AppError('unprocessable', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { errors: problems });
    const amendment = await checkAmendment(trx, e, 'encounter_vitals', { amendsId, reason });
    const patient = await findClinicalPatient(trx, caller.facilityId, e.patient_id);
    const at = new Date();
    const bmi = bmiOf(m.weightKg, m.heightCm);
    const years = ageYears(patient, at);
    const flags = flagVitals({ ...m, bmi: years >= 18 ? bmi : null }, { years, months: ageMonths(patient, at) });
    const row: VitalsTable = {
      id: uuidv7(), facility_id: caller.facilityId, encounter_id: e.id, patient_id: e.patient_id,
      temperature_c: m.temperatureC ?? null, pulse: m.pulse ?? null, respiratory_rate: m.respiratoryRate ?? null, systolic: m.systolic ?? null, diastolic: m.diastolic ?? null,
      spo2: m.spo2 ?? null, weight_kg: m.weightKg ?? null, height_cm: m.heightCm ?? null, muac_mm: m.muacMm ?? null, pain_score: m.painScore ?? null,
      blood_glucose_mmol: m.bloodGlucoseMmol ?? null, bmi, flags: JSON.stringify(flags), ...amendment, recorded_by: caller.userId, recorded_at: at.toISOString(),
    };
    await trx.insertInto('encounter_vitals').values(row).execute();
    await ctx.audit.record({ ...caller.audit, action: amendment.amends_id ? 'vitals.amend' : 'vitals.record', patientId: e.patient_id, targetType: 'encounter', targetId: e.id, details: { vitalsId: row.id, abnormal: flags.map((f) => f.field) } }, trx);
    return row;
  });
}

export interface NoteInput extends AmendmentInput { subjective?: string; objective?: string; assessment?: string; plan?: string }

export async function recordNote(ctx: AppContext, caller: Caller, encounterId: string, input: NoteInput): Promise<NoteTable> {
  const text = (s?: string) => s?.trim() || null;
  const soap = { subjective: text(input.subjective), objective: text(input.objective), assessment: text(input.assessment), plan: text(input.plan) };
  return withEncounter(ctx, caller, encounterId, async (trx, e) => {
    if (!Object.values(soap).some(Boolean)) {
      throw new AppError('unprocessable', 'Write at least one part of the note: subjective, objective, assessment or plan.', { errors: [{ field: 'body', message: 'write at least one of subjective, objective, assessment, plan' }] });
    }
    const amendment = await checkAmendment(trx, e, 'encounter_notes', input);
    const row: NoteTable = { id: uuidv7(), facility_id: caller.facilityId, encounter_id: e.id, ...soap, ...amendment, author_id: caller.userId, written_at: nowIso() };
    await trx.insertInto('encounter_notes').values(row).execute();
    await ctx.audit.record({ ...caller.audit, action: amendment.amends_id ? 'note.amend' : 'note.write', patientId: e.patient_id, targetType: 'encounter', targetId: e.id, details: { noteId: row.id } }, trx);
    return row;
  });
}
