// One encounter with everything recorded in it (kept apart: it gathers the other schema files).
import { Type } from 'typebox';
import { Diagnosis, EncounterSummary, Note, Vitals } from './clinical.schemas.ts';
import { Prescription } from './prescriptions.schemas.ts';
import { LabOrder } from './lab.schemas.ts';

export const Encounter = Type.Object({
  ...EncounterSummary.properties,
  vitals: Type.Array(Vitals), diagnoses: Type.Array(Diagnosis), notes: Type.Array(Note),
  prescriptions: Type.Array(Prescription), labOrders: Type.Array(LabOrder, { description: 'With their tests and results' }),
});
