// pino options for the HTTP server. Query strings are dropped from logged URLs because searches
// carry names and phone numbers; credentials are redacted wherever they appear.
import type { FastifyRequest, FastifyReply } from 'fastify';
import type { LoggerOptions } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]',
  '*.password', '*.newPassword', '*.currentPassword', '*.token', '*.accessToken', '*.refreshToken', '*.mfaToken',
  '*.secret', '*.code', '*.nationalId', 'password', 'token', 'refreshToken', 'accessToken',
];

/** `mixin`: extra fields for every line (the active trace id, when tracing is on). */
export function loggerOptions(level: string, mixin?: LoggerOptions['mixin']): LoggerOptions {
  return {
    level,
    ...(mixin ? { mixin } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
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
