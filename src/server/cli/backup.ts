// `nilecare backup`, `nilecare backup verify FILE`, `nilecare backup list` and
// `nilecare restore FILE [--force]` (docs/operations.md, "Backups and restores").
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { connectDatabase, type Db } from '../db/connect.ts';
import { BackupConfigError, createBackup } from '../platform/backup/backup.ts';
import { RestoreRefused, restoreBackup, verifyBackup } from '../platform/backup/restore.ts';
import { listBackups } from '../platform/backup/manifest.ts';
import { ToolError } from '../platform/backup/tools.ts';
import { BackupFormatError } from '../platform/backup/container.ts';

const USAGE = `usage: nilecare backup [--dir DIR]      encrypted backup of the configured database
       nilecare backup verify FILE      checksum, header and every chunk; touches no database
       nilecare backup list [--dir DIR] backups in BACKUP_DIR, newest first
       nilecare restore FILE [--force]  into the configured (empty) database`;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

/** Known failures print one clear message and exit 1; anything else is a bug and keeps its stack. */
async function reporting(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof BackupConfigError || err instanceof RestoreRefused || err instanceof ToolError || err instanceof BackupFormatError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

export async function runBackup(config: Config, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { dir: { type: 'string' } } });
  const cfg = values.dir ? { ...config, backup: { ...config.backup, dir: values.dir } } : config;
  const [action, file] = positionals;
  if (action === 'verify' && file) {
    return reporting(async () => {
      const { manifest, plaintextBytes } = await verifyBackup(cfg, file);
      console.log(`backup OK: ${manifest.dbClient} database "${manifest.dbName}" of ${manifest.createdAt}, key ${manifest.keyId}, migration ${manifest.migration ?? 'none'}, ${mb(manifest.bytes)} encrypted, ${mb(plaintextBytes)} dump`);
      return 0;
    });
  }
  if (action === 'list') {
    for (const { file: f, manifest: m } of listBackups(cfg.backup.dir)) console.log(`${m.createdAt}  ${m.dbClient}/${m.dbName}  ${mb(m.bytes).padStart(10)}  key ${m.keyId}  ${f}`);
    return 0;
  }
  if (action !== undefined) {
    console.error(USAGE);
    return 2;
  }
  return reporting(async () => {
    const db = connectDatabase(cfg.db, { statementTimeout: false });
    try {
      const r = await createBackup(cfg, db);
      console.log(`backup written: ${r.file} (${mb(r.manifest.bytes)}, ${r.seconds.toFixed(1)} s, key ${r.manifest.keyId}, sha256 ${r.manifest.sha256})`);
      console.log(`  manifest: ${r.file}.json; tool: ${r.manifest.tool}`);
      if (r.pruned.length) console.log(`  retention removed: ${r.pruned.join(', ')}`);
      return 0;
    } finally {
      await db.destroy();
    }
  });
}

export async function runRestore(config: Config, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  return reporting(async () => {
    const r = await restoreBackup(config, positionals[0]!, { force: values.force, connect: () => connectDatabase(config.db, { statementTimeout: false }) });
    console.log(`restored ${r.header.dbClient} backup of ${r.header.createdAt} into ${r.target}${r.replaced ? ` (replacing what was there${r.note ? `; ${r.note}` : ''})` : ''} in ${r.seconds.toFixed(1)} s`);
    const db = connectDatabase(config.db, { statementTimeout: false });
    try {
      for (const line of await tableCounts(db)) console.log(`  ${line}`);
    } finally {
      await db.destroy();
    }
    console.log(`The backup was taken at migration ${r.header.migration ?? 'none'}. Next: nilecare migrate status, then nilecare audit verify.`);
    return 0;
  });
}

async function tableCounts(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: false });
  const lines: string[] = [];
  for (const t of tables.filter((t) => !t.isView).sort((a, b) => a.name.localeCompare(b.name))) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(db.kysely);
    lines.push(`${t.name}: ${Number(r.rows[0]!.n)} rows`);
  }
  return lines;
}
