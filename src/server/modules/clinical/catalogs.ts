// The catalogs this module records against, from the terminology module's public look-ups: a code
// the catalog lacks (or the facility hides) is refused with 422 naming the field.
import type { AppContext } from '../../platform/context.ts';
import { findIcd10 } from '../terminology/index.ts';
import type { Executor } from './clinical-deps.ts';
import { unprocessable } from './amendment.ts';

export async function catalogDiagnosis(ctx: AppContext, facilityId: string, code: string, field: string, db: Executor = ctx.db.kysely): Promise<{ code: string; title: string }> {
  const entry = await findIcd10(db, facilityId, code);
  if (!entry) throw unprocessable(field, `${code} is not an ICD-10 code in the catalog; search it with GET /api/v1/terminology/icd10?q=`);
  return { code: entry.code, title: entry.titleEn };
}
