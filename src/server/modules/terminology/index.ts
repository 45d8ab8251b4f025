// Clinical terminology: the ICD-10 diagnoses, the formulary and the lab test catalogue shipped
// with the project (sources in docs/terminology.md), searchable in English and Arabic, with each
// facility able to hide entries it does not use. Other modules look entries up through the
// functions exported here; a hidden entry is not found for that facility.
import type { FastifyInstance } from 'fastify';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { terminologyRoutes } from './terminology.routes.ts';

export { findIcd10, findMedication, findLabTests } from './lookups.ts';
export type { Icd10Entry, Medication, LabTest } from './entries.ts';
export { flagLabResult, isCriticalFlag, type LabFlag, type FlaggableTest, type Sex } from './lab-flags.ts';
export { ALLERGY_GROUPS, allergenGroup, allergyGroupsOf, allergyCovers, isAllergyGroup, type AllergyGroup } from './allergy-groups.ts';
export { normaliseIcd10Code, normaliseLoincCode, normaliseMedicationCode } from './codes.ts';
export type { CatalogueKind, TerminologyTables } from './terminology.table.ts';
export { importIcd10OrderFile as importIcd10, type Icd10ImportOptions, type Icd10ImportResult } from './icd10-import.ts';
export { OrderFileError } from './icd10-order-file.ts';

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  await terminologyRoutes(app, { ctx });
}

export const terminologyModule: Module = { name: 'terminology', routes };
