// A fresh, empty database per test file and dialect, so test files can run in parallel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import mysql from 'mysql2/promise';
import type { TestDialect } from './dialects.ts';

export interface TestDatabase { env: Record<string, string>; drop(): Promise<void> }

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const name = `nc_test_${randomBytes(5).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-test-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });

  if (dialect.client === 'sqlite') {
    return { env: { DB_CLIENT: 'sqlite', DATA_DIR: dataDir }, drop: async () => removeDir() };
  }
  const url = new URL(dialect.adminUrl!);
  if (dialect.client === 'postgres') {
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    url.pathname = `/${name}`;
    return {
      env: { DB_CLIENT: 'postgres', DATABASE_URL: url.toString(), DATA_DIR: dataDir },
      drop: async () => {
        const c = new pg.Client({ connectionString: dialect.adminUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
        removeDir();
      },
    };
  }
  const admin = await mysql.createConnection(url.toString());
  await admin.query(`create database ${name} character set utf8mb4 collate utf8mb4_bin`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    env: { DB_CLIENT: 'mysql', DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    drop: async () => {
      const c = await mysql.createConnection(dialect.adminUrl!);
      await c.query(`drop database if exists ${name}`);
      await c.end();
      removeDir();
    },
  };
}
