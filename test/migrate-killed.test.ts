// A migration killed midway (SIGKILL in the middle of its statements, as kill -9 during a first
// start did) leaves a database that the next `migrate up` completes, on every database. Before,
// SQLite was left with half a migration applied and unrecorded, and every later start failed with
// 'table "patients" already exists'; MySQL the same.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { eachDialect, TEST_SECRETS } from './support/app.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase, type Db } from '../src/server/db/connect.ts';
import { migrateDown, migrateUp, migrationStatus } from '../src/server/db/migrate.ts';
import { migrations } from '../src/server/db/migrations/index.ts';

const CHILD = path.resolve(import.meta.dirname, 'fixtures/migrate-then-die.ts');
const ALL = Object.keys(migrations);

// Where to die: after the patients table and one of its indexes; after some of the columns the
// identity migration adds to users (MySQL cannot add a column twice).
const CASES = [
  { migration: '2026-11-25T1700_patients', after: 2, tables: ['patients', 'patient_name_keys', 'patient_mrn_counters'] },
  { migration: '2026-11-25T1600_identity', after: 4, tables: ['refresh_tokens', 'mfa_recovery_codes', 'audit_chain_head'] },
];

function runChild(env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [CHILD], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

eachDialect((dialect) => {
  for (const c of CASES) {
    describe(`killed in ${c.migration} after ${c.after} statements`, () => {
      let database: TestDatabase;
      let env: Record<string, string>;
      let db: Db;
      before(async () => {
        database = await createTestDatabase(dialect);
        env = { NODE_ENV: 'test', ...TEST_SECRETS, ...database.env };
        db = connectDatabase(parseConfig(env).db, { statementTimeout: false });
      });
      after(async () => {
        await db?.destroy();
        await database?.drop();
      });

      test('the next migrate up completes it, and the schema is whole', async () => {
        const died = await runChild({ ...env, DIE_IN: c.migration, DIE_AFTER: String(c.after) });
        assert.equal(died.signal, 'SIGKILL', died.stderr);

        const before = await migrationStatus(db);
        const at = ALL.indexOf(c.migration);
        assert.deepEqual(before.filter((s) => s.executedAt).map((s) => s.name), ALL.slice(0, at), 'the migrations before it stayed applied');
        assert.equal(before[at]!.interrupted, dialect.client === 'mysql', 'MySQL knows it was interrupted; elsewhere nothing of it is left');

        assert.deepEqual(await migrateUp(db), ALL.slice(at).map((n) => `applied ${n}`));
        const after = await migrationStatus(db);
        assert.ok(after.every((s) => s.executedAt && !s.interrupted));
        for (const table of c.tables) await sql`select count(*) from ${sql.table(table)}`.execute(db.kysely);

        // Whole means it can also be taken down and built up again like a fresh one.
        while ((await migrationStatus(db)).some((s) => s.executedAt)) await migrateDown(db);
        assert.deepEqual(await migrateUp(db), ALL.map((n) => `applied ${n}`));
      });
    });
  }
});
