// The billing module's HTTP shapes. Form and bounds are checked here; money rules (overpaying,
// refunding more than was paid) answer 422 from the use cases.
import { Type, type TSchema } from 'typebox';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { problem } from '../../platform/http/problem-schemas.ts';
import { CURRENCIES, MAX_LINES, MAX_QUANTITY, MAX_UNIT_PRICE } from './money.ts';
import { RATE_PATTERN } from './shares.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Uuid = Type.String({ pattern: UUID_PATTERN });
export const IdParams = Type.Object({ id: Uuid });
export const MAX_PAGE = 100;
export const Cursor = Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page' });

export const Currency = Type.Enum([...CURRENCIES], { description: 'ISO 4217; amounts are in its minor units (piastres, cents)' });
const Money = (description: string) => Type.Integer({ minimum: 0, maximum: MAX_UNIT_PRICE, description: `${description}, in minor units` });
const Reason = Type.String({ minLength: 3, maxLength: 500 });

export const PRICE_KINDS = ['service', 'lab_test', 'medicine'] as const;
export const PriceBody = Type.Object({
  kind: Type.Enum([...PRICE_KINDS]),
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'A service code of the facility (consultation-outpatient …), a LOINC code of the lab catalogue, or a formulary code' }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'Required for services; lab tests and medicines take the catalogue name' })),
  unitPrice: Money('The price'),
  currency: Type.Optional(Currency),
}, { additionalProperties: false });

export const Price = Type.Object({
  id: Type.String(), kind: Type.Enum([...PRICE_KINDS]), code: Type.String(), name: Type.String(), currency: Type.String(),
  unitPrice: Type.Integer(), version: Type.Integer(), validFrom: Type.String(), supersededAt: Nullable(Type.String()),
});
export const PriceQuery = Type.Object({
  kind: Type.Optional(Type.Enum([...PRICE_KINDS])),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Only this code' })),
  history: Type.Boolean({ default: false, description: 'true: every version (superseded ones too), newest first; give kind and code' }),
}, { additionalProperties: false });

export const LineBody = Type.Object({
  description: Type.String({ minLength: 1, maxLength: 300 }),
  quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
  unitPrice: Money('The price of one'),
  serviceCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
}, { additionalProperties: false });

export const InvoiceBody = Type.Object({
  patientId: Uuid,
  encounterId: Type.Optional(Uuid),
  lines: Type.Array(LineBody, { minItems: 1, maxItems: MAX_LINES }),
  currency: Type.Optional(Currency),
}, { additionalProperties: false });

export const INVOICE_STATUSES = ['issued', 'partially_paid', 'paid', 'void'] as const;
const Line = Type.Object({
  position: Type.Integer(), description: Type.String(), serviceCode: Nullable(Type.String()), priceId: Nullable(Type.String()),
  quantity: Type.Integer(), unitPrice: Type.Integer(), lineTotal: Type.Integer(),
  kind: Nullable(Type.String({ description: 'The price-list category the line was covered as' })), coverageBp: Type.Integer({ description: 'The payer\'s coverage of the line, basis points' }),
  payerShare: Type.Integer({ description: 'The payer\'s share of the line; the patient\'s is lineTotal − payerShare' }),
});
export const Invoice = Type.Object({
  id: Type.String(), number: Type.String(), patientId: Type.String(), encounterId: Nullable(Type.String()), currency: Type.String(),
  status: Type.Enum([...INVOICE_STATUSES]), subtotal: Type.Integer({ description: 'The sum of the lines' }), discount: Type.Integer(),
  discountReason: Nullable(Type.String()), discountApprovedBy: Nullable(Type.String()), total: Type.Integer({ description: 'subtotal − discount − credited' }),
  credited: Type.Integer({ description: 'The sum of credit notes' }), payerId: Nullable(Type.String()), memberNumber: Nullable(Type.String()),
  payerShare: Type.Integer({ description: 'What the payer owes (claimed from it)' }), patientShare: Type.Integer({ description: 'total − payerShare: what the patient pays' }),
  amountPaid: Type.Integer({ description: 'Paid by the patient, refunds subtracted' }), amountDue: Type.Integer({ description: 'patientShare − amountPaid, never below 0' }),
  overpaid: Type.Integer({ description: 'Paid beyond the patient share after a credit note: to refund' }),
  issuedBy: Type.String(), issuedAt: Type.String(), voidReason: Nullable(Type.String()), voidedBy: Nullable(Type.String()), voidedAt: Nullable(Type.String()),
  lines: Type.Array(Line),
});

export const InvoiceQuery = Type.Object({
  patientId: Type.Optional(Uuid),
  status: Type.Optional(Type.Enum([...INVOICE_STATUSES])),
  number: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$', description: 'The invoice number, exactly (FAC-2026-000123)' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'Issued on or after this UTC day' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Issued on or before this UTC day' })),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const VoidBody = Type.Object({ reason: Reason }, { additionalProperties: false });

export const PAYMENT_METHODS = ['cash', 'mobile_money', 'bank_transfer', 'card'] as const;
export const PaymentBody = Type.Object({
  amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'In the invoice currency minor units' }),
  method: Type.Enum([...PAYMENT_METHODS]),
  reference: Type.Optional(Type.String({ minLength: 3, maxLength: 100, pattern: '^[A-Za-z0-9._/-]+$', description: 'The transfer reference; required for bank_transfer and mobile_money' })),
  currency: Type.Optional(Type.Enum([...CURRENCIES], { description: 'The currency handed over when not the invoice\'s (USD on an SDG invoice); amount is then in its minor units' })),
  exchangeRate: Type.Optional(Type.String({ pattern: RATE_PATTERN, maxLength: 14, description: 'With currency: invoice-currency units per one unit of it, as a decimal string (up to 6 decimals), e.g. "2450.5"; the converted amount rounds half up' })),
}, { additionalProperties: false });
export const RefundBody = Type.Object({
  amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  reason: Reason,
}, { additionalProperties: false });

export const Payment = Type.Object({
  id: Type.String(), invoiceId: Type.String(), amount: Type.Integer(), currency: Type.String(), method: Type.Enum([...PAYMENT_METHODS]),
  reference: Nullable(Type.String({ description: 'The transfer reference, or for a card payment the processor\'s PaymentIntent id' })),
  status: Type.Enum(['pending', 'completed', 'failed'], { description: 'Transfers and card payments are pending until confirmed; a card payment the processor declined or cancelled is failed' }), refundOf: Nullable(Type.String()), reason: Nullable(Type.String()),
  receivedBy: Type.String(), receivedAt: Type.String(), confirmedBy: Nullable(Type.String()), confirmedAt: Nullable(Type.String()),
  originalAmount: Nullable(Type.Integer({ description: 'What was handed over in originalCurrency minor units, when not the invoice currency; amount is it converted' })),
  originalCurrency: Nullable(Type.String()), exchangeRate: Nullable(Type.String({ description: 'The rate used: invoice-currency units per one originalCurrency unit' })),
});
export const TakenPayment = Type.Object({
  ...Payment.properties,
  clientSecret: Type.Optional(Type.String({ description: 'Card payments only: the PaymentIntent client secret the card form (Stripe.js) confirms the payment with' })),
});
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200, pattern: '^[\\x21-\\x7e]+$', description: 'Required: a unique key per payment attempt (a UUID); a retry with the same key answers the first response' })),
});

export const billingProblem = problem('invalid_transition: the invoice or payment is not in a state that allows this; conflict: the reference was already used, or the encounter is already invoiced; unprocessable: more than is due or refundable, a code without a price, or an Idempotency-Key reused with another body', ['invalid_transition', 'conflict', 'unprocessable']);

export const OpenShiftBody = Type.Object({ openingFloat: Type.Integer({ minimum: 0, maximum: MAX_UNIT_PRICE, description: 'Cash in the drawer at the start, in minor units' }), currency: Type.Optional(Currency) }, { additionalProperties: false });
export const CloseShiftBody = Type.Object({
  countedCash: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Cash counted in the drawer, in minor units' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
const ByMethod = Type.Object({ cash: Type.Integer(), mobile_money: Type.Integer(), bank_transfer: Type.Integer(), card: Type.Integer() }, { description: 'What the shift took per method, refunds subtracted, pending transfers included' });
export const CashShift = Type.Object({
  id: Type.String(), clerkId: Type.String(), status: Type.Enum(['open', 'closed']), currency: Type.String(), openingFloat: Type.Integer(),
  openedAt: Type.String(), closedAt: Nullable(Type.String()), byMethod: ByMethod,
  expectedCash: Type.Integer({ description: 'Opening float plus cash taken' }), countedCash: Nullable(Type.Integer()),
  difference: Nullable(Type.Integer({ description: 'Counted less expected: negative is a shortfall' })), note: Nullable(Type.String()),
});

export const DiscountBody = Type.Object({
  amount: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The discount in minor units' })),
  percentBp: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'Or a share of the patient\'s share in basis points (10000 = an exemption of all the patient owes), rounded half up' })),
  reason: Reason,
}, { additionalProperties: false });

export const BillingSettings = Type.Object({
  currencies: Type.Array(Currency, { minItems: 1, maxItems: 2, uniqueItems: true, description: 'The currencies the facility bills in (SDG unless set)' }),
}, { additionalProperties: false });
