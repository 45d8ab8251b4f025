// Diagnosing: an ICD-10 code from the catalog (terminology module), primary or secondary, into an
// open encounter — or, once it is completed, as an amendment of an earlier diagnosis.
import type { AppContext } from '../../platform/context.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import type { DiagnosisTable } from './clinical.table.ts';
import type { Caller } from './clinical-deps.ts';
import type { AmendmentInput } from './amendment.ts';
import { checkAmendment } from './amendment.ts';
import { catalogDiagnosis } from './catalogs.ts';
import { withEncounter } from './record-entries.ts';

export interface DiagnosisInput extends AmendmentInput { code: string; type: 'primary' | 'secondary'; note?: string }

export async function recordDiagnosis(ctx: AppContext, caller: Caller, encounterId: string, input: DiagnosisInput): Promise<DiagnosisTable> {
  return withEncounter(ctx, caller, encounterId, async (trx, e) => {
    const entry = await catalogDiagnosis(ctx, caller.facilityId, input.code, 'body.code', trx);
    const amendment = await checkAmendment(trx, e, 'encounter_diagnoses', input);
    const row: DiagnosisTable = {
      id: uuidv7(), facility_id: caller.facilityId, encounter_id: e.id, code: entry.code, title: entry.title, type: input.type,
      note: input.note?.trim() || null, ...amendment, recorded_by: caller.userId, recorded_at: nowIso(),
    };
    await trx.insertInto('encounter_diagnoses').values(row).execute();
    await ctx.audit.record({
      ...caller.audit, action: amendment.amends_id ? 'diagnosis.amend' : 'diagnosis.record', patientId: e.patient_id, targetType: 'encounter', targetId: e.id,
      details: { diagnosisId: row.id, code: row.code, type: row.type },
    }, trx);
    return row;
  });
}
