// Migrations on every dialect: status on a fresh database, up, down one, down to empty and up
// again (every migration is reversible), and the audit log being append-only in the database.
// The tests run in order on one database per dialect; each step starts where the last one left it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { parseConfig } from '../config.ts';
import { connectDatabase, type Db } from './connect.ts';
import { migrateUp, migrateDown, migrationStatus, pendingMigrations } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { uuidv7, nowIso } from '../platform/ids.ts';
import { eachDialect, TEST_SECRETS } from '../../../test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';

const ALL = Object.keys(migrations);
const NEWEST = ALL[ALL.length - 1]!;
const PLATFORM_TABLES = ['facilities', 'users', 'memberships', 'audit_events', 'outbox', 'worker_heartbeats'] as const;

eachDialect((dialect) => {
  let database: TestDatabase;
  let db: Db;
  before(async () => {
    database = await createTestDatabase(dialect);
    db = connectDatabase(parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, ...database.env }).db);
  });
  after(async () => {
    await db?.destroy();
    await database?.drop();
  });

  async function tablesAnswer(): Promise<Record<string, boolean>> {
    const out: Record<string, boolean> = {};
    for (const table of PLATFORM_TABLES) {
      out[table] = await db.kysely.selectFrom(table).select(sql`1`.as('one')).limit(1).execute().then(() => true, () => false);
    }
    return out;
  }

  async function assertAuditAppendOnly() {
    const id = uuidv7();
    const seq = Date.now(); // unique per call within this database
    await db.kysely.insertInto('audit_events').values({
      id, seq, occurred_at: nowIso(), actor_id: null, action: 'test.write', outcome: 'success',
      facility_id: null, patient_id: null, target_type: null, target_id: null, ip: null, user_agent: null,
      request_id: null, details: null, prev_hash: '0'.repeat(64), hash: 'a'.repeat(64),
    }).execute();
    await assert.rejects(sql`update audit_events set action = ${'test.tampered'} where id = ${id}`.execute(db.kysely), /append-only/);
    await assert.rejects(sql`delete from audit_events where id = ${id}`.execute(db.kysely), /append-only/);
    await assert.rejects(sql`delete from audit_events`.execute(db.kysely), /append-only/);
    const row = await db.kysely.selectFrom('audit_events').select(['action', 'hash']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual({ ...row }, { action: 'test.write', hash: 'a'.repeat(64) }); // node:sqlite rows have a null prototype
  }

  test('a fresh database has every migration pending and no tables', async () => {
    assert.ok(ALL.length > 0);
    const status = await migrationStatus(db);
    assert.deepEqual(status.map((s) => s.name), ALL);
    assert.ok(status.every((s) => s.executedAt === null));
    assert.deepEqual(await pendingMigrations(db), ALL);
    assert.deepEqual(Object.values(await tablesAnswer()), PLATFORM_TABLES.map(() => false));
  });

  test('migrateUp applies all of them in order', async () => {
    const before = Date.now();
    assert.deepEqual(await migrateUp(db), ALL.map((n) => `applied ${n}`));
    const status = await migrationStatus(db);
    assert.deepEqual(status.map((s) => s.name), ALL);
    for (const s of status) {
      assert.ok(s.executedAt instanceof Date, `${s.name} has an execution date`);
      assert.ok(!Number.isNaN(s.executedAt.getTime()));
      // Stored with at most second precision on some dialects, so compare with a second's slack.
      assert.ok(s.executedAt.getTime() >= before - 1000, `${s.name} was applied now, not ${s.executedAt.toISOString()}`);
    }
    assert.deepEqual(await pendingMigrations(db), []);
    assert.deepEqual(Object.values(await tablesAnswer()), PLATFORM_TABLES.map(() => true));
  });

  test('migrateUp again has nothing to do', async () => {
    assert.deepEqual(await migrateUp(db), []);
    assert.deepEqual(await pendingMigrations(db), []);
  });

  test('audit_events is append-only in the database itself', async () => {
    await assertAuditAppendOnly();
  });

  test('migrateDown reverts only the newest migration', async () => {
    assert.deepEqual(await migrateDown(db), [`reverted ${NEWEST}`]);
    const status = await migrationStatus(db);
    assert.equal(status.find((s) => s.name === NEWEST)?.executedAt, null);
    for (const s of status.filter((x) => x.name !== NEWEST)) assert.ok(s.executedAt instanceof Date, `${s.name} stays applied`);
    assert.deepEqual(await pendingMigrations(db), [NEWEST]);
  });

  test('down all the way to empty, then up again (every migration is reversible)', async () => {
    for (let i = 0; i < ALL.length && (await migrationStatus(db)).some((s) => s.executedAt); i++) await migrateDown(db);
    assert.deepEqual(await pendingMigrations(db), ALL);
    assert.deepEqual(await migrateDown(db), [], 'nothing left to revert');
    // The platform tables (and the audit triggers with them) are gone, so they can be created again.
    assert.deepEqual(Object.values(await tablesAnswer()), PLATFORM_TABLES.map(() => false));

    assert.deepEqual(await migrateUp(db), ALL.map((n) => `applied ${n}`));
    assert.deepEqual(await pendingMigrations(db), []);
    assert.deepEqual(Object.values(await tablesAnswer()), PLATFORM_TABLES.map(() => true));
    await assertAuditAppendOnly();
  });
});
