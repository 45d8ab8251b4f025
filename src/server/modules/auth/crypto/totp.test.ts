import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { newTotpSecret, totpQrSvg, totpUri, verifyTotp } from './totp.ts';

const NOW = Date.UTC(2025, 0, 15, 9, 30, 10);
const STEP = Math.floor(NOW / 30_000);

function codeAt(secret: string, ms: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });
}

test('secrets are 160-bit base32 and distinct', () => {
  const secret = newTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.equal(Secret.fromBase32(secret).bytes.length, 20);
  assert.notEqual(newTotpSecret(), secret);
});

test('RFC 6238 SHA-1 test vector', () => {
  // Appendix B: secret "12345678901234567890", T = 59 s, 8-digit code 94287082.
  const secret = Secret.fromLatin1('12345678901234567890').base32;
  assert.deepEqual(verifyTotp(secret, '287082', { lastUsedStep: null, now: 59_000 }), { ok: true, step: 1 });
});

test('a code for now verifies and returns its step', () => {
  const secret = newTotpSecret();
  assert.deepEqual(verifyTotp(secret, codeAt(secret, NOW), { lastUsedStep: null, now: NOW }), { ok: true, step: STEP });
});

test('codes one step either side are accepted, three steps ago is not', () => {
  const secret = newTotpSecret();
  const opts = { lastUsedStep: null, now: NOW };
  assert.deepEqual(verifyTotp(secret, codeAt(secret, NOW - 30_000), opts), { ok: true, step: STEP - 1 });
  assert.deepEqual(verifyTotp(secret, codeAt(secret, NOW + 30_000), opts), { ok: true, step: STEP + 1 });
  assert.deepEqual(verifyTotp(secret, codeAt(secret, NOW - 90_000), opts), { ok: false });
});

test('a code is accepted only once', () => {
  const secret = newTotpSecret();
  const code = codeAt(secret, NOW);
  const first = verifyTotp(secret, code, { lastUsedStep: STEP - 5, now: NOW });
  assert.deepEqual(first, { ok: true, step: STEP });
  assert.ok(first.ok);
  assert.deepEqual(verifyTotp(secret, code, { lastUsedStep: first.step, now: NOW + 20_000 }), { ok: false });
  // An older code still inside the window is refused once a newer one was used.
  assert.deepEqual(verifyTotp(secret, codeAt(secret, NOW - 30_000), { lastUsedStep: STEP, now: NOW }), { ok: false });
  assert.deepEqual(verifyTotp(secret, codeAt(secret, NOW + 30_000), { lastUsedStep: STEP, now: NOW + 30_000 }), {
    ok: true,
    step: STEP + 1,
  });
});

test('input that is not exactly six digits is rejected', () => {
  const secret = newTotpSecret();
  const code = codeAt(secret, NOW);
  for (const bad of ['', 'abcdef', '12345', '1234567', ` ${code}`, `${code.slice(0, 3)} ${code.slice(3)}`, '١٢٣٤٥٦']) {
    assert.deepEqual(verifyTotp(secret, bad, { lastUsedStep: null, now: NOW }), { ok: false }, bad);
  }
});

test('otpauth URI carries the standard settings', () => {
  const secret = newTotpSecret();
  const uri = totpUri({ secret, account: 'amira@example.sd', issuer: 'NileCare' });
  assert.ok(uri.startsWith('otpauth://totp/NileCare:amira%40example.sd?'), uri);
  const params = new URL(uri).searchParams;
  assert.equal(params.get('secret'), secret);
  assert.equal(params.get('issuer'), 'NileCare');
  assert.equal(params.get('algorithm'), 'SHA1');
  assert.equal(params.get('digits'), '6');
  assert.equal(params.get('period'), '30');
});

test('QR code is an SVG', async () => {
  const svg = await totpQrSvg(totpUri({ secret: newTotpSecret(), account: 'a@example.sd', issuer: 'NileCare' }));
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<\/svg>\s*$/);
});
