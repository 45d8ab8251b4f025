// Applying normalised input to a patient row: defaults for a new patient, the encrypted national ID
// with its blind index, and the whole-record rules.
import { encryptField, blindIndex } from '../../platform/field-crypto.ts';
import { lookupIndexes } from '../../platform/keys/encrypted-field.ts';
import type { AppContext } from '../../platform/context.ts';
import type { PatientTable } from './patients.table.ts';
import { checkNames, type NormalisedInput } from './patient-input.ts';
import { nationalIdContext } from './patient-view.ts';
import { keyRing } from './patient-deps.ts';

export const NATIONAL_ID_PURPOSE = 'national_id';
/** The index a national ID is stored with: always under the current PHI_INDEX_KEY. */
export const nationalIdIndex = (ctx: AppContext, nationalId: string) => blindIndex(ctx.config.phi.indexKey, NATIONAL_ID_PURPOSE, nationalId);
/** The indexes to find it by: also under PHI_INDEX_KEY_PREVIOUS while a key rotation is under way. */
export const nationalIdLookup = (ctx: AppContext, nationalId: string) => lookupIndexes(ctx.config.phi, NATIONAL_ID_PURPOSE, nationalId);

/** A new row (mrn still empty: it is issued inside the creating transaction). */
export function newPatientRow(ctx: AppContext, id: string, facilityId: string, now: string, input: NormalisedInput): PatientTable {
  const base: PatientTable = {
    id, facility_id: facilityId, mrn: '', status: 'active', merged_into_id: null,
    first_name: null, father_name: null, grandfather_name: null, last_name: null,
    first_name_ar: null, father_name_ar: null, grandfather_name_ar: null, last_name_ar: null,
    sex: 'unknown', date_of_birth: null, birth_year: 0, birth_date_estimated: 0, phone: null, email: null,
    national_id_enc: null, national_id_index: null, address_state: null, address_locality: null, address_line: null,
    emergency_name: null, emergency_phone: null, emergency_relationship: null, preferred_language: 'ar',
    version: 1, created_at: now, updated_at: now,
  };
  return applyInput(ctx, base, input);
}

/** The row with the input applied; throws a 400 when the result breaks a whole-record rule. */
export function applyInput(ctx: AppContext, row: PatientTable, input: NormalisedInput): PatientTable {
  const next: PatientTable = { ...row, ...input.columns };
  if (input.nationalId === null) {
    next.national_id_enc = null;
    next.national_id_index = null;
  } else if (input.nationalId !== undefined) {
    const index = nationalIdIndex(ctx, input.nationalId);
    if (index !== row.national_id_index) { // the same number again keeps its ciphertext: no change
      next.national_id_enc = encryptField(input.nationalId, keyRing(ctx), nationalIdContext(row.id));
      next.national_id_index = index;
    }
  }
  checkNames(next);
  return next;
}
