// `nilecare backup` and `nilecare restore` as an operator runs them, on every database: a backup of
// a live database with patients (national IDs encrypted), appointments and audit events restores
// into an empty database with every table identical, the audit chain verifies there, and the
// restored data reads through the API. A tampered file, a wrong key and a non-empty target are refused
// before the target is touched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import { eachDialect, startTestApp, TEST_SECRETS, type TestApp } from './support/app.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { openDesk, registered, type Desk } from './support/patients.ts';
import { tableChecksums } from './support/table-checksums.ts';
import { runCli } from './support/cli.ts';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase, type Db } from '../src/server/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import { tokenFor, authHeaders } from './support/fixtures.ts';

const KEY = `b1:${randomBytes(32).toString('base64')}`;
const NATIONAL_IDS = ['12345678901', '10987654321', '11112222333'];

eachDialect((dialect) => {
  let source: TestApp;
  let desk: Desk;
  const targets: TestDatabase[] = [];
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-backups-'));
  let backupFile = '';
  const patientIds: string[] = [];

  const envOf = (database: TestDatabase, extra: Record<string, string> = {}) => ({ ...TEST_SECRETS, ...database.env, BACKUP_ENCRYPTION_KEYS: KEY, BACKUP_DIR: backupDir, ...extra });
  const newTarget = async () => {
    const t = await createTestDatabase(dialect);
    targets.push(t);
    return t;
  };
  const withDb = async <T>(database: TestDatabase, use: (db: Db) => Promise<T>): Promise<T> => {
    const db = connectDatabase(parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, ...database.env }).db);
    try {
      return await use(db);
    } finally {
      await db.destroy();
    }
  };
  const isEmpty = (database: TestDatabase) => withDb(database, async (db) => (await db.kysely.introspection.getTables()).length === 0);

  before(async () => {
    source = await startTestApp(dialect);
    desk = await openDesk(source.app);
    for (const [i, nationalId] of NATIONAL_IDS.entries()) {
      const p = await registered(source.app, desk, { firstName: `Amna${'x'.repeat(i)}`, lastName: 'Osman', dateOfBirth: '1990-01-01', nationalId });
      patientIds.push(p.id);
      const read = await source.app.inject({ method: 'GET', url: `/api/v1/patients/${p.id}`, headers: desk.headers });
      assert.equal(read.statusCode, 200);
    }
    const code = (await source.db.kysely.selectFrom('facilities').select('code').where('id', '=', desk.facility.id).executeTakeFirstOrThrow()).code;
    const seeded = await runCli(['seed', '--patients', '60', '--appointments', '40', '--facility', code], envOf(source.database));
    assert.equal(seeded.code, 0, seeded.stderr);
  });
  after(async () => {
    await source.close();
    for (const t of targets) await t.drop();
    fs.rmSync(backupDir, { recursive: true, force: true });
  });

  test('backup writes an encrypted file and a manifest with its SHA-256', async () => {
    const r = await runCli(['backup'], envOf(source.database));
    assert.equal(r.code, 0, r.stderr);
    backupFile = /backup written: (\S+)/.exec(r.stdout)![1]!;
    const bytes = fs.readFileSync(backupFile);
    assert.equal(bytes.subarray(0, 8).toString(), 'NCBACKUP');
    const manifest = JSON.parse(fs.readFileSync(`${backupFile}.json`, 'utf8'));
    assert.equal(manifest.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(manifest.dbClient, dialect.client);
    assert.equal(manifest.keyId, 'b1');
    // Encrypted: no patient name or table name in clear anywhere in the file.
    for (const needle of ['Osman', 'patients', 'audit_events', 'CREATE']) assert.ok(!bytes.includes(needle), `"${needle}" in the backup file`);
    assert.equal((fs.statSync(backupFile).mode & 0o777).toString(8), '600');
  });

  test('restore into an empty database gives identical tables, a valid audit chain and readable national IDs', async () => {
    const target = await newTarget();
    const r = await runCli(['restore', backupFile], envOf(target));
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /patients: 63 rows/);

    const [before, after] = [await tableChecksums(source.db), await withDb(target, tableChecksums)];
    assert.ok(before.patients!.rows === 63 && before.appointments!.rows === 40 && before.audit_events!.rows > 3, JSON.stringify(before));
    assert.deepEqual(after, before);

    const verify = await runCli(['audit', 'verify'], envOf(target));
    assert.equal(verify.code, 0, verify.stdout);
    assert.match(verify.stdout, /audit chain OK/);

    // The restored rows decrypt with the same PHI keys: the app on the restored database shows them.
    const config = parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, ...target.env });
    const db = connectDatabase(config.db);
    const app = await buildApp({ config, db });
    try {
      const token = await tokenFor(app, desk.userId);
      for (const [i, id] of patientIds.entries()) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/patients/${id}`, headers: authHeaders(token, desk.facility.id) });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().nationalId, NATIONAL_IDS[i]);
      }
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  test('a non-empty target is refused, and replaced with --force', async () => {
    const target = await newTarget();
    assert.equal((await runCli(['restore', backupFile], envOf(target))).code, 0);
    const again = await runCli(['restore', backupFile], envOf(target));
    assert.equal(again.code, 1);
    assert.match(again.stderr, /is not empty.*--force/);
    const forced = await runCli(['restore', '--force', backupFile], envOf(target));
    assert.equal(forced.code, 0, forced.stderr);
    if (dialect.client === 'sqlite') assert.match(forced.stdout, /replacing what was there; the database that was there is kept as \S+\.replaced-/);
    assert.deepEqual(await withDb(target, tableChecksums), await tableChecksums(source.db));
  });

  test('a tampered backup is refused and the target is not touched', async () => {
    const target = await newTarget();
    const copy = path.join(backupDir, 'tampered.ncbk');
    const bytes = fs.readFileSync(backupFile);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(copy, bytes);
    fs.copyFileSync(`${backupFile}.json`, `${copy}.json`);
    const r = await runCli(['restore', copy], envOf(target));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Checksum mismatch/);
    assert.ok(await isEmpty(target));

    // Even with the manifest forged to match, the encryption's authentication catches the change.
    const manifest = JSON.parse(fs.readFileSync(`${copy}.json`, 'utf8'));
    manifest.sha256 = createHash('sha256').update(bytes).digest('hex');
    fs.writeFileSync(`${copy}.json`, JSON.stringify(manifest));
    const forged = await runCli(['restore', copy], envOf(target));
    assert.equal(forged.code, 1);
    assert.match(forged.stderr, /could not be decrypted/);
    assert.ok(await isEmpty(target));

    // Cut short at a chunk boundary: the missing final chunk is noticed.
    const cut = path.join(backupDir, 'cut.ncbk');
    fs.writeFileSync(cut, bytes.subarray(0, 20));
    fs.writeFileSync(`${cut}.json`, JSON.stringify({ ...manifest, sha256: createHash('sha256').update(bytes.subarray(0, 20)).digest('hex') }));
    const short = await runCli(['restore', cut], envOf(target));
    assert.equal(short.code, 1);
    assert.match(short.stderr, /truncated/);
    assert.ok(await isEmpty(target));
  });

  test('the wrong key is refused, naming the key the backup needs', async () => {
    const target = await newTarget();
    const wrongBytes = await runCli(['restore', backupFile], envOf(target, { BACKUP_ENCRYPTION_KEYS: `b1:${randomBytes(32).toString('base64')}` }));
    assert.equal(wrongBytes.code, 1);
    assert.match(wrongBytes.stderr, /could not be decrypted/);
    const otherId = await runCli(['restore', backupFile], envOf(target, { BACKUP_ENCRYPTION_KEYS: `b2:${randomBytes(32).toString('base64')}` }));
    assert.equal(otherId.code, 1);
    assert.match(otherId.stderr, /key "b1", which is not in BACKUP_ENCRYPTION_KEYS/);
    assert.ok(await isEmpty(target));
  });

  test('backup verify checks a file without any database', async () => {
    const r = await runCli(['backup', 'verify', backupFile], { BACKUP_ENCRYPTION_KEYS: KEY, DATA_DIR: backupDir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`backup OK: ${dialect.client} database`));
  });
});
