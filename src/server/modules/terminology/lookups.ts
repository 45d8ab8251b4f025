// Looking up catalogue entries by code, as another module does when it records a diagnosis,
// a prescription or a lab order. An entry the facility has hidden is not found there.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CatalogueKind } from './terminology.table.ts';
import { normaliseIcd10Code, normaliseLoincCode, normaliseMedicationCode } from './codes.ts';
import { icd10Entry, labTest, medication, type Icd10Entry, type LabTest, type Medication } from './entries.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

/** `e.code` is not hidden by the facility. */
function notHidden(facilityId: string, kind: CatalogueKind) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any catalogue table aliased e
  return (eb: ExpressionBuilder<any, 'e'>) => eb.not(eb.exists(eb.selectFrom('terminology_hidden as h').select(sql.lit(1).as('one'))
    .where('h.facility_id', '=', facilityId).where('h.kind', '=', kind).whereRef('h.code', '=', 'e.code')));
}

/** The ICD-10 entry with this code (any spelling: b509, B50.9), unless the facility hides it. */
export async function findIcd10(db: Executor, facilityId: string, code: string): Promise<Icd10Entry | undefined> {
  const normal = normaliseIcd10Code(code);
  if (!normal) return undefined;
  const row = await db.selectFrom('terminology_icd10 as e').selectAll('e').where('e.code', '=', normal).where(notHidden(facilityId, 'icd10')).executeTakeFirst();
  return row && icd10Entry(row);
}

/** The formulary entry with this code, unless the facility hides it. */
export async function findMedication(db: Executor, facilityId: string, code: string): Promise<Medication | undefined> {
  const normal = normaliseMedicationCode(code);
  if (!normal) return undefined;
  const row = await db.selectFrom('terminology_medications as e').selectAll('e').where('e.code', '=', normal).where(notHidden(facilityId, 'medication')).executeTakeFirst();
  return row && medication(row);
}

/** The lab tests with these LOINC codes that the facility offers, in code order; a code not found is left out. */
export async function findLabTests(db: Executor, facilityId: string, codes: readonly string[]): Promise<LabTest[]> {
  const normal = [...new Set(codes.map(normaliseLoincCode).filter((c): c is string => c !== null))];
  if (normal.length === 0) return [];
  const rows = await db.selectFrom('terminology_lab_tests as e').selectAll('e').where('e.code', 'in', normal).where(notHidden(facilityId, 'lab_test')).orderBy('e.code').execute();
  return rows.map(labTest);
}
