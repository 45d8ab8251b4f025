// The patient registry: registration with MRNs and duplicate checks, records with optimistic
// concurrency, search by name (Arabic and Latin), MRN, phone and national ID, and merges.
import type { FastifyInstance } from 'fastify';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { PatientCache } from './patient-cache.ts';
import { patientRoutes } from './patients.routes.ts';
import { nationalIdContext } from './patient-view.ts';
import { NATIONAL_ID_PURPOSE } from './patient-record.ts';
import type { EncryptedField } from '../../platform/keys/encrypted-field.ts';
import { patientReportSections } from './report.ts';

export { seedPatients } from './seed-patients.ts';
export { displayName, patientNames, type PatientNameColumns } from './patient-view.ts';
// The text folding behind name search, for other modules' searches (the terminology catalogues).
export { arabicKey, normaliseArabic, normaliseLatin } from './text/index.ts';
export { prefixEnd } from './name-keys.ts';

/** What this module encrypts with the PHI key ring, for `nilecare keys rotate`. */
export const patientEncryptedFields: EncryptedField[] = [
  { table: 'patients', column: 'national_id_enc', context: nationalIdContext, index: { column: 'national_id_index', purpose: NATIONAL_ID_PURPOSE } },
];

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  ctx.health.addTables('business', ['patients']);
  await patientRoutes(app, { ctx, cache: new PatientCache(ctx.cache, ctx.log) });
}

export const patientsModule: Module = { name: 'patients', routes, reportSections: patientReportSections };
