// A stand-in for the sign-in route's throttling path, for tests that must not depend on the auth
// module: it takes an attempt exactly as POST /api/v1/auth/login does, with every password wrong.
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../src/server/platform/errors.ts';

export const LOGIN_PROBE = '/api/v1/test/login-probe';
export const LOGIN_ROUTE = '/api/v1/auth/login';

export function addLoginProbe(app: FastifyInstance): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(LOGIN_PROBE, {
    config: { access: 'public' },
    schema: { body: Type.Object({ email: Type.String() }, { additionalProperties: false }) },
  }, async (req) => {
    await app.ctx.loginThrottle.take(req.body.email, req.ip);
    throw new AppError('invalid_credentials', 'Wrong email or password.');
  });
}

/** Whether the real sign-in route is registered yet (it lives in modules/auth). */
export const hasLoginRoute = (app: FastifyInstance): boolean =>
  app.routeTable.some((r) => r.method === 'POST' && r.url === LOGIN_ROUTE);
