// Rows as the API shows them. A record corrected by a later one says so (amendedById), so readers
// see the current value and the trail of what it replaced.
import { patientNames } from '../patients/index.ts';
import type { DiagnosisTable, EncounterTable, NoteTable, VitalsTable } from './clinical.table.ts';
import type { EncounterRow } from './encounters.repository.ts';
import type { Entries } from './entries.repository.ts';
import type { VitalFlag } from './vitals.rules.ts';

const num = (v: number | string | null) => (v === null ? null : Number(v));

function amendedBy<T extends { id: string; amends_id: string | null }>(rows: T[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of rows) if (r.amends_id) map.set(r.amends_id, r.id);
  return map;
}

export function vitalsView(v: VitalsTable, later: Map<string, string> = new Map()) {
  return {
    id: v.id, encounterId: v.encounter_id,
    temperatureC: num(v.temperature_c), pulse: num(v.pulse), respiratoryRate: num(v.respiratory_rate), systolic: num(v.systolic), diastolic: num(v.diastolic),
    spo2: num(v.spo2), weightKg: num(v.weight_kg), heightCm: num(v.height_cm), muacMm: num(v.muac_mm), painScore: num(v.pain_score),
    bloodGlucoseMmol: num(v.blood_glucose_mmol), bmi: num(v.bmi), abnormal: JSON.parse(v.flags) as VitalFlag[],
    recordedBy: v.recorded_by, recordedAt: v.recorded_at, amendsId: v.amends_id, amendReason: v.amend_reason, amendedById: later.get(v.id) ?? null,
  };
}

export function diagnosisView(d: DiagnosisTable, later: Map<string, string> = new Map()) {
  return {
    id: d.id, code: d.code, title: d.title, type: d.type, note: d.note, recordedBy: d.recorded_by, recordedAt: d.recorded_at,
    amendsId: d.amends_id, amendReason: d.amend_reason, amendedById: later.get(d.id) ?? null,
  };
}

export function noteView(n: NoteTable, later: Map<string, string> = new Map()) {
  return {
    id: n.id, subjective: n.subjective, objective: n.objective, assessment: n.assessment, plan: n.plan, authorId: n.author_id, writtenAt: n.written_at,
    amendsId: n.amends_id, amendReason: n.amend_reason, amendedById: later.get(n.id) ?? null,
  };
}

const NO_NAMES = { patientName: null, patientNameLatin: null, patientNameArabic: null };
/** The patient's name in each script when the row was read with them (the worklist), else nulls. */
const namesOf = (r: { first_name?: unknown }) => (r.first_name !== undefined ? patientNames(r as EncounterRow) : NO_NAMES);

export function encounterSummary(e: EncounterTable & Partial<Omit<EncounterRow, keyof EncounterTable>>) {
  return {
    id: e.id, patientId: e.patient_id, ...namesOf(e), mrn: e.mrn ?? null,
    appointmentId: e.appointment_id, providerId: e.provider_id, type: e.type, status: e.status, chiefComplaint: e.chief_complaint,
    startedAt: e.started_at, completedAt: e.completed_at, completedBy: e.completed_by,
  };
}

/** Each encounter's own entries, out of entries read for many at once. */
export function byEncounter(entries: Entries) {
  const later = { vitals: amendedBy(entries.vitals), diagnoses: amendedBy(entries.diagnoses), notes: amendedBy(entries.notes) };
  const group = <T extends { encounter_id: string }, V>(rows: T[], view: (r: T) => V) => {
    const map = new Map<string, V[]>();
    for (const r of rows) {
      const list = map.get(r.encounter_id);
      if (list) list.push(view(r));
      else map.set(r.encounter_id, [view(r)]);
    }
    return map;
  };
  return {
    vitals: group(entries.vitals, (v) => vitalsView(v, later.vitals)),
    diagnoses: group(entries.diagnoses, (d) => diagnosisView(d, later.diagnoses)),
    notes: group(entries.notes, (n) => noteView(n, later.notes)),
  };
}

export function encounterDetail(e: EncounterRow, entries: Entries) {
  const grouped = byEncounter(entries);
  return {
    ...encounterSummary(e),
    vitals: grouped.vitals.get(e.id) ?? [], diagnoses: grouped.diagnoses.get(e.id) ?? [], notes: grouped.notes.get(e.id) ?? [],
  };
}
