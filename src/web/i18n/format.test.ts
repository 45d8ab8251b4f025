import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeZoneName, directionOf, formatCalendarDate, formatDate, formatDateTime, formatNumber, formatTime, isolate, localeOf, type FormatSettings } from './format.ts';

const KHARTOUM = 'Africa/Khartoum'; // UTC+2, no daylight saving
const en: FormatSettings = { language: 'en', digits: 'latn', timeZone: KHARTOUM };
const arLatn: FormatSettings = { language: 'ar', digits: 'latn', timeZone: KHARTOUM };
const arArab: FormatSettings = { language: 'ar', digits: 'arab', timeZone: KHARTOUM };
// 23:30 UTC on 30 Nov is already 1 December in Khartoum.
const LATE = '2026-11-30T23:30:00.000Z';

test('dates and times are those of the facility, not of the computer', () => {
  assert.equal(formatDate(LATE, en), '1 Dec 2026');
  assert.equal(formatTime(LATE, en), '01:30');
  assert.equal(formatDate(LATE, { ...en, timeZone: 'UTC' }), '30 Nov 2026');
  assert.equal(formatDateTime(LATE, en), '1 Dec 2026, 01:30');
});

test('Arabic uses Western or Arabic-Indic digits as chosen', () => {
  assert.equal(localeOf(arArab), 'ar-SD-u-nu-arab');
  assert.match(formatDate(LATE, arLatn), /^1 .+ 2026$/);
  assert.doesNotMatch(formatDate(LATE, arLatn), /[٠-٩]/);
  assert.match(formatDate(LATE, arArab), /^١ .+ ٢٠٢٦$/);
  assert.equal(formatNumber(1234.5, arArab), '١٬٢٣٤٫٥');
  assert.equal(formatNumber(1234.5, arLatn).replace(/[^\d]/g, ''), '12345');
  assert.equal(formatNumber(1234.5, en), '1,234.5');
  assert.match(formatTime(LATE, arArab), /^١:٣٠/);
});

test('a calendar date (birth date) is never shifted by a time zone', () => {
  assert.equal(formatCalendarDate('1990-01-01', en), '1 Jan 1990');
  assert.equal(formatCalendarDate('not a date', en), 'not a date');
  assert.match(formatCalendarDate('1990-01-01', arArab), /^١ .+ ١٩٩٠$/);
});

test('an invalid instant formats as nothing rather than "Invalid Date"', () => {
  assert.equal(formatDate('yesterday-ish', en), '');
});

test('isolates keep Latin and number fragments whole inside Arabic text', () => {
  const mrn = isolate('MRN-000123');
  assert.equal(mrn, '\u2068MRN-000123\u2069');
  assert.equal(`رقم الملف ${mrn}`.length, 'رقم الملف '.length + 'MRN-000123'.length + 2);
  assert.equal(directionOf('ar'), 'rtl');
  assert.equal(directionOf('en'), 'ltr');
});

test('the time zone is named in the interface language', () => {
  assert.equal(timeZoneName(en), 'Central Africa Time');
  assert.match(timeZoneName(arLatn), /[\u0600-\u06FF]/);
});
