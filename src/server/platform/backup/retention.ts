// Retention, applied only after a backup succeeded: a backup is deleted when it is older than
// BACKUP_RETENTION_DAYS *and* not among the newest BACKUP_RETENTION_COUNT of its database. So a
// run of failed nights never deletes the last good backups, and nothing else in the folder is touched.
import fs from 'node:fs';
import path from 'node:path';
import { listBackups, manifestPath, type BackupManifest } from './manifest.ts';

export interface Retention { days: number; count: number }

/** The backups (newest first, one database) that the policy lets go. */
export function expired<T extends { manifest: Pick<BackupManifest, 'createdAt'> }>(backups: T[], policy: Retention, now: Date): T[] {
  const cutoff = now.getTime() - policy.days * 86_400_000;
  return backups.filter((b, i) => i >= policy.count && Date.parse(b.manifest.createdAt) < cutoff);
}

/** Deletes expired backups of the same database as `latest`; answers the files deleted. */
export function prune(dir: string, latest: BackupManifest, policy: Retention, now = new Date()): string[] {
  const same = listBackups(dir).filter((b) => b.manifest.dbClient === latest.dbClient && b.manifest.dbName === latest.dbName);
  const gone = expired(same, policy, now);
  for (const b of gone) {
    fs.rmSync(b.file, { force: true });
    fs.rmSync(manifestPath(b.file), { force: true });
  }
  return gone.map((b) => path.basename(b.file));
}
