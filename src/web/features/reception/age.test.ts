import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOf, todayIn } from './age.ts';

const born = (dateOfBirth: string, birthDateEstimated = false) => ({ dateOfBirth, birthYear: Number(dateOfBirth.slice(0, 4)), birthDateEstimated });

test('years are whole: the birthday itself counts, the day before does not', () => {
  assert.deepEqual(ageOf(born('1985-06-15'), '2026-06-14'), { value: 40, unit: 'years', estimated: false });
  assert.deepEqual(ageOf(born('1985-06-15'), '2026-06-15'), { value: 41, unit: 'years', estimated: false });
});

test('born on 29 February: a year older from 1 March in other years', () => {
  assert.equal(ageOf(born('2000-02-29'), '2025-02-28')!.value, 24);
  assert.equal(ageOf(born('2000-02-29'), '2025-03-01')!.value, 25);
});

test('small children in months, newborns in days', () => {
  assert.deepEqual(ageOf(born('2025-01-20'), '2026-11-19'), { value: 21, unit: 'months', estimated: false });
  assert.deepEqual(ageOf(born('2024-11-19'), '2026-11-19'), { value: 2, unit: 'years', estimated: false });
  assert.deepEqual(ageOf(born('2026-11-01'), '2026-11-19'), { value: 18, unit: 'days', estimated: false });
  assert.deepEqual(ageOf(born('2026-10-31'), '2026-11-30'), { value: 30, unit: 'days', estimated: false }, 'a month is reached on the same day number');
  assert.deepEqual(ageOf(born('2026-11-19'), '2026-11-19'), { value: 0, unit: 'days', estimated: false });
});

test('only a birth year: an estimate in years', () => {
  assert.deepEqual(ageOf({ dateOfBirth: null, birthYear: 1980, birthDateEstimated: true }, '2026-01-01'), { value: 46, unit: 'years', estimated: true });
});

test('a date in the future or a missing year has no age', () => {
  assert.equal(ageOf(born('2026-12-01'), '2026-11-19'), null);
  assert.equal(ageOf({ dateOfBirth: null, birthYear: 0, birthDateEstimated: true }, '2026-11-19'), null);
});

test("today is the facility's date, not the computer's", () => {
  const lateEvening = new Date('2026-11-19T22:30:00Z'); // 00:30 on the 20th in Khartoum (UTC+2)
  assert.equal(todayIn('Africa/Khartoum', lateEvening), '2026-11-20');
  assert.equal(todayIn('UTC', lateEvening), '2026-11-19');
  assert.equal(todayIn('America/New_York', lateEvening), '2026-11-19');
});
