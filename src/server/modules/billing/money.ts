// The money rules (decision 0903), pure so property tests can hammer them: amounts are integers in
// minor units; quantities are whole; nothing here ever produces a fraction, so nothing rounds.
import { AppError } from '../../platform/errors.ts';
import type { InvoiceStatus } from './billing.table.ts';

/** Currencies a facility may bill in, with their minor units per major unit (ISO 4217 exponent 2). */
export const CURRENCIES = ['SDG', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const DEFAULT_CURRENCY: Currency = 'SDG';

/** Bounds that keep every sum far below 2^53 (100 lines × 10,000 × 10^9 = 10^15). */
export const MAX_UNIT_PRICE = 1_000_000_000;
export const MAX_QUANTITY = 10_000;
export const MAX_LINES = 100;

export interface LineInput { quantity: number; unitPrice: number }

export function lineTotal(line: LineInput): number {
  return line.quantity * line.unitPrice;
}

export function invoiceTotal(lines: readonly LineInput[]): number {
  return lines.reduce((sum, l) => sum + lineTotal(l), 0);
}

/** The status an issued invoice has with this much paid (void is decided elsewhere). */
export function statusFor(total: number, paid: number): Exclude<InvoiceStatus, 'void'> {
  if (paid >= total) return 'paid';
  return paid > 0 ? 'partially_paid' : 'issued';
}

/**
 * Checks a payment of `amount` against what is due: `committed` is what is paid plus pending
 * transfers not yet confirmed, so confirming them later can never overpay the invoice.
 */
export function checkPayment(total: number, committed: number, amount: number): void {
  if (amount > total - committed) {
    throw new AppError('unprocessable', `The payment of ${amount} is more than the ${total - committed} still due (pending transfers count); take at most the amount due.`, { amountDue: total - committed });
  }
}

/** Checks a refund of `amount` (positive) against what the original payment has left unrefunded. */
export function checkRefund(paid: number, alreadyRefunded: number, amount: number): void {
  if (amount > paid - alreadyRefunded) {
    throw new AppError('unprocessable', `The refund of ${amount} is more than the ${paid - alreadyRefunded} of this payment not yet refunded.`, { refundable: paid - alreadyRefunded });
  }
}

/**
 * `basisPoints` (1/100 of a percent) of an amount, rounded half up to a whole minor unit in integer
 * arithmetic; the rest is `amount − percentOf(...)`, so the two parts always sum to the whole.
 */
export function percentOf(amount: number, basisPoints: number): number {
  return Math.floor((amount * basisPoints + 5000) / 10000);
}

/** Checks a discount against what is left to discount: never below what is paid or pending. */
export function checkDiscount(subtotal: number, committed: number, discount: number): void {
  if (discount > subtotal - committed) {
    throw new AppError('unprocessable', `A discount of ${discount} would leave the invoice below the ${committed} already paid or pending; the most is ${subtotal - committed}.`, { maxDiscount: subtotal - committed });
  }
}
