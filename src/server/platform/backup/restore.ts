// Restoring: nothing touches the target until the backup has proven itself — its SHA-256 matches
// the manifest, its header matches this database, and every chunk decrypts and authenticates
// under BACKUP_ENCRYPTION_KEYS (a full pass whose output is thrown away). Only then is the target,
// which must be empty unless --force, loaded from a second pass.
import fs from 'node:fs';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createZstdDecompress } from 'node:zlib';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { DecryptStream, parseHeader, type BackupHeader } from './container.ts';
import { fileSha256, readManifest, type BackupManifest } from './manifest.ts';
import { backupKeys, engineFor } from './backup.ts';

export class RestoreRefused extends Error {}

function readHeader(file: string): BackupHeader {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65_536 + 12);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const parsed = parseHeader(buf.subarray(0, n));
    if (!parsed) throw new RestoreRefused('The backup file is truncated (no complete header).');
    return parsed.header;
  } finally {
    fs.closeSync(fd);
  }
}

/** The decrypted (and decompressed) plaintext of a backup, as a stream. */
export function openPlaintext(config: Config, file: string, header: BackupHeader): Readable {
  const decrypt = new DecryptStream(backupKeys(config));
  const source = fs.createReadStream(file);
  if (header.compression !== 'zstd') {
    source.on('error', (err) => decrypt.destroy(err));
    return source.pipe(decrypt);
  }
  const inflate = createZstdDecompress();
  // Errors anywhere in the chain surface on the stream the caller reads.
  pipeline(source, decrypt, inflate).catch((err: unknown) => inflate.destroy(err as Error));
  return inflate;
}

/** Checks a backup end to end without a target: checksum, header, every chunk. Answers its manifest. */
export async function verifyBackup(config: Config, file: string): Promise<{ manifest: BackupManifest; header: BackupHeader; plaintextBytes: number }> {
  if (!fs.existsSync(file)) throw new RestoreRefused(`No such backup file: ${file}`);
  const manifest = readManifest(file);
  const sha = await fileSha256(file);
  if (sha !== manifest.sha256) throw new RestoreRefused(`Checksum mismatch: the backup file's SHA-256 is ${sha}, its manifest says ${manifest.sha256}. The file was altered or damaged; use another backup.`);
  const header = readHeader(file);
  const ring = backupKeys(config);
  if (!ring.keys[header.keyId]) throw new RestoreRefused(`The backup was encrypted with key "${header.keyId}", which is not in BACKUP_ENCRYPTION_KEYS.`);
  let plaintextBytes = 0;
  try {
    await pipeline(openPlaintext(config, file, header), new Writable({ write(chunk: Buffer, _e, done) { plaintextBytes += chunk.length; done(); } }));
  } catch (err) {
    throw new RestoreRefused(err instanceof Error ? err.message : String(err));
  }
  return { manifest, header, plaintextBytes };
}

export interface RestoreResult { target: string; header: BackupHeader; replaced: boolean; note?: string; seconds: number }

/** `connect` opens the target server database (not called for SQLite, whose file is replaced whole). */
export async function restoreBackup(config: Config, file: string, opts: { force: boolean; connect: () => Db }): Promise<RestoreResult> {
  const started = Date.now();
  const { header } = await verifyBackup(config, file);
  if (header.dbClient !== config.db.client) {
    throw new RestoreRefused(`This is a ${header.dbClient} backup; the configured database is ${config.db.client}. Restore it into a ${header.dbClient} database.`);
  }
  const db = config.db.client === 'sqlite' ? undefined : opts.connect();
  try {
    const engine = engineFor(config, db);
    const empty = await engine.isEmpty();
    if (!empty && !opts.force) {
      throw new RestoreRefused(`The target ${engine.target} is not empty. Restore into an empty database, or pass --force to replace everything in it.`);
    }
    const note = empty ? undefined : (await engine.clear()) ?? undefined;
    await engine.restore(openPlaintext(config, file, header));
    return { target: engine.target, header, replaced: !empty, note, seconds: (Date.now() - started) / 1000 };
  } finally {
    await db?.destroy();
  }
}
