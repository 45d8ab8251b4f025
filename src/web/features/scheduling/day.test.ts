import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, gridWindow, hourMarks, isDate, lanes, minutesOn, nowOn, placement, spanOn, todayIn, wallClock } from './day.ts';
import { allowedActions } from './actions.ts';

test("today is the facility's date, not the browser's", () => {
  // 22:30 UTC on 30 Nov is already 1 Dec in Khartoum (UTC+2) and still 30 Nov in New York.
  const instant = Date.parse('2026-11-30T22:30:00Z');
  assert.equal(todayIn('Africa/Khartoum', instant), '2026-12-01');
  assert.equal(todayIn('America/New_York', instant), '2026-11-30');
  assert.equal(todayIn('UTC', instant), '2026-11-30');
  // The red "now" line: 00:30 on 1 Dec in Khartoum; not on 30 Nov's grid.
  assert.equal(nowOn('2026-12-01', 'Africa/Khartoum', instant), 30);
  assert.equal(nowOn('2026-11-30', 'Africa/Khartoum', instant), null);
  assert.equal(nowOn('2026-11-30', 'America/New_York', instant), 17 * 60 + 30);
});

test('days step across month, year and leap-day boundaries', () => {
  assert.equal(addDays('2026-11-30', 1), '2026-12-01');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
  assert.equal(addDays('2027-03-01', -1), '2027-02-28');
  assert.equal(addDays('2026-01-01', -1), '2025-12-31');
});

test('only real calendar dates are accepted from the address bar', () => {
  assert.equal(isDate('2026-12-01'), true);
  assert.equal(isDate('2026-02-30'), false);
  assert.equal(isDate('2026-12-1'), false);
  assert.equal(isDate(null), false);
});

test("an API time is read on the facility's wall clock, whatever its offset", () => {
  assert.deepEqual(wallClock('2026-12-01T10:15:00+02:00'), { date: '2026-12-01', minutes: 615 });
  assert.deepEqual(wallClock('2026-12-01T00:00:00-05:00'), { date: '2026-12-01', minutes: 0 });
  assert.equal(wallClock('garbage'), null);
});

test('spans are clamped to the day shown: across midnight, before and after it', () => {
  const day = '2026-12-01';
  assert.deepEqual(spanOn(day, { dateTime: '2026-12-01T09:00:00+02:00', endTime: '2026-12-01T09:30:00+02:00' }), { start: 540, end: 570 });
  // 23:30 for an hour: on this day it runs to midnight; on the next, from midnight.
  const late = { dateTime: '2026-12-01T23:30:00+02:00', endTime: '2026-12-02T00:30:00+02:00' };
  assert.deepEqual(spanOn(day, late), { start: 1410, end: 1440 });
  assert.deepEqual(spanOn('2026-12-02', late), { start: 0, end: 30 });
  // Another day entirely, and one that ends exactly at this day's midnight.
  assert.equal(spanOn(day, { dateTime: '2026-12-02T09:00:00+02:00', endTime: '2026-12-02T09:30:00+02:00' }), null);
  assert.equal(spanOn(day, { dateTime: '2026-11-30T23:30:00+02:00', endTime: '2026-12-01T00:00:00+02:00' }), null);
  assert.equal(minutesOn(day, '2026-11-30T12:00:00+02:00'), 0);
  assert.equal(minutesOn(day, '2026-12-02T12:00:00+02:00'), 1440);
});

test('the window is whole hours around the default and everything booked', () => {
  assert.deepEqual(gridWindow([]), { start: 480, end: 1020 });
  assert.deepEqual(gridWindow([{ start: 7 * 60 + 10, end: 7 * 60 + 40 }, { start: 1000, end: 1085 }]), { start: 420, end: 1140 });
  assert.deepEqual(gridWindow([{ start: 1410, end: 1440 }]), { start: 480, end: 1440 });
  assert.deepEqual(hourMarks({ start: 480, end: 720 }), [480, 540, 600, 660]);
});

test('a slot is placed at its minute, not rounded to a row', () => {
  const window = { start: 480, end: 1020 }; // 08:00–17:00, 540 minutes
  assert.deepEqual(placement({ start: 480, end: 510 }, window), { top: 0, height: 30 / 540 });
  assert.deepEqual(placement({ start: 615, end: 635 }, window), { top: 135 / 540, height: 20 / 540 });
  // Outside the window it is cut to the window, never negative.
  assert.deepEqual(placement({ start: 1000, end: 1100 }, window), { top: 520 / 540, height: 20 / 540 });
  assert.deepEqual(placement({ start: 400, end: 420 }, window), { top: 0, height: 0 });
});

test('overlapping appointments share the column in lanes; the rest keep it whole', () => {
  const at = (id: string, start: number, end: number) => ({ id, span: { start, end } });
  const placed = lanes([at('b', 540, 570), at('a', 540, 600), at('c', 580, 610), at('d', 620, 650)]);
  const byId = Object.fromEntries(placed.map((p) => [p.id, [p.lane, p.lanes]]));
  assert.deepEqual(byId, { a: [1, 2], b: [0, 2], c: [0, 2], d: [0, 1] });
  // Back to back is not overlapping.
  assert.deepEqual(lanes([at('x', 540, 570), at('y', 570, 600)]).map((p) => p.lanes), [1, 1]);
});

test('the panel offers what the life cycle and the role allow', () => {
  const front = ['appointments:read', 'appointments:write'];
  const doctor = [...front, 'appointments:attend'];
  const today = '2026-12-01';
  assert.deepEqual(allowedActions({ status: 'scheduled', date: today, today, permissions: front }), ['checkIn', 'reschedule', 'cancel', 'noShow']);
  assert.deepEqual(allowedActions({ status: 'scheduled', date: '2026-12-02', today, permissions: front }), ['reschedule', 'cancel']);
  assert.deepEqual(allowedActions({ status: 'scheduled', date: '2026-11-30', today, permissions: front }), ['cancel', 'noShow']);
  assert.deepEqual(allowedActions({ status: 'checked_in', date: today, today, permissions: front }), ['cancel']);
  assert.deepEqual(allowedActions({ status: 'checked_in', date: today, today, permissions: doctor }), ['start', 'cancel']);
  assert.deepEqual(allowedActions({ status: 'in_progress', date: today, today, permissions: doctor }), ['complete']);
  assert.deepEqual(allowedActions({ status: 'scheduled', date: today, today, permissions: ['appointments:read'] }), []);
  for (const status of ['completed', 'cancelled', 'no_show']) assert.deepEqual(allowedActions({ status, date: today, today, permissions: doctor }), []);
});
