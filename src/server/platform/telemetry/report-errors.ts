// Which request errors reach the error tracker: those that became a 5xx and were not an AppError
// (an AppError is a decision the code made, not a fault). onError sees the error before the error
// handler has chosen the status, so the error is kept until the response is known.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { ErrorReporter } from './error-reporter.ts';
import { traceOf } from './trace-ids.ts';

export function reportRequestErrors(app: FastifyInstance, reporter: ErrorReporter): void {
  const errors = new WeakMap<FastifyRequest, Error>();
  app.addHook('onError', (request, _reply, error, done) => {
    errors.set(request, error);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const error = errors.get(request);
    if (error && reply.statusCode >= 500 && !(error instanceof AppError)) {
      reporter.captureRequestError(error, {
        method: request.method, route: request.routeOptions.url, status: reply.statusCode, requestId: request.id, trace: traceOf(request),
        userId: request.principal?.userId, facilityId: request.principal?.facilityId,
      });
    }
    done();
  });
}
