import { Type, type Static, type TSchema } from 'typebox';
import { ROLES } from '../../platform/access/roles.ts';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { SUDAN_STATE_CODES } from '../patients/text/sudan.ts';
import { problem } from '../../platform/http/problem-schemas.ts';

export const FACILITY_TYPES = ['hospital', 'clinic', 'health_center', 'pharmacy', 'laboratory'] as const;
export const DEFAULT_TIME_ZONE = 'Africa/Khartoum';
export const DEFAULT_LOCK_MINUTES = 10;

// Codes are printed on documents and typed by staff, so they stay short and unambiguous.
const Code = Type.String({ pattern: '^[A-Z0-9]{2,16}$', description: '2–16 upper-case letters or digits' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const FacilityType = Type.Enum([...FACILITY_TYPES]);
const State = Type.Enum([...SUDAN_STATE_CODES], { description: 'Sudan state code' });
const Locality = Type.String({ minLength: 1, maxLength: 100 });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Africa/Khartoum' });
// Long enough not to interrupt a consultation, short enough that a walked-away screen locks.
const LockAfterMinutes = Type.Integer({ minimum: 1, maximum: 120, description: 'Minutes of inactivity before the web app locks the screen (1–120, default 10)' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const IdParams = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });

export const Facility = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  state: Nullable(Type.String()),
  locality: Nullable(Type.String()),
  timeZone: Type.String(),
  lockAfterMinutes: Type.Integer(),
  status: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type FacilityView = Static<typeof Facility>;

export const FacilityList = Type.Object({ items: Type.Array(Facility) });

export const CreateFacilityBody = Type.Object({
  name: Name,
  code: Code,
  type: FacilityType,
  state: State,
  locality: Type.Optional(Locality),
  timeZone: Type.Optional(TimeZone),
  lockAfterMinutes: Type.Optional(LockAfterMinutes),
}, { additionalProperties: false });
export type CreateFacilityInput = Static<typeof CreateFacilityBody>;

export const PatchFacilityBody = Type.Object({
  name: Type.Optional(Name),
  code: Type.Optional(Code),
  type: Type.Optional(FacilityType),
  state: Type.Optional(State),
  locality: Type.Optional(Nullable(Locality)),
  timeZone: Type.Optional(TimeZone),
  lockAfterMinutes: Type.Optional(LockAfterMinutes),
}, { additionalProperties: false });
export type PatchFacilityInput = Static<typeof PatchFacilityBody>;

export const Department = Type.Object({
  id: Type.String(),
  facilityId: Type.String(),
  name: Type.String(),
  code: Type.String(),
  createdAt: Type.String(),
});
export type DepartmentView = Static<typeof Department>;

export const DepartmentList = Type.Object({ items: Type.Array(Department) });

export const CreateDepartmentBody = Type.Object({ name: Name, code: Code }, { additionalProperties: false });

export const MfaPolicy = Type.Object({
  roles: Type.Array(Type.Enum([...ROLES]), { uniqueItems: true, description: 'Roles that must use two-factor sign-in in this facility' }),
}, { additionalProperties: false });

export const CodeConflictProblem = problem('conflict: the code is taken (field names it)', ['conflict'], { field: Type.Optional(Type.String()) });
