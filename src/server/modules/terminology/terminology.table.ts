// The shipped clinical catalogues (shared by every facility) and each facility's hidden entries.
// Catalogue rows are reference data, not patient data: they carry no facility, and a facility
// narrows them only through terminology_hidden.

/** The three catalogues; also the `kind` of a search key or a hidden entry. */
export type CatalogueKind = 'icd10' | 'medication' | 'lab_test';

export interface TerminologyIcd10Table {
  /** Dotted form, upper case: B50.9, O80, S52.50. */
  code: string;
  title_en: string;
  title_ar: string | null;
  /** 1 when the code is specific enough to record (ICD-10-CM "billable", or a curated leaf). */
  billable: number;
  /** Where the row came from: `curated` (shipped) or the release it was imported from. */
  source: string;
  updated_at: string;
}

export interface TerminologyMedicationTable {
  code: string;
  name: string;
  strength: string;
  form: string;
  name_ar: string | null;
  /** WHO ATC code of the substance, when it has one. */
  atc: string | null;
  /** Comma-separated allergy classes (penicillins, sulfonamides, …); see allergy-groups.ts. */
  allergy_groups: string;
  source: string;
  updated_at: string;
}

export interface TerminologyLabTestTable {
  /** LOINC code, e.g. 718-7. */
  code: string;
  name: string;
  name_ar: string | null;
  specimen: string;
  kind: 'numeric' | 'coded';
  unit: string | null;
  low: number | null;
  high: number | null;
  female_low: number | null;
  female_high: number | null;
  critical_low: number | null;
  critical_high: number | null;
  /** Coded tests: the answers, `|`-separated, and which of them are normal. */
  answers: string | null;
  normal_answers: string | null;
  source: string;
  updated_at: string;
}

/** One search word of one entry: every entry is found by the prefixes of its keys. */
export interface TerminologySearchKeyTable {
  kind: CatalogueKind;
  key: string;
  code: string;
}

export interface TerminologyHiddenTable {
  facility_id: string;
  kind: CatalogueKind;
  code: string;
  hidden_by: string | null;
  hidden_at: string;
}

export interface TerminologyTables {
  terminology_icd10: TerminologyIcd10Table;
  terminology_medications: TerminologyMedicationTable;
  terminology_lab_tests: TerminologyLabTestTable;
  terminology_search_keys: TerminologySearchKeyTable;
  terminology_hidden: TerminologyHiddenTable;
}
