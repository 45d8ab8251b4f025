// HTTP shapes of payers, patients' coverage, claims and credit notes.
import { Type } from 'typebox';
import { Nullable, Uuid } from './billing.schemas.ts';
import { MAX_LINES } from './money.ts';

export const PAYER_KINDS = ['nhif', 'company', 'other'] as const;
const Bp = (what: string) => Type.Integer({ minimum: 0, maximum: 10000, description: `The payer's share of ${what}, in basis points (10000 = all)` });
export const CoverageBp = Type.Object({
  service: Bp('consultations and procedures (price-list kind service)'), lab_test: Bp('lab tests'), medicine: Bp('medicines'),
}, { additionalProperties: false });
const Name = Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' });

export const PayerBody = Type.Object({
  name: Name,
  kind: Type.Enum([...PAYER_KINDS], { description: 'nhif: the National Health Insurance Fund; company: an employer or insurer' }),
  coverage: CoverageBp,
}, { additionalProperties: false });
export const PayerPatch = Type.Object({
  name: Type.Optional(Name), kind: Type.Optional(Type.Enum([...PAYER_KINDS])), coverage: Type.Optional(CoverageBp),
  active: Type.Optional(Type.Boolean({ description: 'false deactivates: no new coverage or invoice shares; true brings it back' })),
}, { additionalProperties: false, minProperties: 1 });
export const Payer = Type.Object({
  id: Type.String(), name: Type.String(), kind: Type.Enum([...PAYER_KINDS]), active: Type.Boolean(), coverage: CoverageBp,
  createdAt: Type.String(), updatedAt: Type.String(),
});
export const PayerQuery = Type.Object({ includeInactive: Type.Boolean({ default: false }) }, { additionalProperties: false });

const Day = Type.String({ format: 'date' });
export const CoverageBody = Type.Object({
  payerId: Uuid,
  memberNumber: Type.String({ minLength: 1, maxLength: 64, pattern: '\\S', description: 'The membership (card) number the payer knows the patient by' }),
  validFrom: Type.Optional(Type.String({ format: 'date', description: 'First day covered (UTC); today when left out' })),
  validTo: Type.Optional(Type.String({ format: 'date', description: 'Last day covered; open-ended when left out' })),
}, { additionalProperties: false });
export const PatientCoverage = Type.Object({
  id: Type.String(), patientId: Type.String(), payerId: Type.String(), payerName: Type.String(), memberNumber: Type.String(),
  validFrom: Day, validTo: Nullable(Day), current: Type.Boolean({ description: 'Not ended (it applies on the days it is valid)' }),
  createdAt: Type.String(), endedAt: Nullable(Type.String()), endedBy: Nullable(Type.String()),
});
export const CoverageParams = Type.Object({ id: Uuid, coverageId: Uuid });

export const ClaimsQuery = Type.Object({ month: Type.Optional(Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$', description: 'YYYY-MM: invoices issued that month (UTC); this month when left out' })) }, { additionalProperties: false });
const ClaimLine = Type.Object({
  position: Type.Integer(), description: Type.String(), serviceCode: Nullable(Type.String()), kind: Nullable(Type.String()), quantity: Type.Integer(),
  unitPrice: Type.Integer(), lineTotal: Type.Integer(), coverageBp: Type.Integer(), payerShare: Type.Integer(),
});
const ClaimCredit = Type.Object({ number: Type.String(), reason: Type.String(), amount: Type.Integer(), payerPart: Type.Integer() });
export const Claim = Type.Object({
  invoiceId: Type.String(), number: Type.String(), issuedAt: Type.String(), patientId: Type.String(), mrn: Type.String(), patientName: Type.String(),
  memberNumber: Type.String(), currency: Type.String(), total: Type.Integer(), payerShare: Type.Integer({ description: 'The line shares less the payer part of credit notes' }),
  lines: Type.Array(ClaimLine), credits: Type.Array(ClaimCredit),
});
export const Claims = Type.Object({
  payer: Payer, month: Type.String(), items: Type.Array(Claim),
  totals: Type.Array(Type.Object({ currency: Type.String(), invoices: Type.Integer(), payerShare: Type.Integer() })),
});

export const CreditNoteBody = Type.Object({
  reason: Type.String({ minLength: 3, maxLength: 500 }),
  amount: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'An amount off the whole invoice, in minor units' })),
  lines: Type.Optional(Type.Array(Type.Object({
    position: Type.Integer({ minimum: 1, maximum: MAX_LINES }), amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: MAX_LINES, description: 'Or amounts off given lines (by position)' })),
}, { additionalProperties: false });
export const CreditNote = Type.Object({
  id: Type.String(), number: Type.String({ description: 'CN-FAC-2026-000001: gapless per facility and year' }), invoiceId: Type.String(),
  amount: Type.Integer(), payerPart: Type.Integer(), patientPart: Type.Integer(), reason: Type.String(),
  lines: Nullable(Type.Array(Type.Object({ position: Type.Integer(), amount: Type.Integer() }))), approvedBy: Type.String(), createdAt: Type.String(),
});
