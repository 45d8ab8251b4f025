// The money rules of payers, credit notes and exchange rates (decision 0029), pure so property
// tests can hammer them. Everything stays in integer minor units: a share rounds half up once per
// line and the other side takes the rest, so the parts always sum to the whole exactly.
import { AppError } from '../../platform/errors.ts';
import { percentOf } from './money.ts';

export interface CoveredLine { lineTotal: number; coverageBp: number }

/** The payer's share of one line, rounded half up; the patient's is lineTotal − this. */
export const linePayerShare = (line: CoveredLine): number => percentOf(line.lineTotal, line.coverageBp);

export function splitInvoice(lines: readonly CoveredLine[]): { payerShare: number; patientShare: number } {
  const total = lines.reduce((s, l) => s + l.lineTotal, 0);
  const payerShare = lines.reduce((s, l) => s + linePayerShare(l), 0);
  return { payerShare, patientShare: total - payerShare };
}

/**
 * The part of a credit taken off the payer: the payer's share of what is left, in proportion,
 * rounded half up in exact integers (BigInt: the products pass 2^53). The patient's part is the
 * rest; with credit ≤ total neither part exceeds its side.
 */
export function creditPayerPart(credit: number, total: number, payerShare: number): number {
  if (total <= 0 || payerShare <= 0) return 0;
  const num = BigInt(credit) * BigInt(payerShare) * 2n + BigInt(total);
  return Number(num / (BigInt(total) * 2n));
}

/** A credit note may take an invoice down to zero, never below. */
export function checkCredit(total: number, amount: number): void {
  if (amount > total) {
    throw new AppError('unprocessable', `A credit of ${amount} is more than the ${total} left on the invoice after earlier credit notes and the discount.`, { creditable: total });
  }
}

/** Paid beyond what the patient owes after a credit: the clerk refunds it (POST /payments/:id/refunds). */
export const overpaid = (patientShare: number, paid: number): number => Math.max(0, paid - patientShare);

export const RATE_SCALE = 1_000_000n;
export const RATE_PATTERN = '^[0-9]{1,7}(\\.[0-9]{1,6})?$';

/** "2450.5" → 2450500000 millionths, exactly (no floating point). */
export function parseRate(rate: string): bigint {
  const [whole, frac = ''] = rate.split('.');
  return BigInt(whole!) * RATE_SCALE + BigInt(frac.padEnd(6, '0'));
}

/**
 * An amount in the paid currency converted to the invoice currency at `rate` (invoice-currency
 * units per one paid-currency unit; both currencies have two decimals, so minor units convert at
 * the same rate), rounded half up to a whole minor unit.
 */
export function convert(amount: number, rateMicros: bigint): number {
  return Number((BigInt(amount) * rateMicros * 2n + RATE_SCALE) / (RATE_SCALE * 2n));
}

/** The inverse conversion, for checking round trips and showing what a due amount is in the other currency. */
export function convertBack(amount: number, rateMicros: bigint): number {
  return Number((BigInt(amount) * RATE_SCALE * 2n + rateMicros) / (rateMicros * 2n));
}
