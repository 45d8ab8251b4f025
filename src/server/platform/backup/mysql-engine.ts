// MySQL 8 / MariaDB: `mysqldump --single-transaction` (or mariadb-dump) reads every InnoDB table
// in one consistent snapshot without locking the application out. The password goes in a
// private option file, never on the command line.
import { sql } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import type { BackupEngine } from './engine.ts';
import { connParams } from './connection.ts';
import { findProgram, programVersion, runTool, ToolError } from './tools.ts';

/** A [client] option file readable only by this user, removed when `use` finishes. */
export async function withOptionFile<T>(config: Config, use: (file: string) => Promise<T>): Promise<T> {
  const c = connParams(config.db);
  const dir = fs.mkdtempSync(path.join(config.toolEnv.TMPDIR ?? os.tmpdir(), 'nilecare-my-'));
  const file = path.join(dir, 'client.cnf');
  const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  try {
    fs.writeFileSync(file, ['[client]', `host=${quote(c.host)}`, `port=${c.port}`, `user=${quote(c.user)}`, `password=${quote(c.password)}`, ''].join('\n'), { mode: 0o600 });
    return await use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Drops the DEFINER clause mysqldump writes on every trigger (`root`@`localhost`, say), so the
 * dump restores as the application's own user, who may not create objects for someone else.
 */
export class StripDefiners extends Transform {
  #partial = '';
  // A chunk may end inside a multi-byte character (Arabic text in the rows); decoding each chunk
  // on its own turned both halves into U+FFFD and corrupted the backup.
  #decoder = new StringDecoder('utf8');
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const text = this.#partial + this.#decoder.write(chunk);
    const cut = text.lastIndexOf('\n') + 1;
    this.#partial = text.slice(cut);
    if (cut) this.push(strip(text.slice(0, cut)));
    done();
  }
  override _flush(done: TransformCallback): void {
    this.#partial += this.#decoder.end();
    if (this.#partial) this.push(strip(this.#partial));
    done();
  }
}

const strip = (lines: string) => lines.replace(/\/\*!50017 DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`\s*\*\/ ?/g, '');

export function mysqlEngine(config: Config, db: Db): BackupEngine {
  const c = connParams(config.db);
  const programs = (names: string[]) => {
    const found = findProgram(names, config.toolEnv);
    if (!found) throw new ToolError(`${names.join(' or ')} was not found on PATH; install the MariaDB or MySQL client (Debian: mariadb-client).`);
    return found;
  };
  let mariaDbTools = true;
  const tlsArgs = () => (!c.ssl ? [] : mariaDbTools ? ['--ssl', '--ssl-verify-server-cert'] : ['--ssl-mode=VERIFY_IDENTITY']);
  const secrets = [c.password];
  return {
    content: 'mysql-dump-sql',
    compression: 'zstd',
    target: `mysql://${c.user}@${c.host}:${c.port}/${c.database}`,

    async describeTool() {
      const version = await programVersion(programs(['mariadb-dump', 'mysqldump']), config.toolEnv);
      mariaDbTools = /mariadb/i.test(version);
      return version;
    },

    dump: (output: Writable) => withOptionFile(config, async (file) => {
      const args = [
        `--defaults-extra-file=${file}`, '--single-transaction', '--skip-lock-tables', '--skip-add-locks', '--triggers', '--hex-blob',
        '--default-character-set=utf8mb4', '--no-tablespaces', ...(mariaDbTools ? [] : ['--set-gtid-purged=OFF', '--column-statistics=0']),
        ...tlsArgs(), c.database,
      ];
      const strip = new StripDefiners();
      await Promise.all([
        runTool({ command: programs(['mariadb-dump', 'mysqldump']), args, env: config.toolEnv, secrets }, config.backup.timeoutMs, { output: strip }),
        pipeline(strip, output),
      ]);
    }),

    async isEmpty() {
      const r = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = database()`.execute(db.kysely);
      return Number(r.rows[0]!.n) === 0;
    },

    async clear() {
      const tables = await sql<{ name: string; type: string }>`select table_name as name, table_type as type from information_schema.tables where table_schema = database()`.execute(db.kysely);
      await db.kysely.connection().execute(async (conn) => {
        await sql`set foreign_key_checks = 0`.execute(conn);
        for (const t of tables.rows) await sql`drop ${sql.raw(t.type === 'VIEW' ? 'view' : 'table')} if exists ${sql.id(t.name)}`.execute(conn);
        await sql`set foreign_key_checks = 1`.execute(conn);
      });
    },

    restore: (input: Readable) => withOptionFile(config, async (file) => {
      const client = programs(['mariadb', 'mysql']);
      mariaDbTools = /mariadb/i.test(await programVersion(client, config.toolEnv));
      const args = [`--defaults-extra-file=${file}`, '--default-character-set=utf8mb4', '--binary-mode', ...tlsArgs(), c.database];
      await runTool({ command: client, args, env: config.toolEnv, secrets }, config.backup.timeoutMs, { input });
    }),
  };
}
