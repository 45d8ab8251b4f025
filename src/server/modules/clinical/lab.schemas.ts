// Lab orders and results over HTTP.
import { Type } from 'typebox';
import { problem } from '../../platform/http/problem-schemas.ts';
import { Cursor, MAX_PAGE, Nullable } from './clinical.schemas.ts';

export const LAB_STATUSES = ['ordered', 'collected', 'resulted', 'verified'] as const;

export const LabOrderBody = Type.Object({
  tests: Type.Array(Type.String({ minLength: 1, maxLength: 16, description: 'A LOINC code from the lab catalog (GET /terminology/lab-tests?q=)' }), { minItems: 1, maxItems: 30 }),
  priority: Type.Optional(Type.Enum(['routine', 'urgent', 'stat'], { default: 'routine' })),
}, { additionalProperties: false });

export const ResultsBody = Type.Object({
  results: Type.Array(Type.Object({
    code: Type.String({ minLength: 1, maxLength: 16, description: 'The LOINC code of an ordered test' }),
    value: Type.Union([Type.Number({ minimum: -1e9, maximum: 1e9 }), Type.String({ minLength: 1, maxLength: 200 })], { description: 'A number for numeric tests, one of the answers for coded ones' }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 30 }),
}, { additionalProperties: false });

const LabTestResult = Type.Object({
  code: Type.String(), name: Type.String(), unit: Nullable(Type.String()), value: Nullable(Type.String()),
  flag: Nullable(Type.String({ description: 'normal, low, high, critical_low, critical_high, abnormal' })), referenceRange: Nullable(Type.String()),
  resultedBy: Nullable(Type.String()), resultedAt: Nullable(Type.String()),
});

export const LabOrder = Type.Object({
  id: Type.String(), encounterId: Type.String(), patientId: Type.String(), priority: Type.String(), status: Type.Enum([...LAB_STATUSES]),
  orderedBy: Type.String(), orderedAt: Type.String(), collectedAt: Nullable(Type.String()), verifiedBy: Nullable(Type.String()), verifiedAt: Nullable(Type.String()),
  tests: Type.Array(LabTestResult),
});

export const LabQuery = Type.Object({
  status: Type.Enum([...LAB_STATUSES], { default: 'ordered' }),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const labProblem = problem('invalid_transition: the order is not at that step; conflict: a second technician must verify; unprocessable: a test not in the catalog or not ordered, or a value that does not fit the test', ['invalid_transition', 'conflict', 'unprocessable']);
