// What a module declares about each column it encrypts with the PHI key ring, so that key
// rotation (`nilecare keys rotate`) can re-encrypt it without knowing the module.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { blindIndex, type KeyRing } from '../field-crypto.ts';

export interface EncryptedField {
  /** The table and the column holding encryptField() output; rows are keyed by an `id` column. */
  table: string;
  column: string;
  /** The additional data the value is sealed with (see encryptField's `context`). */
  context: (id: string) => string;
  /** The blind index kept beside it for exact-match search, if any: its column and purpose. */
  index?: { column: string; purpose: string };
}

export const ringOf = (phi: Config['phi']): KeyRing => ({ keys: phi.keys, activeKeyId: phi.activeKeyId });

/** The key id inside a stored value (`v1:<keyId>:…`), or null when it is not one. */
export function keyIdOf(stored: string): string | null {
  const m = /^v1:([A-Za-z0-9_-]{1,16}):/.exec(stored);
  return m ? m[1]! : null;
}

/**
 * The blind indexes to look a value up by: under PHI_INDEX_KEY, and while a rotation of that key
 * is under way also under PHI_INDEX_KEY_PREVIOUS, so rows not yet re-indexed are still found.
 */
export function lookupIndexes(phi: Config['phi'], purpose: string, value: string): string[] {
  const current = blindIndex(phi.indexKey, purpose, value);
  return phi.previousIndexKey ? [current, blindIndex(phi.previousIndexKey, purpose, value)] : [current];
}

export type FieldRow = { id: string; value: string; idx?: string | null };

/** The field's non-null rows in primary-key order, `size` at a time; each batch re-reads from the last id. */
export async function* batchesOf(k: Kysely<any>, field: EncryptedField, size: number): AsyncGenerator<FieldRow[]> { // eslint-disable-line @typescript-eslint/no-explicit-any -- tables named by their modules
  const columns = ['id', `${field.column} as value`, ...(field.index ? [`${field.index.column} as idx`] : [])];
  let cursor = '';
  for (;;) {
    const rows = await k.selectFrom(field.table).select(columns).where(field.column, 'is not', null).where('id', '>', cursor).orderBy('id').limit(size).execute() as FieldRow[];
    if (rows.length === 0) return;
    cursor = rows.at(-1)!.id;
    yield rows;
  }
}
