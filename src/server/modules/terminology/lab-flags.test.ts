import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flagLabResult, isCriticalFlag, type FlaggableTest } from './lab-flags.ts';

const potassium: FlaggableTest = { kind: 'numeric', low: 3.5, high: 5.1, criticalLow: 2.5, criticalHigh: 6.5 };
const haemoglobin: FlaggableTest = { kind: 'numeric', low: 13, high: 17, femaleLow: 12, femaleHigh: 15, criticalLow: 7, criticalHigh: 20 };

test('numeric results: critical limits win over the range, bounds themselves are normal', () => {
  const flags = [2.4, 2.5, 3.4, 3.5, 4.2, 5.1, 5.2, 6.5, 6.6].map((v) => flagLabResult(potassium, v));
  assert.deepEqual(flags, ['critical_low', 'low', 'low', 'normal', 'normal', 'normal', 'high', 'high', 'critical_high']);
  assert.equal(flagLabResult(potassium, '6.6'), 'critical_high', 'a numeric string is read as its number');
  assert.deepEqual(['critical_low', 'critical_high', 'low', 'high', 'normal', 'abnormal'].map((f) => isCriticalFlag(f as never)), [true, true, false, false, false, false]);
});

test("a woman's result is read against the female range where the test has one", () => {
  assert.equal(flagLabResult(haemoglobin, 12.5), 'low');
  assert.equal(flagLabResult(haemoglobin, 12.5, { sex: 'female' }), 'normal');
  assert.equal(flagLabResult(haemoglobin, 16, { sex: 'female' }), 'high');
  assert.equal(flagLabResult(haemoglobin, 6.9, { sex: 'female' }), 'critical_low');
});

test('an open bound never flags; a non-number is refused, not flagged', () => {
  const hdl: FlaggableTest = { kind: 'numeric', low: 40, high: null, criticalLow: null, criticalHigh: null };
  assert.equal(flagLabResult(hdl, 95), 'normal');
  assert.equal(flagLabResult(hdl, 30), 'low');
  assert.throws(() => flagLabResult(hdl, 'high'), /finite number/);
  assert.throws(() => flagLabResult(hdl, Number.NaN), /finite number/);
});

test('coded results are normal when the answer is one of the normal answers, in any case', () => {
  const film: FlaggableTest = { kind: 'coded', low: null, high: null, criticalLow: null, criticalHigh: null, normalAnswers: ['not seen'] };
  assert.equal(flagLabResult(film, 'Not seen'), 'normal');
  assert.equal(flagLabResult(film, 'P. falciparum seen'), 'abnormal');
});
