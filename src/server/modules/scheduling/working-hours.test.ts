import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_FACILITY_HOURS, MAX_SLOT_STEPS, freeSlots, intervalsOn, normaliseWeek, rangeProblems, rangesOn, weekProblems, within, describeRanges } from './working-hours.ts';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

test('the default week is Sunday to Thursday 08:00–16:00 with Friday and Saturday off', () => {
  assert.deepEqual(rangesOn('2026-11-29', DEFAULT_FACILITY_HOURS), [{ start: '08:00', end: '16:00' }], 'Sunday');
  assert.deepEqual(rangesOn('2026-12-03', DEFAULT_FACILITY_HOURS), [{ start: '08:00', end: '16:00' }], 'Thursday');
  assert.deepEqual(rangesOn('2026-12-04', DEFAULT_FACILITY_HOURS), [], 'Friday');
  assert.deepEqual(rangesOn('2026-12-05', DEFAULT_FACILITY_HOURS), [], 'Saturday');
});

test('an exception replaces the day: null hours is a day off', () => {
  assert.deepEqual(rangesOn('2026-11-30', DEFAULT_FACILITY_HOURS, { hours: null }), []);
  assert.deepEqual(rangesOn('2026-12-04', DEFAULT_FACILITY_HOURS, { hours: [{ start: '10:00', end: '12:00' }] }), [{ start: '10:00', end: '12:00' }]);
});

test('range problems: end before start, overlaps; adjoining ranges are fine', () => {
  assert.deepEqual(rangeProblems([{ start: '09:00', end: '09:00' }], 'd').map((p) => p.field), ['d.0']);
  assert.deepEqual(rangeProblems([{ start: '13:00', end: '15:00' }, { start: '09:00', end: '13:30' }], 'd').map((p) => p.field), ['d.0']);
  assert.deepEqual(rangeProblems([{ start: '09:00', end: '12:00' }, { start: '12:00', end: '24:00' }], 'd'), []);
  assert.deepEqual(weekProblems({ friday: [{ start: '10:00', end: '09:00' }] }, 'body.days').map((p) => p.field), ['body.days.friday.0']);
});

test('normalised weeks list every day with ranges in order', () => {
  const week = normaliseWeek({ monday: [{ start: '13:00', end: '15:00' }, { start: '08:00', end: '12:00' }] });
  assert.deepEqual(Object.keys(week), ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
  assert.deepEqual(week.monday.map((r) => r.start), ['08:00', '13:00']);
  assert.deepEqual(week.friday, []);
  assert.equal(describeRanges(week.monday), '08:00–12:00, 13:00–15:00');
  assert.equal(describeRanges(week.friday), 'no working hours');
});

test('intervals are instants in the zone, adjoining ranges joined', () => {
  const k = intervalsOn('Africa/Khartoum', '2026-11-30', [{ start: '12:00', end: '16:00' }, { start: '08:00', end: '12:00' }]);
  assert.deepEqual(k, [{ start: at('2026-11-30T06:00:00Z'), end: at('2026-11-30T14:00:00Z') }]);
  assert.ok(within(k, { start: at('2026-11-30T09:30:00Z'), end: at('2026-11-30T10:30:00Z') }), 'across 12:00 local');
  assert.ok(!within(k, { start: at('2026-11-30T13:45:00Z'), end: at('2026-11-30T14:15:00Z') }), 'past 16:00 local');
  const midnight = intervalsOn('Africa/Khartoum', '2026-11-30', [{ start: '20:00', end: '24:00' }]);
  assert.equal(midnight[0]!.end, at('2026-11-30T22:00:00Z'));
});

test('a working day across a DST change keeps its local hours', () => {
  // 2027-03-28: London springs forward at 01:00; 00:00–04:00 local is only three hours long.
  const [night] = intervalsOn('Europe/London', '2027-03-28', [{ start: '00:00', end: '04:00' }]);
  assert.equal(night!.end - night!.start, 3 * HOUR);
  const [day] = intervalsOn('Europe/London', '2027-03-28', [{ start: '08:00', end: '16:00' }]);
  assert.deepEqual(day, { start: at('2027-03-28T07:00:00Z'), end: at('2027-03-28T15:00:00Z') });
  const [autumn] = intervalsOn('Europe/London', '2027-10-31', [{ start: '00:00', end: '04:00' }]);
  assert.equal(autumn!.end - autumn!.start, 5 * HOUR);
});

test('free slots step through working time, skip booked time and the past', () => {
  const working = [{ start: at('2026-11-30T06:00:00Z'), end: at('2026-11-30T08:00:00Z') }];
  const booked = [{ start: at('2026-11-30T06:30:00Z'), end: at('2026-11-30T07:00:00Z') }];
  const starts = (s: { start: number }[]) => s.map((x) => new Date(x.start).toISOString().slice(11, 16));
  assert.deepEqual(starts(freeSlots(working, booked, 30, 30, 0)), ['06:00', '07:00', '07:30']);
  assert.deepEqual(starts(freeSlots(working, booked, 30, 60, 0)), ['07:00']);
  assert.deepEqual(starts(freeSlots(working, [], 30, 30, at('2026-11-30T06:45:00Z'))), ['07:00', '07:30']);
  assert.deepEqual(freeSlots([], [], 30, 30, 0), []);
});

test('free slots end however broken the step or length (a stored Infinity, 0, NaN)', () => {
  const day = [{ start: at('2026-11-30T00:00:00Z'), end: at('2026-12-01T00:00:00Z') }];
  for (const [step, length] of [[0, 30], [-Infinity, 30], [30, -Infinity], [Number.NaN, 30], [1e-9, 30], [30, 0]] as const) {
    const slots = freeSlots(day, [], step, length, 0);
    assert.ok(slots.length <= MAX_SLOT_STEPS, `${step}/${length}: ${slots.length} slots`);
  }
  assert.equal(freeSlots(day, [], 5, 5, 0).length, 288, 'a whole day of 5-minute slots is within the limit');
});
