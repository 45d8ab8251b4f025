// The sidecar manifest beside every backup file (`<file>.json`): what the backup holds and the
// SHA-256 of the encrypted file, checked before a restore reads a byte of it. It holds no secret
// and no patient data, so it can sit in plain sight next to the backup.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { BackupHeader } from './container.ts';

export interface BackupManifest {
  file: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  dbClient: BackupHeader['dbClient'];
  dbName: string;
  content: BackupHeader['content'];
  keyId: string;
  tool: string;
  migration: string | null;
}

export const BACKUP_EXT = '.ncbk';
export const manifestPath = (file: string) => `${file}.json`;

/** Passes bytes through, hashing and counting them. */
export class HashTap extends Transform {
  readonly #hash = createHash('sha256');
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.#hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
  digest(): string {
    return this.#hash.digest('hex');
  }
}

export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function writeManifest(file: string, manifest: BackupManifest): void {
  const tmp = `${manifestPath(file)}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, manifestPath(file));
}

export function readManifest(file: string): BackupManifest {
  const where = manifestPath(file);
  if (!fs.existsSync(where)) throw new Error(`No manifest ${path.basename(where)} beside the backup: copy it together with the backup file (it holds the checksum).`);
  const m = JSON.parse(fs.readFileSync(where, 'utf8')) as BackupManifest;
  if (typeof m.sha256 !== 'string' || typeof m.createdAt !== 'string') throw new Error(`${path.basename(where)} is not a NileCare backup manifest.`);
  return m;
}

/** Every backup in `dir` that has a manifest, newest first. */
export function listBackups(dir: string): { file: string; manifest: BackupManifest }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((name) => name.endsWith(BACKUP_EXT) && fs.existsSync(path.join(dir, manifestPath(name))))
    .flatMap((name) => {
      try {
        return [{ file: path.join(dir, name), manifest: readManifest(path.join(dir, name)) }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
}
