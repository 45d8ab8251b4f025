// Loading a full ICD-10-CM release into the ICD-10 catalogue. The file is read twice: once to
// check every line (a damaged file writes nothing), then in batches, each batch upserted in its
// own transaction. An import stopped part-way is finished by running it again: every batch is an
// upsert, so the batches already written are simply written again. English titles, billable
// flags and the source are replaced; an Arabic title already in the catalogue is kept.
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DbClient } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../platform/ids.ts';
import { upsertEntries, type Icd10Row } from './catalogue-store.ts';
import { readOrderFile, type OrderFileEntry } from './icd10-order-file.ts';

export interface Icd10ImportOptions {
  /** Also load header codes (flag 0), marked not billable; by default only billable codes. */
  includeHeaders?: boolean;
  batchSize?: number;
  /** Recorded as each row's source; by default icd10cm-YYYY from the file name. */
  source?: string;
  afterBatch?: (written: number) => void | Promise<void>;
}

export interface Icd10ImportResult { lines: number; written: number; skippedHeaders: number; source: string }

export function sourceOf(file: string): string {
  const year = /icd10cm_order_(\d{4})/i.exec(path.basename(file))?.[1];
  return year ? `icd10cm-${year}` : 'icd10cm';
}

export async function importIcd10OrderFile(db: Kysely<Database>, client: DbClient, file: string, opts: Icd10ImportOptions = {}): Promise<Icd10ImportResult> {
  const source = opts.source ?? sourceOf(file);
  const batchSize = opts.batchSize ?? 1000;
  const wanted = (e: OrderFileEntry) => e.billable || opts.includeHeaders === true;
  let lines = 0;
  let skippedHeaders = 0;
  for await (const entry of readOrderFile(file)) {
    lines += 1;
    if (!wanted(entry)) skippedHeaders += 1;
  }

  let written = 0;
  let batch: Icd10Row[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    await db.transaction().execute((trx) => upsertEntries(trx, client, 'icd10', rows, ['title_en', 'billable', 'source', 'updated_at']));
    written += rows.length;
    await opts.afterBatch?.(written);
  };
  const at = nowIso();
  for await (const entry of readOrderFile(file)) {
    if (!wanted(entry)) continue;
    batch.push({ code: entry.code, title_en: entry.title, title_ar: null, billable: entry.billable ? 1 : 0, source, updated_at: at });
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { lines, written, skippedHeaders, source };
}
