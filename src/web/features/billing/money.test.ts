import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney, minorToDecimal, parseAmount } from './money.ts';

test('typed amounts become exact minor units, whatever digits and separators', () => {
  const minor = (text: string) => { const r = parseAmount(text); assert.ok(r.ok, text); return r.minor; };
  assert.equal(minor('1000'), 100000);
  assert.equal(minor('0.29'), 29); // 0.29 * 100 is 28.999999999999996 in floating point
  assert.equal(minor('1,250.5'), 125050);
  assert.equal(minor('١٬٢٥٠٫٥'), 125050);
  assert.equal(minor('۱۰'), 1000);
  assert.equal(minor(' 007.10 '), 710);
  assert.equal(minor('999999999999.99'), 99999999999999);
});

test('what is not an amount says why', () => {
  const problem = (text: string) => { const r = parseAmount(text); assert.ok(!r.ok, text); return r.problem; };
  assert.equal(problem(''), 'empty');
  assert.equal(problem('1.005'), 'decimals');
  assert.equal(problem('-5'), 'format');
  assert.equal(problem('1e3'), 'format');
  assert.equal(problem('12.3.4'), 'format');
  assert.equal(problem('1000000000000'), 'tooLarge');
});

test('minor units are shown with two decimals in the chosen digits', () => {
  assert.equal(minorToDecimal(29), '0.29');
  assert.equal(minorToDecimal(-500), '-5.00');
  assert.equal(minorToDecimal(99999999999999), '999999999999.99');
  assert.equal(formatMoney(125050, 'SDG', { language: 'en', digits: 'latn' }), 'SDG\u00a01,250.50');
  assert.match(formatMoney(125050, 'SDG', { language: 'ar', digits: 'arab' }), /١٬٢٥٠٫٥٠/);
  assert.match(formatMoney(125050, 'USD', { language: 'en', digits: 'latn' }), /1,250\.50/);
  assert.throws(() => minorToDecimal(1.5));
});
