// A fingerprint of a whole database: per table, its row count and a SHA-256 over its rows, each
// serialised and the list sorted, so two copies compare equal exactly when they hold the same rows.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/connect.ts';

export type TableChecksums = Record<string, { rows: number; sha256: string }>;

export async function tableChecksums(db: Db): Promise<TableChecksums> {
  const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
  const out: TableChecksums = {};
  for (const t of tables.filter((t) => !t.isView).sort((a, b) => a.name.localeCompare(b.name))) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(db.kysely)).rows;
    const lines = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]]))).sort();
    out[t.name] = { rows: rows.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return out;
}
