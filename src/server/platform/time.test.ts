import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays, formatInZone, fromWallTime, isTimeZone, localDateOf, localMinutesToInstant, offsetMinutes,
  parseDate, parseDateTime, toWallTime, weekdayOf,
} from './time.ts';

const at = (iso: string) => Date.parse(iso);
const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({ year, month, day, hour, minute, second: 0 });

test('Africa/Khartoum is UTC+2 all year', () => {
  assert.equal(offsetMinutes('Africa/Khartoum', at('2026-01-15T12:00:00Z')), 120);
  assert.equal(offsetMinutes('Africa/Khartoum', at('2026-07-15T12:00:00Z')), 120);
  assert.equal(fromWallTime('Africa/Khartoum', wall(2026, 12, 1, 10)), at('2026-12-01T08:00:00Z'));
  assert.equal(formatInZone('Africa/Khartoum', at('2026-12-01T08:00:00Z')), '2026-12-01T10:00:00+02:00');
});

test('zones behind UTC and with half-hour offsets format their offset', () => {
  assert.equal(formatInZone('America/New_York', at('2026-01-15T17:30:00Z')), '2026-01-15T12:30:00-05:00');
  assert.equal(formatInZone('Asia/Kolkata', at('2026-01-15T00:00:00Z')), '2026-01-15T05:30:00+05:30');
  assert.equal(formatInZone('UTC', at('2026-01-15T00:00:00Z')), '2026-01-15T00:00:00+00:00');
});

test('Europe/London changes offset with daylight saving time', () => {
  assert.equal(offsetMinutes('Europe/London', at('2026-01-15T12:00:00Z')), 0);
  assert.equal(offsetMinutes('Europe/London', at('2026-07-15T12:00:00Z')), 60);
  assert.equal(fromWallTime('Europe/London', wall(2026, 7, 15, 10)), at('2026-07-15T09:00:00Z'));
  assert.equal(formatInZone('Europe/London', at('2026-07-15T09:00:00Z')), '2026-07-15T10:00:00+01:00');
});

test('a wall time in the spring-forward gap moves forward by the gap', () => {
  // 2026-03-29: London clocks jump from 01:00 GMT to 02:00 BST; 01:30 does not exist.
  const t = fromWallTime('Europe/London', wall(2026, 3, 29, 1, 30));
  assert.equal(t, at('2026-03-29T01:30:00Z'));
  assert.equal(formatInZone('Europe/London', t), '2026-03-29T02:30:00+01:00');
  // Just either side of the gap is unaffected.
  assert.equal(fromWallTime('Europe/London', wall(2026, 3, 29, 0, 59)), at('2026-03-29T00:59:00Z'));
  assert.equal(fromWallTime('Europe/London', wall(2026, 3, 29, 2, 0)), at('2026-03-29T01:00:00Z'));
});

test('a wall time in the fall-back overlap takes the earlier instant', () => {
  // 2026-10-25: London clocks go back from 02:00 BST to 01:00 GMT; 01:30 happens twice.
  const t = fromWallTime('Europe/London', wall(2026, 10, 25, 1, 30));
  assert.equal(t, at('2026-10-25T00:30:00Z'));
  assert.equal(formatInZone('Europe/London', t), '2026-10-25T01:30:00+01:00');
  assert.equal(formatInZone('Europe/London', t + 3_600_000), '2026-10-25T01:30:00+00:00');
  assert.equal(fromWallTime('Europe/London', wall(2026, 10, 25, 2, 0)), at('2026-10-25T02:00:00Z'));
});

test('a local day in a DST zone is 23 or 25 hours long', () => {
  const length = (date: string) => (localMinutesToInstant('Europe/London', date, 1440) - localMinutesToInstant('Europe/London', date, 0)) / 3_600_000;
  assert.equal(length('2026-03-29'), 23);
  assert.equal(length('2026-10-25'), 25);
  assert.equal(length('2026-06-01'), 24);
});

test('wall time and local date of an instant', () => {
  assert.deepEqual(toWallTime('Africa/Khartoum', at('2026-12-31T23:30:00Z')), wall(2027, 1, 1, 1, 30));
  assert.equal(localDateOf('Africa/Khartoum', at('2026-12-31T23:30:00Z')), '2027-01-01');
  assert.equal(localDateOf('America/New_York', at('2027-01-01T03:00:00Z')), '2026-12-31');
});

test('parseDateTime reads offsets as given and local times in the zone', () => {
  const k = 'Africa/Khartoum';
  assert.equal(parseDateTime('2026-12-01T10:00:00+02:00', k), at('2026-12-01T08:00:00Z'));
  assert.equal(parseDateTime('2026-12-01T10:00:00+0530', k), at('2026-12-01T04:30:00Z'));
  assert.equal(parseDateTime('2026-12-01T10:00:00-03:00', k), at('2026-12-01T13:00:00Z'));
  assert.equal(parseDateTime('2026-12-01T08:00:00Z', k), at('2026-12-01T08:00:00Z'));
  assert.equal(parseDateTime('2026-12-01T08:00:00.250Z', k), at('2026-12-01T08:00:00.250Z'));
  assert.equal(parseDateTime('2026-12-01 10:00:00', k), at('2026-12-01T08:00:00Z'));
  assert.equal(parseDateTime('2026-12-01T10:00', k), at('2026-12-01T08:00:00Z'));
  assert.equal(parseDateTime('2026-07-15 10:00:00', 'Europe/London'), at('2026-07-15T09:00:00Z'));
  assert.equal(parseDateTime('2026-03-29 01:30', 'Europe/London'), at('2026-03-29T01:30:00Z'));
});

test('parseDateTime refuses malformed and impossible values', () => {
  for (const bad of ['', 'tomorrow', '2026-12-01', '2026-13-01 10:00', '2026-02-30 10:00', '2026-12-01 24:00',
    '2026-12-01 10:60', '2026-12-01T10:00:00+25:00', '2026-12-01T10:00:00 +02:00', '26-12-01 10:00']) {
    assert.equal(parseDateTime(bad, 'Africa/Khartoum'), null, bad);
  }
  assert.notEqual(parseDateTime('2028-02-29 10:00', 'Africa/Khartoum'), null, 'a leap day exists');
});

test('calendar helpers', () => {
  assert.deepEqual(parseDate('2026-12-01'), { year: 2026, month: 12, day: 1 });
  assert.equal(parseDate('2026-02-29'), null);
  assert.equal(parseDate('2026-1-01'), null);
  assert.equal(weekdayOf('2026-11-29'), 0, 'a Sunday');
  assert.equal(weekdayOf('2026-12-04'), 5, 'a Friday');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(isTimeZone('Africa/Khartoum'), true);
  assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
});
