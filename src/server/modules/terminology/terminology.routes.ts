// Catalogue look-ups for the screens and other systems, and a facility hiding entries it does not
// use. Catalogues are reference data, not patient data: reads are not audited, hiding is.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { nowIso } from '../../platform/ids.ts';
import type { CatalogueKind, TerminologyIcd10Table, TerminologyLabTestTable, TerminologyMedicationTable } from './terminology.table.ts';
import { icd10Entry, labTest, medication } from './entries.ts';
import { searchCatalogue } from './search.ts';
import { existingCode, setHidden } from './hidden.ts';
import { ALLERGY_GROUPS } from './allergy-groups.ts';
import { AllergyGroupList, Icd10Page, LabTestPage, MedicationPage, SearchQuery, Visibility, VisibilityBody, type SearchQueryInput } from './terminology.schemas.ts';

const tags = ['terminology'];
const read = { access: { permission: 'terminology:read' as const } };

export async function terminologyRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  async function search<Row extends { code: string }, View>(facilityId: string, kind: CatalogueKind, query: SearchQueryInput, view: (row: Row) => View) {
    const page = await searchCatalogue<Row>(db, facilityId, kind, query);
    return { items: page.rows.map(({ hidden, ...row }) => ({ ...view(row as unknown as Row), hidden })), nextCursor: page.nextCursor };
  }

  r.get('/terminology/icd10', {
    config: read,
    schema: { operationId: 'searchDiagnosisCodes', tags, summary: 'Search ICD-10 diagnoses in English or Arabic, or by code', querystring: SearchQuery, response: { 200: Icd10Page } },
  }, async (request) => search(scopeOf(request).facilityId, 'icd10', request.query, (row: TerminologyIcd10Table) => icd10Entry(row)));

  r.get('/terminology/medications', {
    config: read,
    schema: { operationId: 'searchMedications', tags, summary: 'Search the formulary in English or Arabic', querystring: SearchQuery, response: { 200: MedicationPage } },
  }, async (request) => search(scopeOf(request).facilityId, 'medication', request.query, (row: TerminologyMedicationTable) => medication(row)));

  r.get('/terminology/lab-tests', {
    config: read,
    schema: { operationId: 'searchLabTests', tags, summary: 'Search the lab test catalogue in English or Arabic, or by LOINC code', querystring: SearchQuery, response: { 200: LabTestPage } },
  }, async (request) => search(scopeOf(request).facilityId, 'lab_test', request.query, (row: TerminologyLabTestTable) => labTest(row)));

  r.get('/terminology/allergy-groups', {
    config: read,
    schema: { operationId: 'listAllergyGroups', tags, summary: 'The medicine classes an allergy can be recorded against (penicillins, sulfonamides …)', response: { 200: AllergyGroupList } },
  }, async () => ({ items: Object.entries(ALLERGY_GROUPS).map(([id, label]) => ({ id, ...label })) }));

  r.put('/terminology/visibility', {
    config: { access: { permission: 'terminology:manage' } },
    schema: {
      operationId: 'setTerminologyVisibility', tags, summary: 'Hide a catalogue entry from this facility, or show it again',
      body: VisibilityBody, response: { 200: Visibility },
    },
  }, async (request) => {
    const { facilityId, userId } = scopeOf(request);
    const { kind, hidden } = request.body;
    const code = await existingCode(db, kind, request.body.code);
    const changed = await db.transaction().execute(async (trx) => {
      const done = await setHidden(trx, ctx.db.client, facilityId, kind, code, hidden, userId, nowIso());
      if (done) await ctx.audit.record({ ...auditContext(request), action: hidden ? 'terminology.hide' : 'terminology.show', targetType: `terminology_${kind}`, targetId: code }, trx);
      return done;
    });
    return { kind, code, hidden, changed };
  });
}
