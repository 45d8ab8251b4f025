// The patient chart in one round trip, built with a fixed number of queries however long the
// history: the patient, active allergies, active problems, active prescriptions, the latest vitals
// and one page of encounters (six queries at once), then the diagnoses of that page (one query) — never one per
// encounter. chart.test.ts counts them.
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { displayName } from '../patients/index.ts';
import { ageYears, type Caller } from './clinical-deps.ts';
import { patientEncounters } from './encounters.repository.ts';
import { entriesOf, latestVitals } from './entries.repository.ts';
import { allergiesOf, allergyView, problemsOf, problemView } from './history.ts';
import { byEncounter, encounterSummary, vitalsView } from './encounter-view.ts';
import { decodeCursor, page } from '../../platform/http/keyset-cursor.ts';
import { activePrescriptions, prescriptionView } from './prescriptions.ts';

const DEMOGRAPHICS = [
  'id', 'mrn', 'status', 'merged_into_id', 'sex', 'date_of_birth', 'birth_year', 'phone',
  'first_name', 'father_name', 'grandfather_name', 'last_name', 'first_name_ar', 'father_name_ar', 'grandfather_name_ar', 'last_name_ar',
] as const;

export async function readChart(ctx: AppContext, caller: Caller, patientId: string, q: { limit: number; cursor?: string }) {
  const db = ctx.db.kysely;
  const f = caller.facilityId;
  const before = q.cursor ? decodeCursor(q.cursor) : undefined;
  const [patient, allergies, problems, vitals, encounters, prescriptions] = await Promise.all([
    db.selectFrom('patients').select(DEMOGRAPHICS).where('facility_id', '=', f).where('id', '=', patientId).executeTakeFirst(),
    allergiesOf(db, f, patientId),
    problemsOf(db, f, patientId),
    latestVitals(db, f, patientId),
    patientEncounters(db, f, patientId, q.limit + 1, before),
    activePrescriptions(db, f, [patientId]),
  ]);
  if (!patient) throw notFound('Patient');
  const { rows, nextCursor } = page(encounters, q.limit, (e) => e.started_at);
  const diagnoses = byEncounter(await entriesOf(db, f, rows.map((e) => e.id), ['diagnoses'])).diagnoses;
  await ctx.audit.record({ ...caller.audit, action: 'chart.read', patientId, targetType: 'patient', targetId: patientId, details: { encounters: rows.length } });
  return {
    patient: {
      id: patient.id, mrn: patient.mrn, name: displayName(patient), status: patient.status, mergedIntoId: patient.merged_into_id, sex: patient.sex,
      dateOfBirth: patient.date_of_birth, birthYear: Number(patient.birth_year), ageYears: ageYears(patient, new Date()), phone: patient.phone,
    },
    allergies: allergies.map(allergyView),
    problems: problems.map(problemView),
    activePrescriptions: prescriptions.map(prescriptionView),
    latestVitals: vitals ? vitalsView(vitals) : null,
    encounters: { items: rows.map((e) => ({ ...encounterSummary(e), diagnoses: diagnoses.get(e.id) ?? [] })), nextCursor },
  };
}
