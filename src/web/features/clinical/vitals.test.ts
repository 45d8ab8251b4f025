// The vitals form's checks are the server's (vitals.rules.ts): what it words while typing and on
// saving, and how a recording is laid out (blood pressure as one value, BMI after height).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_VITALS, shownFlag, shownVitals, showsMuac, vitalsBody, vitalsProblems } from './vitals.ts';
import type { Vitals } from './types.ts';

const typed = (v: Partial<Record<keyof typeof EMPTY_VITALS, number | string>>) => ({ ...EMPTY_VITALS, ...v });

test('empty fields are left out of the request; numbers are sent as numbers', () => {
  assert.deepEqual(vitalsBody(typed({ pulse: 72, temperatureC: '37.5', weightKg: '' })), { temperatureC: 37.5, pulse: 72 });
});

test('a value above what is possible is said while typing; one below only on saving ("3" on the way to "37")', () => {
  assert.deepEqual(vitalsProblems(typed({ pulse: 720 }), { complete: false }), { pulse: { code: 'impossible', min: 20, max: 300 } });
  assert.deepEqual(vitalsProblems(typed({ temperatureC: 3 }), { complete: false }), {});
  assert.deepEqual(vitalsProblems(typed({ temperatureC: 3 }), { complete: true }), { temperatureC: { code: 'impossible', min: 25, max: 45 } });
});

test('pain is a whole number; diastolic below systolic; at least one measurement', () => {
  assert.deepEqual(vitalsProblems(typed({ painScore: 4.5 }), { complete: false }), { painScore: { code: 'wholeNumber' } });
  assert.deepEqual(vitalsProblems(typed({ systolic: 80, diastolic: 90 }), { complete: true }), { diastolic: { code: 'diastolicHigh' } });
  assert.deepEqual(vitalsProblems(typed({ systolic: 80, diastolic: 90 }), { complete: false }), {}, 'the systolic may still be being typed');
  assert.deepEqual(vitalsProblems(EMPTY_VITALS, { complete: true }), { form: { code: 'empty' } });
  assert.deepEqual(vitalsProblems(typed({ temperatureC: 36.8, pulse: 80, systolic: 120, diastolic: 80 }), { complete: true }), {});
});

test('MUAC is asked for children of 6 to 59 months only', () => {
  assert.deepEqual([null, 5, 6, 59, 60].map(showsMuac), [false, false, true, true, false]);
});

const recording = (o: Partial<Vitals>): Vitals => ({
  id: 'v', encounterId: 'e', temperatureC: null, pulse: null, respiratoryRate: null, systolic: null, diastolic: null, spo2: null, weightKg: null, heightCm: null,
  muacMm: null, painScore: null, bloodGlucoseMmol: null, bmi: null, abnormal: [], recordedBy: 'u', recordedAt: '2026-01-01T08:00:00.000Z',
  amendsId: null, amendReason: null, amendedById: null, ...o,
});

test('a recording shows blood pressure as one value, BMI after height, only what was measured', () => {
  assert.deepEqual(shownVitals(recording({ pulse: 80, diastolic: 70, systolic: 110, weightKg: 60, heightCm: 165, bmi: 22 })), ['pulse', 'bloodPressure', 'weightKg', 'heightCm', 'bmi']);
});

test('blood pressure carries the worse of its two flags', () => {
  const v = recording({
    systolic: 190, diastolic: 100,
    abnormal: [{ field: 'diastolic', flag: 'high', normalRange: '60–90', band: 'adult' }, { field: 'systolic', flag: 'critical_high', normalRange: '90–140', band: 'adult' }],
  });
  assert.equal(shownFlag(v, 'bloodPressure')?.field, 'systolic');
  assert.equal(shownFlag(v, 'pulse'), undefined);
});
