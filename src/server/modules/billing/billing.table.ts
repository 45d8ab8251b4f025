// The billing module's tables (migration 2026-11-27T1600_billing). Money is integer minor units;
// bigint columns may arrive as strings from some drivers, so views convert with Number().
export type PriceKind = 'service' | 'lab_test' | 'medicine';
export type InvoiceStatus = 'issued' | 'partially_paid' | 'paid' | 'void';
export type PaymentMethod = 'cash' | 'mobile_money' | 'bank_transfer' | 'card';
export type PaymentStatus = 'pending' | 'completed';

/** The currencies a facility bills in, comma-separated (SDG only when it has no row). */
export interface BillingSettingsTable { facility_id: string; currencies: string; updated_by: string; updated_at: string }

/** One version of one price; the current version has superseded_at null. */
export interface BillingPriceTable {
  id: string;
  facility_id: string;
  kind: PriceKind;
  code: string;
  name: string;
  currency: string;
  unit_price: number;
  version: number;
  valid_from: string;
  superseded_at: string | null;
  created_by: string;
}

export interface InvoiceCounterTable { facility_id: string; year: number; last_value: number }

export interface InvoiceTable {
  id: string;
  facility_id: string;
  number: string;
  patient_id: string;
  encounter_id: string | null;
  currency: string;
  /** The sum of the lines. */
  subtotal: number;
  /** A discount or exemption approved by a facility admin with a reason; total = subtotal − discount. */
  discount: number;
  discount_reason: string | null;
  discount_approved_by: string | null;
  discounted_at: string | null;
  total: number;
  /** Completed payments less refunds; pending transfers count only once confirmed. */
  amount_paid: number;
  status: InvoiceStatus;
  void_reason: string | null;
  voided_by: string | null;
  voided_at: string | null;
  issued_by: string;
  issued_at: string;
  updated_at: string;
}

export interface InvoiceLineTable {
  id: string;
  facility_id: string;
  invoice_id: string;
  position: number;
  description: string;
  service_code: string | null;
  /** The price-list version the line was priced from, when it was. */
  price_id: string | null;
  quantity: number;
  unit_price: number;
  line_total: number;
}

export interface PaymentTable {
  id: string;
  facility_id: string;
  invoice_id: string;
  patient_id: string;
  /** Negative for a refund. */
  amount: number;
  currency: string;
  method: PaymentMethod;
  reference: string | null;
  status: PaymentStatus;
  refund_of: string | null;
  reason: string | null;
  /** The receiving clerk's cash shift open at the time (always set for cash). */
  shift_id: string | null;
  received_by: string;
  received_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

export interface CashShiftTable {
  id: string;
  facility_id: string;
  clerk_id: string;
  open_clerk_id: string | null;
  currency: string;
  opening_float: number;
  opened_at: string;
  closed_at: string | null;
  expected_cash: number | null;
  counted_cash: number | null;
  note: string | null;
}

/** A claimed Idempotency-Key: the response is null while the first request is still running. */
export interface IdempotencyKeyTable {
  facility_id: string;
  idem_key: string;
  request_hash: string;
  status_code: number | null;
  response: string | null;
  created_at: string;
}

/**
 * Exact daily totals per facility, local day, currency and method (migration 2026-11-27T1730).
 * Method '' rows: the invoice side by issue day; method rows: completed money by completion day.
 */
export interface BillingDailyTotalTable {
  facility_id: string;
  day: string;
  currency: string;
  method: string;
  invoice_count: number;
  invoiced: number;
  settled: number;
  open_count: number;
  payment_count: number;
  collected: number;
  refunded: number;
}

export interface BillingTables {
  billing_daily_totals: BillingDailyTotalTable;
  billing_settings: BillingSettingsTable;
  billing_prices: BillingPriceTable;
  invoice_counters: InvoiceCounterTable;
  invoices: InvoiceTable;
  invoice_lines: InvoiceLineTable;
  payments: PaymentTable;
  cash_shifts: CashShiftTable;
  idempotency_keys: IdempotencyKeyTable;
}
