// `nilecare keys rotate`: every encrypted value onto the active PHI key, every blind index onto
// PHI_INDEX_KEY. Batched by primary key, one transaction per batch, and idempotent: each row is
// decrypted and re-sealed from its plaintext (never encrypted twice), and written only if it still
// holds what was read (compare-and-set), so an application write in between is never overwritten.
// A crash loses at most the batch in flight; running it again finishes the job.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { blindIndex, decryptField, encryptField } from '../field-crypto.ts';
import { batchesOf, keyIdOf, ringOf, type EncryptedField } from './encrypted-field.ts';

export interface FieldReport { field: string; scanned: number; reencrypted: number; reindexed: number; unreadable: number; changedMeanwhile: number }
export interface RotateOptions { batchSize: number; pauseMs: number; onBatch?: (report: FieldReport) => void }

export async function rotateKeys(db: Db, phi: Config['phi'], fields: EncryptedField[], opts: RotateOptions): Promise<FieldReport[]> {
  const reports: FieldReport[] = [];
  for (const field of fields) reports.push(await rotateField(db.kysely as unknown as Kysely<any>, phi, field, opts)); // eslint-disable-line @typescript-eslint/no-explicit-any -- tables named by their modules
  return reports;
}

async function rotateField(k: Kysely<any>, phi: Config['phi'], field: EncryptedField, opts: RotateOptions): Promise<FieldReport> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const ring = ringOf(phi);
  const report: FieldReport = { field: `${field.table}.${field.column}`, scanned: 0, reencrypted: 0, reindexed: 0, unreadable: 0, changedMeanwhile: 0 };
  for await (const rows of batchesOf(k, field, opts.batchSize)) {
    report.scanned += rows.length;
    const updates: { id: string; old: string; value: string; idx?: string }[] = [];
    for (const row of rows) {
      const stale = keyIdOf(row.value) !== ring.activeKeyId;
      if (!stale && !field.index) continue; // nothing to learn from decrypting it
      let plain: string;
      try {
        plain = decryptField(row.value, ring, field.context(row.id));
      } catch {
        report.unreadable++;
        continue;
      }
      const idx = field.index ? blindIndex(phi.indexKey, field.index.purpose, plain) : undefined;
      const reindex = field.index !== undefined && row.idx !== idx;
      if (!stale && !reindex) continue;
      updates.push({ id: row.id, old: row.value, value: stale ? encryptField(plain, ring, field.context(row.id)) : row.value, ...(reindex ? { idx } : {}) });
      if (stale) report.reencrypted++;
      if (reindex) report.reindexed++;
    }
    if (updates.length) {
      await k.transaction().execute(async (trx) => {
        for (const u of updates) {
          const set: Record<string, string> = { [field.column]: u.value, ...(u.idx !== undefined ? { [field.index!.column]: u.idx } : {}) };
          const r = await trx.updateTable(field.table).set(set).where('id', '=', u.id).where(field.column, '=', u.old).executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) report.changedMeanwhile++;
        }
      });
    }
    opts.onBatch?.(report);
    if (opts.pauseMs) await sleep(opts.pauseMs);
  }
  return report;
}
