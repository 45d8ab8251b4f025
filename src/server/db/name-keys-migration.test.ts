// The name keys migration on every dialect: patients stored with the keys of the code before it
// (each name part in its own script only) gain their transliteration and Abd keys, through the
// real migrator; a run stopped part-way finishes when run again, without writing a key twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator } from 'kysely/migration';
import { parseConfig } from '../config.ts';
import { connectDatabase, type Db } from './connect.ts';
import { migrateUp } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { refreshNameKeys } from './migrations/2026-11-27T1400_patient_name_keys_scripts.ts';
import { patientNameKeys } from '../modules/patients/name-keys.ts';
import { eachDialect, TEST_SECRETS } from '../../../test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { createFacility } from '../../../test/support/fixtures.ts';
import { insertPatient } from '../../../test/support/patients.ts';

const THIS = '2026-11-27T1400_patient_name_keys_scripts';
const names = Object.keys(migrations);
const BEFORE = names[names.indexOf(THIS) - 1]!;

// Patients and the keys the code before this migration gave them.
const OLD: { names: Record<string, string | null>; keys: string[] }[] = [
  { names: { first_name_ar: 'فاطمة', last_name_ar: 'الأمين' }, keys: ['فاطمه', 'امين'] },
  { names: { first_name: 'Abdelrahman', last_name: 'Osman' }, keys: ['abdrhmn', 'usmn'] },
  { names: { first_name_ar: 'عبد الرحمن', last_name_ar: 'محمد' }, keys: ['عبدالرحمن', 'محمد'] },
  { names: { first_name: 'Mohamed', last_name: 'Ali', first_name_ar: 'محمد', last_name_ar: 'علي' }, keys: ['mwhmd', 'al', 'محمد', 'علي'] },
  { names: { first_name_ar: 'عثمان', last_name_ar: 'الطيب' }, keys: ['عثمان', 'طيب'] },
];
const LATIN_NULL = { first_name: null, last_name: null };

eachDialect((dialect) => {
  let database: TestDatabase;
  let db: Db;
  let facilityId: string;
  const ids: string[] = [];
  before(async () => {
    database = await createTestDatabase(dialect);
    db = connectDatabase(parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, ...database.env }).db);
  });
  after(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const keysOf = async (id: string) => (await db.kysely.selectFrom('patient_name_keys').select('key').where('patient_id', '=', id).execute()).map((k) => k.key).sort();
  const expected = async (id: string) => patientNameKeys(await db.kysely.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).sort();

  /** Every patient back to the keys the old code gave them. */
  async function oldKeys() {
    await db.kysely.deleteFrom('patient_name_keys').execute();
    await db.kysely.insertInto('patient_name_keys').values(OLD.flatMap((p, i) => p.keys.map((key) => ({ facility_id: facilityId, patient_id: ids[i]!, key })))).execute();
  }

  test('through the migrator: patients stored before it gain their transliteration and Abd keys', async () => {
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => Object.fromEntries(Object.entries(migrations).map(([n, m]) => [n, { up: (k) => m.up(k, db.client), down: (k) => m.down(k, db.client) }])) },
    });
    const { error } = await migrator.migrateTo(BEFORE);
    assert.equal(error, undefined);
    facilityId = (await createFacility(db)).id;
    for (const p of OLD) ids.push((await insertPatient(db, facilityId, { ...LATIN_NULL, ...p.names })).id);
    await oldKeys();

    assert.ok((await migrateUp(db)).includes(`applied ${THIS}`));
    assert.deepEqual(await keysOf(ids[0]!), ['amn', 'ftm', 'امين', 'فاطمه'].sort(), 'فاطمة الأمين is keyed as Fatima Elamin too');
    assert.deepEqual(await keysOf(ids[1]!), ['abdrhmn', 'rhmn', 'usmn'].sort(), 'Abdelrahman also as Rahman');
    assert.deepEqual(await keysOf(ids[2]!), ['abdrhmn', 'mwhmd', 'rhmn', 'رحمن', 'عبدالرحمن', 'محمد'].sort());
    for (const id of ids) assert.deepEqual(await keysOf(id), await expected(id));
  });

  test('running it again changes nothing', async () => {
    assert.deepEqual(await refreshNameKeys(db.kysely, { batchSize: 2 }), { added: 0, removed: 0 });
  });

  test('a run stopped after its first batch finishes when run again, writing each missing key once', async () => {
    await oldKeys();
    let batches = 0;
    await assert.rejects(refreshNameKeys(db.kysely, { batchSize: 2, afterBatch: () => { batches++; throw new Error('killed'); } }), /killed/);
    assert.equal(batches, 1);
    const sorted = [...ids].sort();
    for (const id of sorted.slice(0, 2)) assert.deepEqual(await keysOf(id), await expected(id), 'the first batch is done');
    assert.notDeepEqual(await keysOf(sorted[2]!), await expected(sorted[2]!), 'the rest is not');

    const missing = (await Promise.all(sorted.slice(2).map(async (id) => (await expected(id)).length - (await keysOf(id)).length))).reduce((a, b) => a + b, 0);
    // A key written twice would break the primary key; the second run adds exactly what was missing.
    assert.deepEqual(await refreshNameKeys(db.kysely, { batchSize: 2 }), { added: missing, removed: 0 });
    for (const id of ids) assert.deepEqual(await keysOf(id), await expected(id));
  });

  test('keys the key functions no longer give are removed', async () => {
    await db.kysely.insertInto('patient_name_keys').values({ facility_id: facilityId, patient_id: ids[0]!, key: 'stale' }).execute();
    assert.deepEqual(await refreshNameKeys(db.kysely), { added: 0, removed: 1 });
    assert.deepEqual(await keysOf(ids[0]!), await expected(ids[0]!));
  });
});
