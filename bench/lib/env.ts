// The environment both servers run with: a dedicated bench database per dialect, a known admin,
// and limits high enough that the load generator is not rate limited.
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import mysql from 'mysql2/promise';

export const ADMIN = { email: 'bench-admin@nilecare.local', password: 'Nile-Load-Test-Key-2026' };
// BENCH_DB_NAME lets two checkouts on one machine keep their bench databases apart; `name` names
// the database (and the SQLite folder), so separate benchmarks keep separate data.
const DEFAULT_DB_NAME = process.env.BENCH_DB_NAME ?? 'nilecare_bench';

export async function benchEnv(client: 'sqlite' | 'postgres' | 'mysql', DB_NAME = DEFAULT_DB_NAME): Promise<Record<string, string>> {
  const dataDir = path.resolve(DB_NAME === 'nilecare_bench' ? `bench/.data/${client}` : `bench/.data/${DB_NAME}/${client}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const common = {
    NODE_ENV: 'development', LOG_LEVEL: 'info', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1',
    RATE_LIMIT_MAX: '1000000', NILECARE_ADMIN_EMAIL: ADMIN.email, NILECARE_ADMIN_PASSWORD: ADMIN.password,
    DB_POOL_MAX: '10',
  };
  if (client === 'sqlite') return { ...common, DB_CLIENT: 'sqlite' };
  if (client === 'postgres') {
    const admin = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    const exists = await c.query('select 1 from pg_database where datname = $1', [DB_NAME]);
    if (exists.rowCount === 0) await c.query(`create database ${DB_NAME}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${DB_NAME}`;
    return { ...common, DB_CLIENT: 'postgres', DATABASE_URL: url.toString() };
  }
  const admin = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
  const c = await mysql.createConnection(admin);
  await c.query(`create database if not exists ${DB_NAME} character set utf8mb4 collate utf8mb4_bin`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${DB_NAME}`;
  return { ...common, DB_CLIENT: 'mysql', DATABASE_URL: url.toString() };
}
