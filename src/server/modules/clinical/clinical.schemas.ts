// The clinical module's HTTP shapes. Form is checked here; clinical rules (impossible vitals, codes
// in the catalog, a frozen encounter) need code and answer 422/409 from the use cases.
import { Type, type Static, type TSchema } from 'typebox';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { problem } from '../../platform/http/problem-schemas.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Uuid = Type.String({ pattern: UUID_PATTERN });
export const MAX_PAGE = 100;

export const ENCOUNTER_TYPES = ['outpatient', 'emergency', 'inpatient'] as const;
export const ENCOUNTER_STATUSES = ['in_progress', 'completed'] as const;

export const IdParams = Type.Object({ id: Uuid });
export const Cursor = Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page' });

/** Corrections: on a completed encounter every write must be one. */
export const amendment = {
  amendsId: Type.Optional(Type.String({ pattern: UUID_PATTERN, description: 'The record of this encounter this one corrects' })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Why the correction is made (required with amendsId)' })),
};
const amended = {
  amendsId: Nullable(Type.String()),
  amendReason: Nullable(Type.String()),
  amendedById: Nullable(Type.String({ description: 'The later record that corrects this one; the current record has null' })),
};

export const CreateEncounterBody = Type.Object({
  patientId: Uuid,
  appointmentId: Type.Optional(Type.String({ pattern: UUID_PATTERN, description: 'An appointment already in progress that has no encounter (a started appointment opens its own)' })),
  type: Type.Optional(Type.Enum([...ENCOUNTER_TYPES], { default: 'outpatient' })),
  chiefComplaint: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
export type CreateEncounterInput = Static<typeof CreateEncounterBody>;

export const EncounterQuery = Type.Object({
  status: Type.Optional(Type.Enum([...ENCOUNTER_STATUSES])),
  providerId: Type.Optional(Uuid),
  patientId: Type.Optional(Uuid),
  date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Started on this day (YYYY-MM-DD) in the facility time zone' })),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });
export type EncounterQueryInput = Static<typeof EncounterQuery>;

export const Diagnosis = Type.Object({
  id: Type.String(), code: Type.String(), title: Type.String(), type: Type.String(), note: Nullable(Type.String()),
  recordedBy: Type.String(), recordedAt: Type.String(), ...amended,
});

const Measurement = (description: string) => Type.Optional(Type.Number({ minimum: -1000, maximum: 100000, description }));
export const VITAL_FIELDS = {
  temperatureC: Measurement('Body temperature, °C'),
  pulse: Measurement('Beats per minute'),
  respiratoryRate: Measurement('Breaths per minute'),
  systolic: Measurement('Systolic blood pressure, mmHg'),
  diastolic: Measurement('Diastolic blood pressure, mmHg'),
  spo2: Measurement('Oxygen saturation, %'),
  weightKg: Measurement('Weight, kg'),
  heightCm: Measurement('Height, cm'),
  muacMm: Measurement('Mid-upper arm circumference, mm (children 6–59 months)'),
  painScore: Measurement('Pain, 0–10'),
  bloodGlucoseMmol: Measurement('Blood glucose, mmol/L'),
};
export type VitalField = keyof typeof VITAL_FIELDS;
export const VitalsBody = Type.Object({ ...VITAL_FIELDS, ...amendment }, { additionalProperties: false });
export type VitalsInput = Static<typeof VitalsBody>;

const Flag = Type.Object({
  field: Type.String(),
  flag: Type.Enum(['low', 'high', 'critical_low', 'critical_high']),
  normalRange: Type.String({ description: 'The range the value was compared with, e.g. "60–100"' }),
  band: Type.String({ description: 'Whose range: adult, or the child age band' }),
});
const vitalValues = Object.fromEntries(Object.keys(VITAL_FIELDS).map((k) => [k, Nullable(Type.Number())])) as Record<VitalField, ReturnType<typeof Nullable<ReturnType<typeof Type.Number>>>>;
export const Vitals = Type.Object({
  id: Type.String(), encounterId: Type.String(), ...vitalValues, bmi: Nullable(Type.Number()),
  abnormal: Type.Array(Flag), recordedBy: Type.String(), recordedAt: Type.String(), ...amended,
});

export const DiagnosisBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 16, description: 'An ICD-10 code from the catalog (GET /terminology/icd10?q=)' }),
  type: Type.Enum(['primary', 'secondary']),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  ...amendment,
}, { additionalProperties: false });

const SoapText = Type.Optional(Type.String({ maxLength: 20000 }));
export const NoteBody = Type.Object({ subjective: SoapText, objective: SoapText, assessment: SoapText, plan: SoapText, ...amendment }, { additionalProperties: false });
export const Note = Type.Object({
  id: Type.String(), subjective: Nullable(Type.String()), objective: Nullable(Type.String()), assessment: Nullable(Type.String()), plan: Nullable(Type.String()),
  authorId: Type.String(), writtenAt: Type.String(), ...amended,
});

const encounterFields = {
  id: Type.String(), patientId: Type.String(), patientName: Nullable(Type.String()), patientNameLatin: Nullable(Type.String()), patientNameArabic: Nullable(Type.String()), mrn: Nullable(Type.String()),
  appointmentId: Nullable(Type.String()), providerId: Type.String(), type: Type.String(), status: Type.Enum([...ENCOUNTER_STATUSES]),
  chiefComplaint: Nullable(Type.String()), startedAt: Type.String(), completedAt: Nullable(Type.String()), completedBy: Nullable(Type.String()),
};
export const EncounterSummary = Type.Object(encounterFields);
export const EncounterPage = Type.Object({ items: Type.Array(EncounterSummary), nextCursor: Nullable(Type.String()) });

export const encounterConflict = problem('conflict: the encounter is completed (corrections are amendments) or the appointment already has one; invalid_transition: already completed', ['conflict', 'invalid_transition']);
export const unprocessable = problem('unprocessable: a value is impossible or a rule is not met (errors names the field)', ['unprocessable']);
