// Property-based tests of the money rules (fast-check): whatever lines, payments and refunds come,
// totals are the sum of the lines, payments never exceed the total, paid ⇔ nothing due, and
// refunds never exceed what was paid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../platform/errors.ts';
import { MAX_LINES, MAX_QUANTITY, MAX_UNIT_PRICE, checkDiscount, checkPayment, checkRefund, invoiceTotal, lineTotal, percentOf, statusFor } from './money.ts';

const line = fc.record({ quantity: fc.integer({ min: 1, max: MAX_QUANTITY }), unitPrice: fc.integer({ min: 0, max: MAX_UNIT_PRICE }) });
const lines = fc.array(line, { minLength: 1, maxLength: MAX_LINES });
const refused = (run: () => void) => {
  try { run(); return false; } catch (err) { if (err instanceof AppError && err.code === 'unprocessable') return true; throw err; }
};

test('the total is the sum of the lines, an exact integer below 2^53', () => {
  fc.assert(fc.property(lines, (ls) => {
    const total = invoiceTotal(ls);
    assert.ok(Number.isSafeInteger(total));
    assert.equal(total, ls.reduce((s, l) => s + l.quantity * l.unitPrice, 0));
    assert.ok(ls.every((l) => Number.isSafeInteger(lineTotal(l))));
  }));
});

test('accepted payments never exceed the total, and paid ⇔ nothing due', () => {
  fc.assert(fc.property(lines, fc.array(fc.integer({ min: 1, max: 2 ** 40 }), { maxLength: 30 }), (ls, attempts) => {
    const total = invoiceTotal(ls);
    let paid = 0;
    for (const amount of attempts) {
      if (!refused(() => checkPayment(total, paid, amount))) paid += amount;
      assert.ok(paid <= total);
      assert.equal(statusFor(total, paid) === 'paid', total - paid === 0);
      assert.equal(statusFor(total, paid) === 'issued', paid === 0 && total > 0);
    }
  }));
});

test('refunds of a payment never add up to more than it', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.array(fc.integer({ min: 1, max: 2 ** 40 }), { maxLength: 30 }), (payment, attempts) => {
    let refunded = 0;
    for (const amount of attempts) {
      if (!refused(() => checkRefund(payment, refunded, amount))) refunded += amount;
      assert.ok(refunded <= payment);
    }
  }));
});

test('a percentage share and the rest always add up to the whole, each within it, rounded half up', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 15 / 10000 }), fc.integer({ min: 0, max: 10000 }), (amount, bp) => {
    const share = percentOf(amount, bp);
    const rest = amount - share;
    assert.ok(Number.isSafeInteger(share) && share >= 0 && rest >= 0);
    assert.equal(share + rest, amount);
    assert.ok(Math.abs(share * 10000 - amount * bp) <= 5000, 'off by at most half a minor unit');
  }));
  assert.equal(percentOf(1, 5000), 1);
  assert.equal(percentOf(3, 5000), 2);
});

test('a discount never takes the total below what is paid or pending', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 1, max: 10 ** 12 }), (subtotal, committedRaw, discount) => {
    const committed = Math.min(committedRaw, subtotal);
    if (!refused(() => checkDiscount(subtotal, committed, discount))) assert.ok(subtotal - discount >= committed);
  }));
});
