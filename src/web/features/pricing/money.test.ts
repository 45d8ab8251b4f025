// The price and coverage inputs: exact integers from what staff type, in either digit set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moneyText, parseMoney, parsePercent, percentText } from './money.ts';

test('amounts become exact minor units, or null', () => {
  assert.equal(parseMoney('1500'), 150000);
  assert.equal(parseMoney('1,500.1'), 150010);
  assert.equal(parseMoney('0.29'), 29);
  assert.equal(parseMoney('١٥٠٠٫٥'), 150050);
  for (const bad of ['', '1.234', '-5', 'abc', '10000001', '1e3']) assert.equal(parseMoney(bad), null, bad);
  assert.equal(moneyText(150050), '1500.50');
  assert.equal(parseMoney(moneyText(29)), 29);
});

test('percentages become basis points within 0–100, and back', () => {
  assert.equal(parsePercent('80'), 8000);
  assert.equal(parsePercent('12.5'), 1250);
  assert.equal(parsePercent('٥٠'), 5000);
  assert.equal(parsePercent('100'), 10000);
  for (const bad of ['100.01', '101', '-1', '', 'x']) assert.equal(parsePercent(bad), null, bad);
  assert.equal(percentText(1250), '12.5');
  assert.equal(percentText(8000), '80');
  assert.equal(percentText(1), '0.01');
});
