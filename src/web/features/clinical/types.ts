// Names for the generated clinical types the screens pass around (api/schema.d.ts, never edited by hand).
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Body<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type Encounter = Json<paths['/api/v1/encounters/{id}']['get']['responses'][200]>;
export type EncounterSummary = Json<paths['/api/v1/encounters']['get']['responses'][200]>['items'][number];
export type Vitals = Encounter['vitals'][number];
export type Diagnosis = Encounter['diagnoses'][number];
export type Note = Encounter['notes'][number];
export type VitalsBody = Body<paths['/api/v1/encounters/{id}/vitals']['post']>;
export type DiagnosisBody = Body<paths['/api/v1/encounters/{id}/diagnoses']['post']>;
export type NoteBody = Body<paths['/api/v1/encounters/{id}/notes']['post']>;
export type Icd10Item = Json<paths['/api/v1/terminology/icd10']['get']['responses'][200]>['items'][number];
export type Chart = Json<paths['/api/v1/patients/{id}/chart']['get']['responses'][200]>;
export type QueueItem = Json<paths['/api/v1/queue']['get']['responses'][200]>['items'][number];
export type Allergy = Chart['allergies'][number];
export type Prescription = Encounter['prescriptions'][number];
export type PrescriptionBody = Body<paths['/api/v1/encounters/{id}/prescriptions']['post']>;
export type PrescriptionWarning = Prescription['warnings'][number];
export type LabOrder = Encounter['labOrders'][number];
export type LabTestResult = LabOrder['tests'][number];
export type MedicationItem = Json<paths['/api/v1/terminology/medications']['get']['responses'][200]>['items'][number];
export type LabTestItem = Json<paths['/api/v1/terminology/lab-tests']['get']['responses'][200]>['items'][number];
export type AllergyBody = Body<paths['/api/v1/patients/{id}/allergies']['post']>;
export type Problem = Chart['problems'][number];
export type ProblemBody = Body<paths['/api/v1/patients/{id}/problems']['post']>;
export type AllergyGroupItem = Json<paths['/api/v1/terminology/allergy-groups']['get']['responses'][200]>['items'][number];
