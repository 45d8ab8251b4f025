// RFC 9457 problem details from one place: every error, whatever threw it, leaves through here.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldProblem } from '../errors.ts';
import { traceOf } from '../telemetry/trace-ids.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content',
  428: 'Precondition Required', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

// Fastify's own client errors, named in our vocabulary.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
};

export function sendProblem(reply: FastifyReply, code: ErrorCode, detail: string, extra: Record<string, unknown> = {}) {
  const status = ERROR_STATUS[code];
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://nilecare.sd/problems/${code.replaceAll('_', '-')}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
      instance: reply.request.url.split('?')[0],
      requestId: reply.request.id,
      // A support call about a failure can then be followed in the trace (when tracing is on).
      ...(status >= 500 && traceOf(reply.request) ? { traceId: traceOf(reply.request)!.traceId } : {}),
      ...extra,
    });
}

function validationProblems(error: FastifyError): FieldProblem[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const base = where + v.instancePath.replaceAll('/', '.');
    if (typeof params.additionalProperty === 'string') return { field: `${base}.${params.additionalProperty}`, message: 'is not an allowed field' };
    if (typeof params.missingProperty === 'string') return { field: `${base}.${params.missingProperty}`, message: 'is required' };
    return { field: base, message: v.message ?? 'is invalid' };
  });
}

export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return sendProblem(reply, error.code, error.message, error.details ?? {});
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const errors = validationProblems(fe);
    return sendProblem(reply, 'validation_failed', errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
  }
  if (error instanceof SyntaxError || (fe.statusCode === 400 && /JSON/i.test(fe.message))) {
    return sendProblem(reply, 'malformed_json', 'The request body is not valid JSON.');
  }
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return sendProblem(reply, mapped, fe.message);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(reply, fe.statusCode === 429 ? 'too_many_requests' : 'bad_request', fe.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 'internal_error', 'An unexpected error occurred. Quote the request id when reporting it.');
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
}
