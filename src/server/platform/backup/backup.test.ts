// The parts of backups that need no database: the encrypted container, retention, and how the
// dump tools are run (passwords never on argv and never in what is reported, deadlines kept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { TEST_SECRETS } from '../../../../test/support/app.ts';
import { CHUNK_BYTES, DecryptStream, EncryptStream, newHeader } from './container.ts';
import { expired } from './retention.ts';
import { redact, runTool, ToolError } from './tools.ts';
import { pgEngine } from './pg-engine.ts';
import { mysqlEngine, StripDefiners } from './mysql-engine.ts';

const ring = { keys: { b1: randomBytes(32) }, activeKeyId: 'b1' };
const header = () => newHeader(ring, { compression: 'none', content: 'pg-dump-custom', dbClient: 'postgres', dbName: 'x', tool: 't', createdAt: new Date().toISOString(), migration: null });

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(stream, new Writable({ write(c: Buffer, _e, done) { parts.push(c); done(); } }));
  return Buffer.concat(parts);
}
const encrypt = (plain: Buffer) => collect(Readable.from([plain]).pipe(new EncryptStream(ring, header())));
const decrypt = (sealed: Buffer, keys = ring) => collect(Readable.from([sealed]).pipe(new DecryptStream(keys)));

test('the container round-trips empty, small and multi-chunk plaintexts', async () => {
  for (const size of [0, 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES + 12345]) {
    const plain = randomBytes(size);
    assert.ok((await decrypt(await encrypt(plain))).equals(plain), `size ${size}`);
  }
});

test('the container refuses reordered, dropped, truncated and appended chunks', async () => {
  const sealed = await encrypt(randomBytes(2 * CHUNK_BYTES + 100));
  const headerLen = 12 + sealed.readUInt32BE(8);
  const chunkLen = 4 + CHUNK_BYTES + 16;
  const [h, c0, c1, last] = [sealed.subarray(0, headerLen), sealed.subarray(headerLen, headerLen + chunkLen), sealed.subarray(headerLen + chunkLen, headerLen + 2 * chunkLen), sealed.subarray(headerLen + 2 * chunkLen)];
  await assert.rejects(decrypt(Buffer.concat([h, c1, c0, last])), /could not be decrypted at chunk 0/);
  await assert.rejects(decrypt(Buffer.concat([h, c0, last])), /could not be decrypted at chunk 1/);
  await assert.rejects(decrypt(Buffer.concat([h, c0, c1])), /truncated/);
  await assert.rejects(decrypt(Buffer.concat([sealed, Buffer.from([0])])), /data after its last chunk/);
  await assert.rejects(decrypt(sealed, { keys: { b1: randomBytes(32) }, activeKeyId: 'b1' }), /could not be decrypted/);
  const tamperedHeader = Buffer.from(sealed);
  tamperedHeader[20]! ^= 1; // inside the JSON header: authenticated as additional data
  await assert.rejects(decrypt(tamperedHeader), /(could not be decrypted|not valid JSON|Not a NileCare)/);
});

test('retention keeps the newest N and everything younger than the cutoff', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  const daysAgo = (d: number) => ({ name: `${d}`, manifest: { createdAt: new Date(now.getTime() - d * 86_400_000).toISOString() } });
  const backups = [0, 1, 2, 10, 20, 30, 40].map(daysAgo);
  assert.deepEqual(expired(backups, { days: 14, count: 3 }, now).map((b) => b.name), ['20', '30', '40']);
  assert.deepEqual(expired(backups, { days: 14, count: 6 }, now).map((b) => b.name), ['40']);
  // A long run of failed backups never deletes the last good ones.
  assert.deepEqual(expired([40, 50, 60].map(daysAgo), { days: 14, count: 3 }, now), []);
});

test('mysqldump DEFINER clauses are stripped even when split across chunks, and characters split across chunks survive', async () => {
  const dump = 'INSERT INTO t VALUES (1, \'ملاريا المتصورة المنجلية\', \'Guillain-Barré\');\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER x BEFORE UPDATE ON t FOR EACH ROW signal sqlstate \'45000\' */;;\nDEFINER=`kept` in data\n';
  const strip = new StripDefiners();
  const out = collect(strip);
  const bytes = Buffer.from(dump);
  for (let i = 0; i < bytes.length; i += 7) strip.write(bytes.subarray(i, i + 7));
  strip.end();
  assert.equal((await out).toString(), dump.replace('/*!50017 DEFINER=`root`@`localhost`*/ ', ''));
});

test('redact removes passwords, their URL-encoded form and URL credentials', () => {
  const text = 'failed: password "p@ss w0rd" for postgres://u:p%40ss%20w0rd@h/db and mysql://root:other@h';
  const out = redact(text, ['p@ss w0rd']);
  assert.ok(!out.includes('p@ss') && !out.includes('other'), out);
});

test('a tool that outlives its deadline is stopped and reported', async () => {
  await assert.rejects(runTool({ command: '/bin/sleep', args: ['30'], env: {}, secrets: [] }, 200), (e: Error) => e instanceof ToolError && /did not finish within/.test(e.message));
});

/** A stand-in for a dump program that records its argv and fails, printing the password to stderr. */
function fakeTool(dir: string, name: string, leak: string): void {
  fs.writeFileSync(path.join(dir, name), `#!/bin/sh\necho "$@" > "${dir}/${name}.args"\n[ -n "$1" ] && case "$1" in --defaults-extra-file=*) cat "\${1#--defaults-extra-file=}" > "${dir}/${name}.cnf"; stat -c %a "\${1#--defaults-extra-file=}" > "${dir}/${name}.mode";; esac\necho auth failed for ${leak} >&2\nexit 3\n`, { mode: 0o755 });
}

for (const client of ['postgres', 'mysql'] as const) {
  test(`${client}: the password reaches the dump tool only through its environment or option file, and never its report`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-faketool-'));
    try {
      const password = 'S3cret-pa$$word';
      const config = parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, DATA_DIR: dir, DB_CLIENT: client, DATABASE_URL: `${client}://app:${encodeURIComponent(password)}@127.0.0.1:1/nilecare`, PATH: `${dir}:/usr/bin:/bin` });
      const name = client === 'postgres' ? 'pg_dump' : 'mariadb-dump';
      fakeTool(dir, name, client === 'postgres' ? '"$PGPASSWORD"' : `'${password}'`);
      const engine = client === 'postgres' ? pgEngine(config, undefined as unknown as Db) : mysqlEngine(config, undefined as unknown as Db);
      const err = await engine.dump(new PassThrough().resume()).then(() => null, (e: unknown) => e as Error);
      assert.ok(err instanceof ToolError, String(err));
      assert.match(err.message, /failed \(exit 3\)[\s\S]*auth failed for \*\*\*/);
      assert.ok(!err.message.includes(password));
      assert.ok(!fs.readFileSync(path.join(dir, `${name}.args`), 'utf8').includes(password));
      if (client === 'mysql') {
        assert.match(fs.readFileSync(path.join(dir, `${name}.cnf`), 'utf8'), /password="S3cret-pa\$\$word"/);
        assert.equal(fs.readFileSync(path.join(dir, `${name}.mode`), 'utf8').trim(), '600');
        const optionFile = /--defaults-extra-file=(\S+)/.exec(fs.readFileSync(path.join(dir, `${name}.args`), 'utf8'))![1]!;
        assert.ok(!fs.existsSync(optionFile), 'the option file is removed afterwards');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
