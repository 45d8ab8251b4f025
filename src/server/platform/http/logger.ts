// pino options for the HTTP server. Query strings are dropped from logged URLs because searches
// carry names and phone numbers; credentials are redacted wherever they appear; errors are logged
// without the request bytes or SQL values some libraries attach to them.
import type { FastifyRequest, FastifyReply } from 'fastify';
import { stdSerializers, type LoggerOptions } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]',
  '*.password', '*.newPassword', '*.currentPassword', '*.token', '*.accessToken', '*.refreshToken', '*.mfaToken',
  '*.secret', '*.code', '*.nationalId', 'password', 'token', 'refreshToken', 'accessToken',
];

// Properties that hold what the caller or the database was given: the raw HTTP request (Node's
// parse errors), the SQL with its values interpolated (mysql2), the values themselves, the row (pg).
const DROPPED = ['rawPacket', 'sql', 'sqlMessage', 'parameters', 'values', 'detail', 'where', 'internalQuery', 'query'];
// Values quoted inside database messages: MySQL "Duplicate entry 'x' for key …", "Incorrect string
// value: '…'", PostgreSQL 'invalid input syntax for type uuid: "…"'.
const QUOTED_VALUE = [/((?:entry|value:?|for type [\w ]+:)\s*)'(?:[^'\\]|\\.)*'/gi, /((?:entry|value:?|for type [\w ]+:)\s*)"(?:[^"\\]|\\.)*"/gi];

const isDatabaseError = (e: Record<string, unknown>) =>
  typeof e.sqlState === 'string' || typeof e.sql === 'string' || (typeof e.severity === 'string' && typeof e.routine === 'string');

const mask = (text: string) => QUOTED_VALUE.reduce((s, re) => s.replace(re, '$1[value]'), text);

function scrub(out: Record<string, unknown>): Record<string, unknown> {
  const database = isDatabaseError(out);
  for (const key of DROPPED) delete out[key];
  if (database) {
    if (typeof out.message === 'string') out.message = mask(out.message);
    if (typeof out.stack === 'string') out.stack = mask(out.stack);
  }
  if (out.cause && typeof out.cause === 'object') out.cause = scrub(out.cause as Record<string, unknown>);
  return out;
}

export const errSerializer = (err: Error): Record<string, unknown> => scrub(stdSerializers.err(err) as unknown as Record<string, unknown>);

/** `mixin`: extra fields for every line (the active trace id, when tracing is on). */
export function loggerOptions(level: string, mixin?: LoggerOptions['mixin']): LoggerOptions {
  return {
    level,
    ...(mixin ? { mixin } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      err: errSerializer,
      req: (req: FastifyRequest) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        route: req.routeOptions?.url,
        ip: req.ip,
      }),
      res: (res: FastifyReply) => ({ statusCode: res.statusCode }),
    },
  };
}
