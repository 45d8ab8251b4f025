import { Type, type Static } from 'typebox';
import { ROLES } from '../../platform/access/roles.ts';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { problem } from '../../platform/http/problem-schemas.ts';

export const USER_STATUSES = ['active', 'disabled'] as const;

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Phone = Type.String({ pattern: '^\\+?[0-9]{7,15}$', description: 'digits with an optional leading +, e.g. +249912345678' });
// The password policy (length, common passwords, no name or email) is applied in code with a clear
// message; the schema only keeps absurd sizes away from the hash function.
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const Status = Type.Enum([...USER_STATUSES]);

export const MembershipInput = Type.Object({
  facilityId: Type.String({ pattern: UUID_PATTERN }),
  role: Type.Enum([...ROLES]),
}, { additionalProperties: false });
export type MembershipGrant = Static<typeof MembershipInput>;

const Memberships = (minItems: number) => Type.Array(MembershipInput, { minItems, maxItems: 100 });

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  mustChangePassword: Type.Boolean(),
  mfaEnabled: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  memberships: Type.Array(Type.Object({ facilityId: Type.String(), role: Type.String() }), {
    description: 'For a facility administrator, only the membership in the facility they act in',
  }),
});
export type UserView = Static<typeof User>;

export const UserList = Type.Object({
  items: Type.Array(User),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as ?cursor= for the next page; null on the last page' }),
});

export const UserListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Prefix of the name or email' })),
  role: Type.Optional(Type.Enum([...ROLES])),
  status: Type.Optional(Status),
}, { additionalProperties: false });
export type UserListInput = Static<typeof UserListQuery>;

export const CreateUserBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  name: Name,
  phone: Type.Optional(Phone),
  password: Password,
  memberships: Memberships(1),
}, { additionalProperties: false });
export type CreateUserInput = Static<typeof CreateUserBody>;

export const PatchUserBody = Type.Object({
  name: Type.Optional(Name),
  phone: Type.Optional(Type.Union([Phone, Type.Null()])),
  status: Type.Optional(Status),
}, { additionalProperties: false });
export type PatchUserInput = Static<typeof PatchUserBody>;

export const TemporaryPasswordBody = Type.Object({ password: Password }, { additionalProperties: false });

export const MembershipsBody = Type.Object({ memberships: Memberships(0) }, { additionalProperties: false });

export const UserConflictProblem = problem('conflict: the email is taken, the change would leave no active super admin, or memberships changed meanwhile', ['conflict']);
