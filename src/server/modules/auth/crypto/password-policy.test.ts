import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPassword, commonPasswords, PASSWORD_MAX, PASSWORD_MIN } from './password-policy.ts';

const user = { email: 'amira.hassan@example.sd', name: 'Amira Osman Hassan' };
const COMMON = 'Password is one of the most commonly used passwords; choose something less predictable.';
const EMAIL = 'Password must not contain your email address.';
const NAME = 'Password must not contain your name.';

test('limits are exported', () => {
  assert.equal(PASSWORD_MIN, 12);
  assert.equal(PASSWORD_MAX, 128);
});

test('accepts a strong passphrase', () => {
  assert.deepEqual(checkPassword('river camel mango lantern', user), []);
  assert.deepEqual(checkPassword('river camel mango lantern', { email: 'x@example.sd' }), []);
});

test('rejects short passwords, counting code points', () => {
  assert.deepEqual(checkPassword('Tz9#kq2!mv', user), ['Password must be at least 12 characters long.']);
  // Eleven emoji are 22 UTF-16 units but only 11 characters.
  assert.deepEqual(checkPassword('🐪'.repeat(11), user), ['Password must be at least 12 characters long.']);
  assert.deepEqual(checkPassword('🐪'.repeat(12), user), []);
});

test('rejects passwords over 128 characters', () => {
  assert.deepEqual(checkPassword('x7'.repeat(64), user), []);
  assert.deepEqual(checkPassword(`${'x7'.repeat(64)}y`, user), ['Password must be at most 128 characters long.']);
});

test('rejects common passwords whatever their case', () => {
  for (const p of ['password1234', 'qwertyuiop12', 'PassWord1234', 'QWERTYUIOP12']) {
    assert.deepEqual(checkPassword(p, user), [COMMON], p);
  }
});

test('rejects passwords containing the email local part', () => {
  assert.deepEqual(checkPassword('my-Amira.Hassan-2024!', { email: user.email }), [EMAIL]);
  assert.deepEqual(checkPassword('ahmed+clinic-is-great', { email: 'ahmed+clinic@example.sd' }), [EMAIL]);
  assert.deepEqual(checkPassword('I am AHMED of the clinic', { email: 'ahmed+clinic@example.sd' }), [EMAIL]);
  // Mailbox names under four characters are too short to forbid.
  assert.deepEqual(checkPassword('river camel mango lantern', { email: 'an@example.sd' }), []);
});

test('short parts of an email do not reject ordinary words that happen to contain them', () => {
  // "Correct" contains "rec": a three-letter mailbox name is not a word worth forbidding.
  assert.deepEqual(checkPassword('Correct-Horse-Battery-77', { email: 'rec@clinic.test', name: 'Rec Desk' }), []);
  assert.deepEqual(checkPassword('Almohad river camel', { email: 'mo.ali@example.sd' }), []);
  // The domain is not personal: everyone at the clinic shares it.
  assert.deepEqual(checkPassword('clinic-river-camel-77', { email: 'rec@clinic.test' }), []);
  // Digits are not words: a year in the address does not forbid the year.
  assert.deepEqual(checkPassword('Nile-1985-river-camel', { email: 'ahmed1985@example.sd' }), []);
});

test('rejects passwords containing the mailbox name or a word of it of four letters or more', () => {
  assert.deepEqual(checkPassword('Correct-Horse-Battery-77', { email: 'correct.horse@example.sd' }), [EMAIL]);
  assert.deepEqual(checkPassword('xx-mo.ali-2026-yy', { email: 'mo.ali@example.sd' }), [EMAIL]);
  assert.deepEqual(checkPassword('xx-MoAli-2026-yy', { email: 'mo.ali@example.sd' }), [EMAIL]);
  assert.deepEqual(checkPassword('Blue-AHMED-river-77', { email: 'ahmed1985@example.sd' }), [EMAIL]);
  assert.deepEqual(checkPassword('my hassan river 77', { email: 'amira_hassan@example.sd' }), [EMAIL]);
  assert.deepEqual(checkPassword('river-hiba-camel-77', { email: 'hiba@example.sd' }), [EMAIL]);
});

test('rejects passwords containing name parts of four or more characters', () => {
  assert.deepEqual(checkPassword('osman river camel 77', user), [NAME]);
  assert.deepEqual(checkPassword('river HASSAN camel 77', { email: 'x@example.sd', name: user.name }), [NAME]);
  assert.deepEqual(checkPassword('river camel lantern', { email: 'x@example.sd', name: 'Ali Bo' }), []);
  assert.deepEqual(checkPassword('Sarabande-music-77', { email: 'x@example.sd', name: 'Sara Ali' }), [NAME]);
  // A name of short words is still refused whole, as typed or run together.
  assert.deepEqual(checkPassword('AliBo-river-camel', { email: 'x@example.sd', name: 'Ali Bo' }), [NAME]);
  assert.deepEqual(checkPassword('river ali bo camel', { email: 'x@example.sd', name: 'Ali Bo' }), [NAME]);
  assert.deepEqual(checkPassword('النيل-river-camel', { email: 'x@example.sd', name: 'محمد النيل' }), [NAME]);
});

test('reports every problem at once', () => {
  // 'amira' is also in the common list.
  // 'amira' is also a word of the email address.
  assert.deepEqual(checkPassword('amira', user), ['Password must be at least 12 characters long.', COMMON, EMAIL, NAME]);
  assert.deepEqual(checkPassword('Amira.Hassan', user), [EMAIL, NAME]);
});

test('the common-password list is large and clean', () => {
  const list = commonPasswords();
  assert.ok(list.size >= 10_000, String(list.size));
  assert.ok(list.has('123456'));
  assert.ok(list.has('password1234'));
  assert.ok(list.has('qwertyuiop12'));
  for (const p of list) assert.equal(p, p.toLowerCase());
  assert.ok(![...list].some((p) => p.startsWith('#') || p === ''));
});
