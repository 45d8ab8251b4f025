import { Type, type Static, type TSchema } from 'typebox';
import { ALLERGY_GROUPS } from './allergy-groups.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({
    minLength: 1, maxLength: 100,
    description: 'Words in English or Arabic (each a prefix of a word of the entry: "mal falc", "ملاريا"), or a code or its start (B50, b509, 718-7). '
      + 'Arabic is matched without diacritics, with alef, ya and ta marbuta variants and the article ال folded. Absent: the whole catalogue in code order.',
  })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  includeHidden: Type.Boolean({ default: false, description: 'Also list the entries this facility hides (flagged hidden), to show them again' }),
}, { additionalProperties: false });
export type SearchQueryInput = Static<typeof SearchQuery>;

const page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
const hidden = Type.Boolean({ description: 'Hidden by this facility: not offered in its screens, refused in new records' });

export const Icd10Item = Type.Object({
  code: Type.String({ description: 'ICD-10 code, dotted: B50.9' }),
  titleEn: Type.String(),
  titleAr: Nullable(Type.String()),
  billable: Type.Boolean({ description: 'Specific enough to record as a diagnosis (a leaf code)' }),
  hidden,
});
export const MedicationItem = Type.Object({
  code: Type.String({ description: 'Formulary code: amoxicillin-cap-500mg' }),
  name: Type.String(),
  strength: Type.String(),
  form: Type.String(),
  nameAr: Nullable(Type.String()),
  atc: Nullable(Type.String({ description: 'WHO ATC code' })),
  allergyGroups: Type.Array(Type.Enum(Object.keys(ALLERGY_GROUPS)), { description: 'Allergy classes the medicine belongs to' }),
  hidden,
});
export const LabTestItem = Type.Object({
  code: Type.String({ description: 'LOINC code: 718-7' }),
  name: Type.String(),
  nameAr: Nullable(Type.String()),
  specimen: Type.String(),
  kind: Type.Enum(['numeric', 'coded']),
  unit: Nullable(Type.String()),
  low: Nullable(Type.Number({ description: 'Adult reference range, lower bound (null: none)' })),
  high: Nullable(Type.Number()),
  femaleLow: Nullable(Type.Number({ description: "Women's range where it differs" })),
  femaleHigh: Nullable(Type.Number()),
  criticalLow: Nullable(Type.Number({ description: 'Below this the result is critical' })),
  criticalHigh: Nullable(Type.Number({ description: 'Above this the result is critical' })),
  answers: Type.Array(Type.String(), { description: 'Coded tests: the possible answers' }),
  normalAnswers: Type.Array(Type.String()),
  hidden,
});
export const Icd10Page = page(Icd10Item);
export const MedicationPage = page(MedicationItem);
export const LabTestPage = page(LabTestItem);

export const KINDS = ['icd10', 'medication', 'lab_test'] as const;

export const VisibilityBody = Type.Object({
  kind: Type.Enum([...KINDS]),
  code: Type.String({ minLength: 1, maxLength: 60 }),
  hidden: Type.Boolean({ description: 'true hides the entry from this facility; false shows it again' }),
}, { additionalProperties: false });
export const Visibility = Type.Object({ kind: Type.String(), code: Type.String(), hidden: Type.Boolean(), changed: Type.Boolean() });

export const AllergyGroupList = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String({ description: 'Record an allergy to the class with this id; it covers every medicine listing it' }),
    en: Type.String(),
    ar: Type.String(),
  })),
});
