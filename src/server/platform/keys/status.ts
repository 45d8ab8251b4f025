// `nilecare keys status`: how many encrypted values each key holds, and how many blind-index
// entries are not yet under PHI_INDEX_KEY — what is left for `nilecare keys rotate` to do.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { blindIndex, decryptField } from '../field-crypto.ts';
import { batchesOf, keyIdOf, ringOf, type EncryptedField } from './encrypted-field.ts';

export interface FieldStatus { field: string; total: number; byKey: Record<string, number>; staleIndex: number; unreadable: number }

const SCAN_BATCH = 2000;

export async function keyStatus(db: Db, phi: Config['phi'], fields: EncryptedField[]): Promise<FieldStatus[]> {
  const k = db.kysely as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tables named by their modules
  const ring = ringOf(phi);
  const out: FieldStatus[] = [];
  for (const field of fields) {
    const s: FieldStatus = { field: `${field.table}.${field.column}`, total: 0, byKey: {}, staleIndex: 0, unreadable: 0 };
    for await (const rows of batchesOf(k, field, SCAN_BATCH)) {
      for (const row of rows) {
        s.total++;
        const keyId = keyIdOf(row.value) ?? '(malformed)';
        s.byKey[keyId] = (s.byKey[keyId] ?? 0) + 1;
        if (!field.index) {
          if (!ring.keys[keyId]) s.unreadable++;
          continue;
        }
        // Whether an index is current can only be told from the plaintext.
        try {
          const plain = decryptField(row.value, ring, field.context(row.id));
          if (row.idx !== blindIndex(phi.indexKey, field.index.purpose, plain)) s.staleIndex++;
        } catch {
          s.unreadable++;
        }
      }
    }
    out.push(s);
  }
  return out;
}

/** Values not on the active key plus index entries not under PHI_INDEX_KEY. */
export function remaining(statuses: FieldStatus[], activeKeyId: string): number {
  return statuses.reduce((n, s) => n + (s.total - (s.byKey[activeKeyId] ?? 0)) + s.staleIndex, 0);
}
