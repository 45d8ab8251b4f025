import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SUDAN_STATES, SUDAN_STATE_CODES, isSudanState } from './sudan.ts';

test('lists the 18 states with unique slug codes, in the same order as the codes', () => {
  assert.equal(SUDAN_STATES.length, 18);
  assert.deepEqual(SUDAN_STATES.map((s) => s.code), [...SUDAN_STATE_CODES]);
  assert.equal(new Set(SUDAN_STATE_CODES).size, 18);
  for (const code of SUDAN_STATE_CODES) assert.match(code, /^[a-z]+(?:_[a-z]+)*$/);
});

test('has the expected codes', () => {
  assert.deepEqual([...SUDAN_STATE_CODES].sort(), [
    'blue_nile', 'central_darfur', 'east_darfur', 'gedaref', 'gezira', 'kassala',
    'khartoum', 'north_darfur', 'north_kordofan', 'northern', 'red_sea', 'river_nile',
    'sennar', 'south_darfur', 'south_kordofan', 'west_darfur', 'west_kordofan', 'white_nile',
  ]);
});

test('gives English and Arabic names', () => {
  const byCode = new Map(SUDAN_STATES.map((s) => [s.code, s]));
  assert.deepEqual(byCode.get('khartoum'), { code: 'khartoum', en: 'Khartoum', ar: 'الخرطوم' });
  assert.equal(byCode.get('gezira')?.ar, 'الجزيرة');
  assert.equal(byCode.get('white_nile')?.ar, 'النيل الأبيض');
  assert.equal(byCode.get('blue_nile')?.ar, 'النيل الأزرق');
  assert.equal(byCode.get('river_nile')?.ar, 'نهر النيل');
  assert.equal(byCode.get('red_sea')?.ar, 'البحر الأحمر');
  assert.equal(byCode.get('gedaref')?.ar, 'القضارف');
  assert.equal(byCode.get('north_kordofan')?.ar, 'شمال كردفان');
  assert.equal(byCode.get('central_darfur')?.ar, 'وسط دارفور');
  for (const s of SUDAN_STATES) {
    assert.match(s.ar, /^[\u0621-\u064a ]+$/, `${s.code} Arabic name`);
    assert.match(s.en, /^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/, `${s.code} English name`);
  }
});

test('is frozen', () => {
  assert.ok(Object.isFrozen(SUDAN_STATE_CODES));
  assert.ok(Object.isFrozen(SUDAN_STATES));
  assert.ok(SUDAN_STATES.every((s) => Object.isFrozen(s)));
  assert.throws(() => (SUDAN_STATE_CODES as unknown as string[]).push('juba'), TypeError);
});

test('isSudanState accepts exactly the codes', () => {
  for (const code of SUDAN_STATE_CODES) assert.equal(isSudanState(code), true);
  for (const bad of ['Khartoum', 'khartoum ', 'white-nile', 'juba', 'upper_nile', 'central_equatoria', '', 'toString', null, undefined, 3]) {
    assert.equal(isSudanState(bad), false, String(bad));
  }
});
