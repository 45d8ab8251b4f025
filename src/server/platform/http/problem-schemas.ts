// The problem+json body as a schema: the OpenAPI component every error response refers to, and the
// helper a route uses to declare an error of its own, with the shape of its extra members.
import { Type, type TProperties } from 'typebox';
import { ERROR_STATUS, type ErrorCode } from '../errors.ts';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const FieldProblem = Type.Object({
  field: Type.String({ description: 'Where the value came from and its path: body.dateOfBirth, querystring.limit, params.id, headers.if-match' }),
  message: Type.String({ description: 'How to fix it, in the language asked for' }),
}, { additionalProperties: true });

// Codes only some routes answer. Each such route declares them with problem(), and the common
// Problem leaves them out, so a generated client narrows on `code` to the route's own shape
// (error.code === 'duplicate_candidates' → error.candidates).
export const ROUTE_CODES: readonly ErrorCode[] = [
  'invalid_credentials', 'mfa_required', 'conflict', 'duplicate_candidates', 'version_conflict', 'invalid_transition', 'slot_taken',
  'precondition_required', 'unprocessable',
];
const COMMON_CODES = (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((c) => !ROUTE_CODES.includes(c));
const codeOf = (codes: readonly ErrorCode[]) => Type.Enum([...codes], { description: 'Stable and meant for programs' });

const problemProperties = {
  type: Type.String({ description: 'A URI naming the kind of problem' }),
  title: Type.String({ description: 'The status in words, in the language asked for (Accept-Language: ar or en)' }),
  status: Type.Integer({ description: 'The HTTP status' }),
  detail: Type.String({ description: 'What happened and what to do, for people, in the language asked for' }),
  code: codeOf(COMMON_CODES),
  instance: Type.Optional(Type.String({ description: 'The path of the request' })),
  requestId: Type.String({ description: 'Quote it when reporting a problem' }),
  errors: Type.Optional(Type.Array(FieldProblem, { description: 'Every field at fault (validation_failed)' })),
};

/** The component schema (components.schemas.Problem). */
export const Problem = Type.Object(problemProperties, { additionalProperties: true, description: 'RFC 9457 problem details' });

/**
 * A route's own error response (409 with its candidates, 428 …), declared in its `response` schema.
 * Fastify serializes that status with it, so what is documented is what is sent.
 */
export function problem(description: string, codes: readonly ErrorCode[], members: TProperties = {}) {
  return {
    description,
    content: { [PROBLEM_MEDIA_TYPE]: { schema: Type.Object({ ...problemProperties, code: codeOf(codes), ...members }, { additionalProperties: true }) } },
  };
}
