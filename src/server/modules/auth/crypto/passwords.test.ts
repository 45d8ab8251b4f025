import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hash as argon2Hash, parseOptions } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import {
  ARGON2_OPTIONS,
  DUMMY_ARGON2_HASH,
  dummyVerify,
  hashBcrypt,
  hashPassword,
  verifyPassword,
} from './passwords.ts';

test('argon2id round trip', async () => {
  const hash = await hashPassword('correct horse battery staple');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.deepEqual(await verifyPassword(hash, 'correct horse battery staple'), { ok: true, needsRehash: false });
});

test('wrong password fails', async () => {
  const hash = await hashPassword('correct horse battery staple');
  assert.deepEqual(await verifyPassword(hash, 'correct horse battery stapler'), { ok: false, needsRehash: false });
});

test('argon2 matches across Unicode normal forms', async () => {
  // U+0623 (alef with hamza above) versus U+0627 U+0654 (alef + combining hamza).
  const hash = await hashPassword('\u0623\u062d\u0645\u062f-secret-2024');
  assert.equal((await verifyPassword(hash, '\u0627\u0654\u062d\u0645\u062f-secret-2024')).ok, true);
});

test('argon2 hash with weaker parameters verifies and needs rehash', async () => {
  const weak = await argon2Hash('some passphrase', { memoryCost: 8192, timeCost: 1, parallelism: 1 });
  assert.deepEqual(await verifyPassword(weak, 'some passphrase'), { ok: true, needsRehash: true });
  assert.deepEqual(await verifyPassword(weak, 'other passphrase'), { ok: false, needsRehash: false });
});

test('legacy bcrypt hash verifies and needs rehash', async () => {
  const hash = bcrypt.hashSync('legacy password', 10);
  assert.match(hash, /^\$2b\$/);
  assert.deepEqual(await verifyPassword(hash, 'legacy password'), { ok: true, needsRehash: true });
  assert.deepEqual(await verifyPassword(hash, 'wrong password'), { ok: false, needsRehash: false });
  const a = `$2a$${hash.slice(4)}`;
  assert.equal((await verifyPassword(a, 'legacy password')).ok, true);
});

test('PHP $2y$ bcrypt hash verifies', async () => {
  const hash = `$2y$${bcrypt.hashSync('php password', 10).slice(4)}`;
  assert.deepEqual(await verifyPassword(hash, 'php password'), { ok: true, needsRehash: true });
  assert.equal((await verifyPassword(hash, 'not it')).ok, false);
});

test('unknown or malformed hashes fail without throwing', async () => {
  for (const garbage of [
    '',
    'plaintext',
    '$argon2id$v=19$m=19456,t=2,p=1$garbage',
    '$argon2id$',
    '$2b$10$tooshort',
    '$2x$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234',
    '$1$md5crypt$abc',
  ]) {
    assert.deepEqual(await verifyPassword(garbage, 'anything'), { ok: false, needsRehash: false }, garbage);
  }
});

test('hashBcrypt writes verifiable bcrypt and validates rounds', async () => {
  const hash = await hashBcrypt('written for an old system', 10);
  assert.match(hash, /^\$2[ab]\$10\$/);
  assert.equal(bcrypt.compareSync('written for an old system', hash), true);
  for (const rounds of [9, 16, 10.5, Number.NaN]) {
    await assert.rejects(hashBcrypt('x', rounds), RangeError);
  }
});

test('dummy hash uses the current parameters, so it costs the same time', async () => {
  const parsed = parseOptions(DUMMY_ARGON2_HASH);
  assert.equal(parsed.algorithm, ARGON2_OPTIONS.algorithm);
  assert.equal(parsed.version, ARGON2_OPTIONS.version);
  assert.equal(parsed.memoryCost, ARGON2_OPTIONS.memoryCost);
  assert.equal(parsed.timeCost, ARGON2_OPTIONS.timeCost);
  assert.equal(parsed.parallelism, ARGON2_OPTIONS.parallelism);
  assert.equal(await dummyVerify('any password'), undefined);
});
