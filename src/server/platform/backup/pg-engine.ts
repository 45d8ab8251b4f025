// PostgreSQL: `pg_dump --format=custom` takes one MVCC snapshot of the whole database while the
// application keeps working; `pg_restore --single-transaction` loads it all or nothing.
import { sql } from 'kysely';
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import type { BackupEngine } from './engine.ts';
import { connParams } from './connection.ts';
import { findProgram, programVersion, runTool, ToolError, type ToolCommand } from './tools.ts';

/** The tools' environment: libpq's PG* variables, the password in PGPASSWORD, nothing on argv. */
export function pgToolEnv(config: Config): { env: Record<string, string>; secrets: string[]; database: string } {
  const c = connParams(config.db);
  const env: Record<string, string> = { ...config.toolEnv, PGHOST: c.host, PGPORT: String(c.port), PGUSER: c.user, PGDATABASE: c.database, PGCONNECT_TIMEOUT: '10', PGAPPNAME: 'nilecare-backup' };
  if (c.password) env.PGPASSWORD = c.password;
  if (c.ssl) env.PGSSLMODE = 'verify-full'; // as the app: certificate and host name checked
  return { env, secrets: [c.password], database: c.database };
}

function program(config: Config, name: string): string {
  const found = findProgram([name], config.toolEnv);
  if (!found) throw new ToolError(`${name} was not found on PATH; install the PostgreSQL client (Debian: postgresql-client-15 or newer).`);
  return found;
}

const majorOf = (version: string) => Number(/(\d+)(?:\.\d+)?/.exec(version.replace(/^[^\d]*/, ''))?.[1] ?? 0);

export function pgEngine(config: Config, db: Db): BackupEngine {
  const { env, secrets, database } = pgToolEnv(config);
  const c = connParams(config.db);
  const tool = (name: string, args: string[]): ToolCommand => ({ command: program(config, name), args, env, secrets });
  return {
    content: 'pg-dump-custom',
    compression: 'none',
    target: `postgres://${c.user}@${c.host}:${c.port}/${database}`,

    async describeTool() {
      const version = await programVersion(program(config, 'pg_dump'), config.toolEnv);
      const server = (await sql<{ server_version_num: string }>`show server_version_num`.execute(db.kysely)).rows[0]!.server_version_num;
      const serverMajor = Math.floor(Number(server) / 10000);
      // pg_dump refuses (or worse, misreads) a server newer than itself.
      if (majorOf(version) < serverMajor) throw new ToolError(`${version} is older than the server (PostgreSQL ${serverMajor}); install postgresql-client-${serverMajor}.`);
      return `${version}, server ${serverMajor}`;
    },

    dump: (output: Writable) => runTool(tool('pg_dump', ['--format=custom', '--compress=6', '--no-owner', '--no-privileges']), config.backup.timeoutMs, { output }).then(() => undefined),

    async isEmpty() {
      const r = await sql<{ n: number }>`select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'S') and s.nspname not in ('pg_catalog', 'information_schema') and s.nspname not like 'pg_toast%'`.execute(db.kysely);
      return Number(r.rows[0]!.n) === 0;
    },

    async clear() {
      await sql`drop schema if exists public cascade`.execute(db.kysely);
      await sql`create schema public`.execute(db.kysely);
    },

    restore: (input: Readable) => runTool(tool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${database}`]), config.backup.timeoutMs, { input }).then(() => undefined),
  };
}
