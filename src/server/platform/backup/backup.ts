// Taking a backup: the database's own snapshot tool → zstd (where it helps) → encryption → a
// `.partial` file that becomes the backup only when every step succeeded; then its manifest, then
// retention. A failed backup leaves nothing behind and deletes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createZstdCompress } from 'node:zlib';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { migrationStatus } from '../../db/migrate.ts';
import { EncryptStream, newHeader } from './container.ts';
import type { BackupEngine } from './engine.ts';
import { BACKUP_EXT, HashTap, writeManifest, type BackupManifest } from './manifest.ts';
import { prune } from './retention.ts';
import { pgEngine } from './pg-engine.ts';
import { mysqlEngine } from './mysql-engine.ts';
import { sqliteEngine } from './sqlite-engine.ts';
import { connParams } from './connection.ts';

export class BackupConfigError extends Error {}

export function engineFor(config: Config, db: Db | undefined): BackupEngine {
  if (config.db.client === 'sqlite') return sqliteEngine(config);
  if (!db) throw new Error('a database connection is needed');
  return config.db.client === 'postgres' ? pgEngine(config, db) : mysqlEngine(config, db);
}

export function backupKeys(config: Config) {
  if (!config.backup.keys) throw new BackupConfigError('BACKUP_ENCRYPTION_KEYS is not set: backups are always encrypted. Generate a key with `node -e "console.log(\'b1:\' + require(\'crypto\').randomBytes(32).toString(\'base64\'))"` and keep a copy away from the backups.');
  return config.backup.keys;
}

export const dbNameOf = (config: Config) => (config.db.client === 'sqlite' ? path.basename(config.db.sqliteFile).replace(/\.sqlite$/, '') : connParams(config.db).database);

export interface BackupResult { file: string; manifest: BackupManifest; pruned: string[]; seconds: number }

export async function createBackup(config: Config, db: Db): Promise<BackupResult> {
  const started = Date.now();
  const ring = backupKeys(config);
  const engine = engineFor(config, db);
  const tool = await engine.describeTool();
  const applied = (await migrationStatus(db)).filter((m) => m.executedAt);
  const createdAt = new Date().toISOString();
  const dbName = dbNameOf(config);
  const header = newHeader(ring, {
    compression: engine.compression, content: engine.content, dbClient: config.db.client, dbName, tool, createdAt,
    migration: applied.at(-1)?.name ?? null,
  });

  fs.mkdirSync(config.backup.dir, { recursive: true, mode: 0o700 });
  const stamp = createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = path.join(config.backup.dir, `nilecare-${config.db.client}-${dbName.replace(/[^\w.-]/g, '_')}-${stamp}${BACKUP_EXT}`);
  const partial = `${file}.partial`;
  const head = new PassThrough();
  const stages: Transform[] = engine.compression === 'zstd' ? [createZstdCompress({ params: { [constants.ZSTD_c_compressionLevel]: 3 } })] : [];
  const tap = new HashTap();
  try {
    await Promise.all([
      engine.dump(head),
      pipeline([head, ...stages, new EncryptStream(ring, header), tap, fs.createWriteStream(partial, { mode: 0o600 })]),
    ]);
    fs.renameSync(partial, file);
  } catch (err) {
    head.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
  const manifest: BackupManifest = {
    file: path.basename(file), bytes: tap.bytes, sha256: tap.digest(), createdAt, dbClient: header.dbClient, dbName,
    content: header.content, keyId: header.keyId, tool, migration: header.migration,
  };
  writeManifest(file, manifest);
  const pruned = prune(config.backup.dir, manifest, { days: config.backup.retentionDays, count: config.backup.retentionCount });
  return { file, manifest, pruned, seconds: (Date.now() - started) / 1000 };
}
