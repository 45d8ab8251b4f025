// RFC 9457 problem details from one place: every error, whatever threw it, leaves through here
// (client-errors.ts writes the same body for the few that come before a request exists).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldProblem } from '../errors.ts';
import { languageOf, type Language } from './i18n/language.ts';
import { ARABIC_DETAIL, titleOf } from './i18n/problem-text.ts';
import { arabicOf } from './i18n/arabic-messages.ts';
import { fieldProblems, type SchemaError } from './i18n/field-messages.ts';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../db/unavailable.ts';
import { traceOf } from '../telemetry/trace-ids.ts';

export const LONG_PATH_DETAIL = 'A part of the URL path is longer than any identifier this API uses.';
/** Fastify's default maxParamLength: a longer path segment cannot be an id of ours. */
export const MAX_PATH_SEGMENT = 100;

// Fastify's own client errors, named in our vocabulary, with a detail that says what to do.
const FASTIFY_ERRORS: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Send the body as JSON with "Content-Type: application/json" (or send no body).'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', 'The Content-Length header does not match the body.'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is larger than this server accepts (BODY_LIMIT).'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['malformed_json', 'The request body is not valid JSON.'],
  FST_ERR_BAD_URL: ['bad_request', 'The URL is not valid: a percent-encoded character in it is malformed.'],
  FST_ERR_MAX_PARAM_LENGTH: ['uri_too_long', LONG_PATH_DETAIL],
};

export interface ProblemBody {
  type: string; title: string; status: number; detail: string; code: ErrorCode;
  instance?: string; requestId: string; errors?: FieldProblem[]; [extra: string]: unknown;
}

/** The body of every error response, in English or Arabic. */
export function problemBody(code: ErrorCode, detail: string, at: { instance?: string; requestId: string; lang: Language }, extra: Record<string, unknown> = {}): ProblemBody {
  const status = ERROR_STATUS[code];
  const errors = extra.errors as FieldProblem[] | undefined;
  const arabic = at.lang === 'ar';
  const localErrors = arabic && errors ? errors.map((e) => ({ ...e, message: arabicOf(e.message) ?? e.message })) : errors;
  return {
    type: `https://nilecare.sd/problems/${code.replaceAll('_', '-')}`,
    title: titleOf(status, at.lang),
    status,
    detail: !arabic ? detail
      : code === 'validation_failed' && localErrors?.length ? `${ARABIC_DETAIL.validation_failed} ${fieldList(localErrors, 'ar')}`
        : arabicOf(detail) ?? ARABIC_DETAIL[code],
    code,
    ...(at.instance === undefined ? {} : { instance: at.instance }),
    requestId: at.requestId,
    ...extra,
    ...(localErrors ? { errors: localErrors } : {}),
  };
}

const fieldList = (errors: FieldProblem[], lang: Language) => errors.map((e) => `${e.field}: ${e.message}`).join(lang === 'ar' ? '؛ ' : '; ');

export function sendProblem(reply: FastifyReply, code: ErrorCode, detail: string, extra: Record<string, unknown> = {}) {
  const request = reply.request;
  const lang = languageOf(request.headers['accept-language']);
  return reply
    .status(ERROR_STATUS[code])
    .type('application/problem+json')
    .header('content-language', lang)
    .header('vary', 'Accept-Language')
    .header('x-request-id', request.id)
    .send(problemBody(code, detail, { instance: request.url.split('?')[0], requestId: request.id, lang }, {
      // A support call about a failure can then be followed in the trace (when tracing is on).
      ...(ERROR_STATUS[code] >= 500 && traceOf(request) ? { traceId: traceOf(request)!.traceId } : {}),
      ...extra,
    }));
}

export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return sendProblem(reply, error.code, error.message, error.details ?? {});
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const lang = languageOf(request.headers['accept-language']);
    const errors = fieldProblems(fe.validation as unknown as SchemaError[], fe.validationContext ?? 'body', 'en');
    const localized = lang === 'en' ? errors : fieldProblems(fe.validation as unknown as SchemaError[], fe.validationContext ?? 'body', lang);
    return sendProblem(reply, 'validation_failed', fieldList(errors, 'en'), { errors: localized });
  }
  if (error instanceof SyntaxError || (fe.statusCode === 400 && /JSON/i.test(fe.message))) {
    return sendProblem(reply, 'malformed_json', 'The request body is not valid JSON.');
  }
  const mapped = fe.code ? FASTIFY_ERRORS[fe.code] : undefined;
  if (mapped) return sendProblem(reply, mapped[0], mapped[1]);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(reply, fe.statusCode === 429 ? 'too_many_requests' : 'bad_request', fe.message);
  }
  if (isDatabaseUnavailable(error)) {
    const { code } = error as { code?: unknown };
    request.log.warn({ code, err: error.message }, 'database unavailable');
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendProblem(reply, 'service_unavailable', 'The database cannot be reached right now. Try again in a few seconds.');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 'internal_error', 'An unexpected error occurred. Quote the request id when reporting it.');
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
}

/** Errors Fastify meets before routing (a malformed or over-long URL): same format as the rest. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return errorHandler(error, request, reply);
}
