// Names for the generated types the app passes around.
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Me = Json<paths['/api/v1/auth/me']['get']['responses'][200]>;
export type Membership = Me['memberships'][number];
export type Permission = Membership['permissions'][number];
export type SessionResponse = Json<paths['/api/v1/auth/login']['post']['responses'][200]>;
export type MfaEnrollment = Json<paths['/api/v1/auth/mfa/enroll']['post']['responses'][200]>;
export type Patient = Json<paths['/api/v1/patients/{id}']['get']['responses'][200]>;
export type PatientSummary = Json<paths['/api/v1/patients']['get']['responses'][200]>['items'][number];
export type CreatePatientBody = NonNullable<paths['/api/v1/patients']['post']['requestBody']>['content']['application/json'];
export type PatchPatientBody = NonNullable<paths['/api/v1/patients/{id}']['patch']['requestBody']>['content']['application/json'];
type Problem<T> = T extends { content: { 'application/problem+json': infer B } } ? B : never;
export type DuplicateCandidate = Problem<paths['/api/v1/patients']['post']['responses'][409]>['candidates'][number];
export type StaffUser = Json<paths['/api/v1/users/{id}']['get']['responses'][200]>;
export type Facility = Json<paths['/api/v1/facilities/{id}']['get']['responses'][200]>;
export type WorkingHours = Json<paths['/api/v1/facility/working-hours']['get']['responses'][200]>;
export type ScheduleException = Json<paths['/api/v1/providers/{id}/exceptions']['get']['responses'][200]>['items'][number];
export type AuditEvent = Json<paths['/api/v1/audit-events']['get']['responses'][200]>['items'][number];
export type CreateFacilityBody = NonNullable<paths['/api/v1/facilities']['post']['requestBody']>['content']['application/json'];
