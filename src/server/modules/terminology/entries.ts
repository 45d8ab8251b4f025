// Catalogue entries as the rest of the app sees them.
import type { TerminologyIcd10Table, TerminologyLabTestTable, TerminologyMedicationTable } from './terminology.table.ts';
import { parseAllergyGroups, type AllergyGroup } from './allergy-groups.ts';

export interface Icd10Entry { code: string; titleEn: string; titleAr: string | null; billable: boolean }

export interface Medication {
  code: string;
  name: string;
  strength: string;
  form: string;
  nameAr: string | null;
  atc: string | null;
  allergyGroups: AllergyGroup[];
}

export interface LabTest {
  /** LOINC code. */
  code: string;
  name: string;
  nameAr: string | null;
  specimen: string;
  kind: 'numeric' | 'coded';
  unit: string | null;
  /** Adult reference range; a null bound is open. The female range, where set, applies to women. */
  low: number | null;
  high: number | null;
  femaleLow: number | null;
  femaleHigh: number | null;
  criticalLow: number | null;
  criticalHigh: number | null;
  /** Coded tests: the possible answers, and those that are normal. Empty for numeric tests. */
  answers: string[];
  normalAnswers: string[];
}

export const icd10Entry = (r: TerminologyIcd10Table): Icd10Entry => ({ code: r.code, titleEn: r.title_en, titleAr: r.title_ar, billable: r.billable === 1 });

export const medication = (r: TerminologyMedicationTable): Medication => ({
  code: r.code, name: r.name, strength: r.strength, form: r.form, nameAr: r.name_ar, atc: r.atc, allergyGroups: parseAllergyGroups(r.allergy_groups),
});

const list = (column: string | null) => (column ? column.split('|') : []);
// pg returns double precision as a number already; MySQL and SQLite too, but a string from any
// driver configured otherwise must not slip into comparisons.
const num = (v: number | string | null) => (v === null ? null : Number(v));

export const labTest = (r: TerminologyLabTestTable): LabTest => ({
  code: r.code, name: r.name, nameAr: r.name_ar, specimen: r.specimen, kind: r.kind, unit: r.unit,
  low: num(r.low), high: num(r.high), femaleLow: num(r.female_low), femaleHigh: num(r.female_high),
  criticalLow: num(r.critical_low), criticalHigh: num(r.critical_high),
  answers: list(r.answers), normalAnswers: list(r.normal_answers),
});
