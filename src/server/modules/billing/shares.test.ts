// Property-based tests (fast-check) of payer shares, credit notes and currency conversion: the
// payer's and the patient's share always add up to the total, each within it; credits never take
// an invoice below zero nor either side below zero; a conversion and back lands within rounding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../platform/errors.ts';
import { MAX_LINES, MAX_QUANTITY, MAX_UNIT_PRICE } from './money.ts';
import { checkCredit, convert, convertBack, creditPayerPart, linePayerShare, parseRate, splitInvoice } from './shares.ts';

const bp = fc.integer({ min: 0, max: 10000 });
const coveredLine = fc.record({ lineTotal: fc.integer({ min: 0, max: MAX_UNIT_PRICE * MAX_QUANTITY }), coverageBp: bp });
const refused = (run: () => void) => {
  try { run(); return false; } catch (err) { if (err instanceof AppError && err.code === 'unprocessable') return true; throw err; }
};

test('payer share + patient share = total for any lines and percentages, each side within it', () => {
  fc.assert(fc.property(fc.array(coveredLine, { minLength: 1, maxLength: MAX_LINES }), (lines) => {
    const total = lines.reduce((s, l) => s + l.lineTotal, 0);
    const { payerShare, patientShare } = splitInvoice(lines);
    assert.equal(payerShare + patientShare, total);
    assert.ok(Number.isSafeInteger(payerShare) && payerShare >= 0 && patientShare >= 0);
    for (const l of lines) assert.ok(linePayerShare(l) <= l.lineTotal);
  }));
  assert.deepEqual(splitInvoice([{ lineTotal: 150001, coverageBp: 8000 }]), { payerShare: 120001, patientShare: 30000 });
});

test('credits never exceed the total, and each credit\'s payer part stays within both sides', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 15 }), bp, fc.array(fc.integer({ min: 1, max: 10 ** 15 }), { maxLength: 20 }), (subtotal, coverage, attempts) => {
    let total = subtotal;
    let payerShare = linePayerShare({ lineTotal: subtotal, coverageBp: coverage });
    let credited = 0;
    for (const amount of attempts) {
      if (refused(() => checkCredit(total, amount))) continue;
      const part = creditPayerPart(amount, total, payerShare);
      assert.ok(part >= 0 && part <= payerShare && amount - part <= total - payerShare, `part ${part} of ${amount} on ${total}/${payerShare}`);
      total -= amount;
      payerShare -= part;
      credited += amount;
    }
    assert.ok(credited <= subtotal && total >= 0);
    assert.equal(total + credited, subtotal);
  }));
});

test('a conversion rounds half up to a whole minor unit, and converting back lands within rounding', () => {
  const rate = fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 999_999 }))
    .filter(([w, f]) => w + f > 0).map(([w, f]) => `${w}.${String(f).padStart(6, '0')}`);
  fc.assert(fc.property(fc.integer({ min: 1, max: 10 ** 8 }), rate, (amount, text) => {
    const micros = parseRate(text);
    const converted = convert(amount, micros);
    // |converted − amount × rate| ≤ ½ minor unit, checked exactly in integers.
    assert.ok(2n * (BigInt(converted) * 1_000_000n - BigInt(amount) * micros) <= 1_000_000n);
    assert.ok(2n * (BigInt(amount) * micros - BigInt(converted) * 1_000_000n) < 1_000_000n);
    const back = convertBack(converted, micros);
    // Back is off by the half unit of each rounding, scaled by the rate: at most 1 when rate ≥ 1.
    const slack = micros >= 1_000_000n ? 1 : Math.ceil(Number(1_000_000n) / Number(micros)) + 1;
    assert.ok(Math.abs(back - amount) <= slack, `${amount} at ${text} → ${converted} → ${back}`);
  }));
  assert.equal(convert(101, parseRate('2450.5')), 247501);
  assert.equal(parseRate('0.000001'), 1n);
});
