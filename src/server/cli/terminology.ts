// `nilecare terminology import icd10 FILE [--all] [--batch-size N]`: loads a full ICD-10-CM
// release (the NCHS order file) into the diagnosis catalogue, beside the curated codes shipped
// with the project. Needs only the database; the running servers see the new codes at once.
import type { Config } from '../config.ts';
import { AuditLog } from '../platform/audit/audit-log.ts';
import { importIcd10, OrderFileError } from '../modules/terminology/index.ts';
import { refreshStatistics } from '../db/statistics.ts';
import { openRuntime, closeRuntime, ensureSchema } from './runtime.ts';

const USAGE = 'usage: nilecare terminology import icd10 FILE [--all] [--batch-size N]\n'
  + '  FILE   an ICD-10-CM order file as NCHS publishes it (icd10cm_order_YYYY.txt)\n'
  + '  --all  also load the header (non-billable) codes; by default only billable codes';

function parseArgs(args: string[]): { file: string; includeHeaders: boolean; batchSize: number } | null {
  const [action, kind, file, ...rest] = args;
  if (action !== 'import' || kind !== 'icd10' || !file || file.startsWith('--')) return null;
  let includeHeaders = false;
  let batchSize = 1000;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--all') includeHeaders = true;
    else if (rest[i] === '--batch-size' && /^\d+$/.test(rest[i + 1] ?? '') && Number(rest[i + 1]) >= 1 && Number(rest[i + 1]) <= 5000) batchSize = Number(rest[++i]);
    else return null;
  }
  return { file, includeHeaders, batchSize };
}

export async function runTerminology(config: Config, args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    console.error(USAGE);
    return 2;
  }
  const rt = await openRuntime({ ...config, redisUrl: undefined });
  try {
    await ensureSchema(rt);
    const result = await importIcd10(rt.db.kysely, rt.config.db.client, parsed.file, { includeHeaders: parsed.includeHeaders, batchSize: parsed.batchSize });
    await refreshStatistics(rt.db, ['terminology_icd10', 'terminology_search_keys']);
    await new AuditLog(rt.db).record({ action: 'terminology.import', targetType: 'terminology_icd10', details: { ...result, file: parsed.file } });
    const headers = parsed.includeHeaders ? '' : `, ${result.skippedHeaders} header codes skipped (--all loads them)`;
    console.log(`ICD-10 import: ${result.lines} lines read, ${result.written} codes written as ${result.source}${headers}`);
    return 0;
  } catch (err) {
    if (err instanceof OrderFileError || (err as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`ICD-10 import refused, nothing written: ${(err as Error).message}`);
      return 1;
    }
    throw err;
  } finally {
    await closeRuntime(rt);
  }
}
