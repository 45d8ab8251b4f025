// A facility hiding the catalogue entries it does not use: hidden entries leave its searches and
// its look-ups (a diagnosis, prescription or order with a hidden code is refused there), while
// records already made with them stay as they are. Other facilities are not affected.
import type { DbClient } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import type { CatalogueKind } from './terminology.table.ts';
import { CATALOGUES } from './catalogue-store.ts';
import { normaliseIcd10Code, normaliseLoincCode, normaliseMedicationCode } from './codes.ts';
import type { Executor } from './lookups.ts';

const NORMALISE: Record<CatalogueKind, (code: string) => string | null> = {
  icd10: normaliseIcd10Code,
  medication: normaliseMedicationCode,
  lab_test: normaliseLoincCode,
};

/** The entry's code in its stored form; 404 when the catalogue has no such entry. */
export async function existingCode(db: Executor, kind: CatalogueKind, code: string): Promise<string> {
  const normal = NORMALISE[kind](code);
  const found = normal && await db.selectFrom(CATALOGUES[kind].table).select('code').where('code', '=', normal).executeTakeFirst();
  if (!found) throw new AppError('not_found', `The catalogue has no entry with the code ${code}; search the catalogue for the right code.`);
  return found.code;
}

/**
 * Hides or shows the entry for the facility; answers whether anything changed. Idempotent: hiding
 * a hidden entry changes nothing, and two admins hiding it at once meet at the primary key.
 */
export async function setHidden(db: Executor, client: DbClient, facilityId: string, kind: CatalogueKind, code: string, hidden: boolean, actorId: string, at: string): Promise<boolean> {
  if (!hidden) {
    const res = await db.deleteFrom('terminology_hidden').where('facility_id', '=', facilityId).where('kind', '=', kind).where('code', '=', code).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }
  const insert = db.insertInto('terminology_hidden').values({ facility_id: facilityId, kind, code, hidden_by: actorId, hidden_at: at });
  const res = await (client === 'mysql' ? insert.ignore() : insert.onConflict((oc) => oc.columns(['facility_id', 'kind', 'code']).doNothing())).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
