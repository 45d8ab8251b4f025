// The billing module's tables (migration 2026-11-27T1600_billing). Money is integer minor units;
// bigint columns may arrive as strings from some drivers, so views convert with Number().
// Columns added by 2026-11-27T1700_billing_payers are Generated: they have database defaults.
import type { Generated, Selectable } from 'kysely';
export type PriceKind = 'service' | 'lab_test' | 'medicine';
export type InvoiceStatus = 'issued' | 'partially_paid' | 'paid' | 'void';
export type PaymentMethod = 'cash' | 'mobile_money' | 'bank_transfer' | 'card';
/** Card payments start pending and end completed or failed by the provider's webhook. */
export type PaymentStatus = 'pending' | 'completed' | 'failed';

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
  /** The payer covering the patient when the invoice was issued, and the membership number then. */
  payer_id: Generated<string | null>;
  member_number: Generated<string | null>;
  /** What the payer owes (line shares less the payer part of credit notes); the patient owes total − payer_share. */
  payer_share: Generated<number>;
  /** The sum of credit notes; total = subtotal − discount − credited. */
  credited: Generated<number>;
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
  /** The price-list category the line was covered as (service, lab_test, medicine). */
  kind: Generated<string | null>;
  coverage_bp: Generated<number>;
  payer_share: Generated<number>;
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
  /** A payment in another currency: what was handed over, in its minor units, and the rate used (a decimal string). */
  original_amount: Generated<number | null>;
  original_currency: Generated<string | null>;
  exchange_rate: Generated<string | null>;
}

export type PayerKind = 'nhif' | 'company' | 'other';
export interface PayerTable {
  id: string;
  facility_id: string;
  name: string;
  kind: PayerKind;
  /** Coverage in basis points per price-list category (10000 = all of it). */
  service_bp: number;
  lab_test_bp: number;
  medicine_bp: number;
  /** 1 or 0 (booleans differ across the three databases). */
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PatientCoverageTable {
  id: string;
  facility_id: string;
  patient_id: string;
  /** patient_id while not ended, else null: one current coverage per patient. */
  open_patient_id: string | null;
  payer_id: string;
  member_number: string;
  valid_from: string;
  valid_to: string | null;
  created_by: string;
  created_at: string;
  ended_by: string | null;
  ended_at: string | null;
}

export interface CreditNoteCounterTable { facility_id: string; year: number; last_value: number }

export interface CreditNoteTable {
  id: string;
  facility_id: string;
  invoice_id: string;
  number: string;
  amount: number;
  /** The part of the credit taken off the payer's share; the rest comes off the patient's. */
  payer_part: number;
  reason: string;
  lines: string | null;
  approved_by: string;
  created_at: string;
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

/** A provider webhook event applied (or deliberately ignored) once; outcome says which. */
export interface PaymentProviderEventTable {
  provider: string;
  event_id: string;
  type: string;
  facility_id: string | null;
  payment_id: string | null;
  outcome: string;
  received_at: string;
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
  payer_share: number;
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
  payment_provider_events: PaymentProviderEventTable;
  payers: PayerTable;
  patient_coverages: PatientCoverageTable;
  credit_note_counters: CreditNoteCounterTable;
  credit_notes: CreditNoteTable;
}

/** Rows as read (Generated columns resolved to their values). */
export type InvoiceRow = Selectable<InvoiceTable>;
export type InvoiceLineRow = Selectable<InvoiceLineTable>;
export type PaymentRow = Selectable<PaymentTable>;
