// Prescriptions and dispensing over HTTP.
import { Type, type Static } from 'typebox';
import { problem } from '../../platform/http/problem-schemas.ts';
import { Cursor, MAX_PAGE, Nullable, Uuid } from './clinical.schemas.ts';

export const PRESCRIPTION_STATUSES = ['pending', 'partially_dispensed', 'dispensed', 'cancelled'] as const;

export const PrescriptionBody = Type.Object({
  medicationCode: Type.String({ minLength: 1, maxLength: 64, description: 'A formulary code (GET /terminology/medications?q=)' }),
  dose: Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'Amount per dose, in doseUnit' }),
  doseUnit: Type.String({ minLength: 1, maxLength: 32, description: 'mg, mL, tablet, capsule, IU …' }),
  route: Type.String({ minLength: 1, maxLength: 32, description: 'oral, IV, IM, topical …' }),
  frequency: Type.String({ minLength: 1, maxLength: 64, description: 'As written: "twice daily", "every 8 hours", "once"' }),
  durationDays: Type.Integer({ minimum: 1, maximum: 365 }),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'Units to dispense; the pharmacy cannot dispense more' })),
  instructions: Type.Optional(Type.String({ maxLength: 1000 })),
  overrideReason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Why to prescribe despite the warnings a first attempt answered (409)' })),
}, { additionalProperties: false });
export type PrescriptionInput = Static<typeof PrescriptionBody>;

const Warning = Type.Object({
  kind: Type.Enum(['allergy', 'duplicate']),
  message: Type.String(),
  allergyId: Type.Optional(Type.String()),
  prescriptionId: Type.Optional(Type.String()),
});

export const Prescription = Type.Object({
  id: Type.String(), encounterId: Type.String(), patientId: Type.String(), patientName: Nullable(Type.String()), patientNameLatin: Nullable(Type.String()), patientNameArabic: Nullable(Type.String()), mrn: Nullable(Type.String()),
  medicationCode: Type.String(), medicationName: Type.String(), dose: Type.Number(), doseUnit: Type.String(), route: Type.String(), frequency: Type.String(),
  durationDays: Type.Integer(), quantity: Nullable(Type.Integer()), instructions: Nullable(Type.String()), status: Type.Enum([...PRESCRIPTION_STATUSES]),
  dispensedQuantity: Type.Integer(), warnings: Type.Array(Warning), overrideReason: Nullable(Type.String()),
  prescribedBy: Type.String(), prescribedAt: Type.String(),
});

export const PrescriptionQuery = Type.Object({
  status: Type.Enum(['pending', 'dispensed', 'cancelled'], { default: 'pending', description: 'pending (default): something left to dispense, partially dispensed included' }),
  patientId: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const PrescriptionChangeBody = Type.Object({
  dose: Type.Optional(PrescriptionBody.properties.dose), doseUnit: Type.Optional(PrescriptionBody.properties.doseUnit),
  route: Type.Optional(PrescriptionBody.properties.route), frequency: Type.Optional(PrescriptionBody.properties.frequency),
  durationDays: Type.Optional(PrescriptionBody.properties.durationDays), quantity: PrescriptionBody.properties.quantity,
  instructions: PrescriptionBody.properties.instructions,
}, { additionalProperties: false, minProperties: 1 });

export const CancelPrescriptionBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

export const DispenseBody = Type.Object({
  quantity: Type.Integer({ minimum: 1, maximum: 100000, description: 'Units given now; less than what remains leaves it partially dispensed' }),
}, { additionalProperties: false });

export const prescriptionWarningsProblem = problem('conflict: the prescription has warnings (allergy, duplicate) — send overrideReason to prescribe anyway; or the encounter is completed', ['conflict'], {
  warnings: Type.Optional(Type.Array(Warning)),
});
export const dispenseProblem = problem('conflict: nothing left to dispense or cancelled; unprocessable: more than remains', ['conflict', 'unprocessable']);
