// The one role → permission table (documented in docs/access-control.md). Routes declare the
// permission they need; a role grants a fixed set. super_admin holds every permission in every facility.
export const ROLES = [
  'super_admin', 'facility_admin', 'doctor', 'nurse', 'receptionist',
  'lab_technician', 'pharmacist', 'billing_clerk', 'compliance_officer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'facilities:create',   // create facilities (whole installation)
  'facilities:read',     // read facilities and departments
  'facilities:manage',   // edit own facility: details, departments, MFA policy
  'users:read',
  'users:manage',        // create, edit, disable staff and set temporary passwords
  'audit:read',
  'patients:read',
  'patients:write',
  'patients:merge',
  'appointments:read',
  'appointments:write',  // book, reschedule, check in, cancel, mark no-show
  'appointments:attend', // start and complete a visit: the clinical encounter hangs on these
  'schedules:manage',    // facility and provider working hours, exceptions
  'terminology:read',    // search the ICD-10, formulary and lab test catalogues
  'terminology:manage',  // hide catalogue entries the facility does not use, or show them again
  'clinical:read',       // encounters, the patient chart, allergies and problems
  'encounters:write',    // open an encounter, write SOAP notes
  'vitals:write',        // record vital signs
  'allergies:write',     // record a patient's allergies
  'diagnoses:write',     // diagnose, keep the problem list, complete an encounter
  'prescriptions:write', // prescribe
  'prescriptions:read',  // the dispensing queue and prescriptions
  'prescriptions:dispense',
  'lab:order',           // order lab tests
  'lab:read',            // the lab worklist and orders
  'lab:result',          // collect, enter results, verify another technician's results
  'billing:read',        // the price list, invoices and payments
  'billing:write',       // issue and void invoices, take, confirm and refund payments
  'billing:manage',      // set prices
  'reports:read',        // the facility's summary report and its CSV downloads
  'notifications:read',  // the delivery log and the facility's notification settings
  'notifications:manage', // retry a failed message, set reminder lead time and channels
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CLINICAL_FRONT: Permission[] = ['facilities:read', 'patients:read', 'patients:write', 'appointments:read', 'appointments:write'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  super_admin: PERMISSIONS,
  facility_admin: ['facilities:read', 'facilities:manage', 'users:read', 'users:manage', 'patients:read', 'patients:write', 'patients:merge', 'appointments:read', 'appointments:write', 'schedules:manage', 'terminology:read', 'terminology:manage', 'billing:read', 'billing:manage', 'reports:read', 'notifications:read', 'notifications:manage'],
  doctor: [...CLINICAL_FRONT, 'appointments:attend', 'terminology:read', 'clinical:read', 'encounters:write', 'vitals:write', 'allergies:write', 'diagnoses:write', 'prescriptions:write', 'prescriptions:read', 'lab:order', 'lab:read'],
  nurse: [...CLINICAL_FRONT, 'appointments:attend', 'terminology:read', 'clinical:read', 'encounters:write', 'vitals:write', 'allergies:write', 'prescriptions:read', 'lab:read'],
  receptionist: [...CLINICAL_FRONT, 'patients:merge'],
  lab_technician: ['facilities:read', 'patients:read', 'appointments:read', 'terminology:read', 'lab:read', 'lab:result'],
  pharmacist: ['facilities:read', 'patients:read', 'terminology:read', 'prescriptions:read', 'prescriptions:dispense'],
  billing_clerk: ['facilities:read', 'patients:read', 'appointments:read', 'billing:read', 'billing:write'],
  compliance_officer: ['facilities:read', 'users:read', 'audit:read'],
};

/** Roles that see patients clinically and can be booked as providers. */
export const CLINICIAN_ROLES: readonly Role[] = ['doctor', 'nurse'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleCan(role: string, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}
