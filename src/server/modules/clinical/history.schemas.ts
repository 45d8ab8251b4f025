// A patient's allergies and problem list: kept at patient level, across encounters.
import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { Nullable, Uuid } from './clinical.schemas.ts';
import { DESCRIPTION_MAX, ONSET_PATTERN, REACTION_MAX, SEVERITIES, SUBSTANCE_MAX } from './history.rules.ts';

export const AllergyParams = Type.Object({ id: Uuid, allergyId: Type.String({ pattern: UUID_PATTERN }) });
export const ProblemParams = Type.Object({ id: Uuid, problemId: Type.String({ pattern: UUID_PATTERN }) });

export const AllergyBody = Type.Object({
  substance: Type.String({ minLength: 1, maxLength: SUBSTANCE_MAX, description: 'What the patient reacts to, as said (penicillin, peanuts, sulfa drugs)' }),
  medicationCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'A formulary code (amoxicillin-cap-500mg) or an allergy class (penicillins, sulfonamides …): prescriptions it covers are warned about' })),
  reaction: Type.Optional(Type.String({ maxLength: REACTION_MAX })),
  severity: Type.Enum([...SEVERITIES]),
}, { additionalProperties: false });
export type AllergyInput = Static<typeof AllergyBody>;

export const AllergyStatusBody = Type.Object({ status: Type.Enum(['active', 'inactive', 'entered_in_error']) }, { additionalProperties: false });

export const Allergy = Type.Object({
  id: Type.String(), patientId: Type.String(), substance: Type.String(), medicationCode: Nullable(Type.String()), reaction: Nullable(Type.String()),
  severity: Type.String(), status: Type.String(), recordedBy: Type.String(), recordedAt: Type.String(), updatedAt: Type.String(),
});

export const ProblemBody = Type.Object({
  description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX }),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 16, description: 'An ICD-10 code from the catalog' })),
  onsetDate: Type.Optional(Type.String({ pattern: ONSET_PATTERN, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
}, { additionalProperties: false });
export type ProblemInput = Static<typeof ProblemBody>;

export const ProblemStatusBody = Type.Object({ status: Type.Enum(['active', 'resolved', 'entered_in_error']) }, { additionalProperties: false });

export const Problem = Type.Object({
  id: Type.String(), patientId: Type.String(), code: Nullable(Type.String()), description: Type.String(), status: Type.String(),
  onsetDate: Nullable(Type.String()), resolvedAt: Nullable(Type.String()), recordedBy: Type.String(), recordedAt: Type.String(), updatedAt: Type.String(),
});

export const HistoryQuery = Type.Object({
  status: Type.Optional(Type.Enum(['active', 'all'], { default: 'active', description: 'active (default) or all, including inactive, resolved and entered in error' })),
}, { additionalProperties: false });
