// SQLite: the online backup API copies a consistent snapshot of the live database (WAL mode lets
// the application keep writing meanwhile). A restore is written beside the target, checked, and
// renamed into place, so a failed restore never leaves half a database file.
import { DatabaseSync, backup } from 'node:sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../../config.ts';
import type { BackupEngine } from './engine.ts';

// Every page in one step: the copy is then one read transaction, a consistent snapshot. (In
// smaller steps SQLite restarts the copy whenever the application writes, and may never finish.)
const ALL_PAGES = 2 ** 31 - 1;
const SIDE_FILES = ['', '-wal', '-shm'];

export function sqliteEngine(config: Config): BackupEngine {
  const file = config.db.sqliteFile;
  return {
    content: 'sqlite-database',
    compression: 'zstd',
    target: file,
    describeTool: async () => `node:sqlite online backup (Node ${process.versions.node}, SQLite ${process.versions.sqlite})`,

    async dump(output: Writable) {
      if (!fs.existsSync(file)) throw new Error(`There is no database at ${file}.`);
      const dir = fs.mkdtempSync(path.join(config.backup.dir, '.snapshot-'));
      try {
        const copy = path.join(dir, 'snapshot.sqlite');
        const source = new DatabaseSync(file);
        try {
          source.exec('PRAGMA busy_timeout = 5000');
          await backup(source, copy, { rate: ALL_PAGES });
        } finally {
          source.close();
        }
        // A self-contained file: no -wal beside it to forget.
        const snap = new DatabaseSync(copy);
        snap.exec('PRAGMA journal_mode = DELETE');
        snap.close();
        await pipeline(fs.createReadStream(copy), output);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },

    async isEmpty() {
      if (!fs.existsSync(file)) return true;
      const db = new DatabaseSync(file, { readOnly: true });
      try {
        const row = db.prepare("select count(*) as n from sqlite_master where type in ('table', 'view') and name not like 'sqlite_%'").get() as { n: number };
        return Number(row.n) === 0;
      } finally {
        db.close();
      }
    },

    async clear() {
      // Kept, not deleted: the operator asked to replace this database, not to lose it.
      const aside = `${file}.replaced-${new Date().toISOString().replace(/[:.]/g, '')}`;
      for (const suffix of SIDE_FILES) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
      return `the database that was there is kept as ${aside}`;
    },

    async restore(input: Readable) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const incoming = `${file}.restoring`;
      try {
        await pipeline(input, fs.createWriteStream(incoming, { mode: 0o600 }));
        const db = new DatabaseSync(incoming);
        try {
          const check = db.prepare('PRAGMA quick_check').get() as Record<string, string>;
          if (Object.values(check)[0] !== 'ok') throw new Error(`The restored database failed SQLite's quick_check: ${JSON.stringify(check)}`);
        } finally {
          db.close();
        }
        for (const suffix of SIDE_FILES.slice(1)) fs.rmSync(file + suffix, { force: true });
        fs.renameSync(incoming, file);
      } finally {
        fs.rmSync(incoming, { force: true });
      }
    },
  };
}
