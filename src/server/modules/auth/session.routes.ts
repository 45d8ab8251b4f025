// Signing in and out: login (+ MFA step), refresh, logout, and who am I.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditContext } from '../../platform/audit/request-context.ts';
import { LoginBody, MeResponse, MfaVerifyBody, NoContent, RefreshBody, RefreshProblem, SessionResponse, SignInProblem, TokenPair } from './auth.schemas.ts';
import { refreshSession } from './refresh.ts';
import { revokeFamily } from './sessions.ts';
import { login, verifyMfa } from './sign-in.ts';
import type { AuthDeps } from './throttle.ts';
import { userView } from './users.repository.ts';

const tags = ['auth'];
const publicRoute = { access: 'public' as const };

export function sessionRoutes(deps: AuthDeps) {
  const { ctx } = deps;
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();

    app.post('/auth/login', {
      config: publicRoute,
      schema: { operationId: 'signIn',
        tags, security: [], body: LoginBody, response: { 200: SessionResponse, 401: SignInProblem },
        summary: 'Sign in with email and password',
        description: 'Answers 401 invalid_credentials for any wrong email or password, 401 mfa_required with an mfaToken when a second factor is needed, 429 when locked out.',
      },
    }, (request) => login(deps, request.body, auditContext(request)));

    app.post('/auth/mfa/verify', {
      config: publicRoute,
      schema: { operationId: 'verifySignInCode', tags, security: [], body: MfaVerifyBody, response: { 200: SessionResponse, 401: SignInProblem }, summary: 'Complete sign-in with a TOTP or recovery code' },
    }, (request) => verifyMfa(deps, request.body, auditContext(request)));

    app.post('/auth/refresh', {
      config: publicRoute,
      schema: { operationId: 'refreshSession', tags, security: [], body: RefreshBody, response: { 200: TokenPair, 401: RefreshProblem }, summary: 'Exchange a refresh token for a new pair (the old one is spent)' },
    }, (request) => refreshSession(ctx, deps.metrics, request.body.refreshToken, auditContext(request)));

    app.post('/auth/logout', {
      config: { access: 'authenticated' },
      schema: { operationId: 'signOut', tags, response: { 204: NoContent }, summary: 'End this session (its refresh and access tokens)' },
    }, async (request, reply) => {
      const { userId, sessionId } = request.principal!;
      await ctx.db.kysely.transaction().execute(async (trx) => {
        await revokeFamily(trx, sessionId);
        await ctx.audit.record({ ...auditContext(request), action: 'auth.logout', targetType: 'session', targetId: sessionId, subjectUserId: userId }, trx);
      });
      ctx.sessions.forgetUser(userId);
      return reply.code(204).send(null);
    });

    app.get('/auth/me', {
      config: { access: 'authenticated' },
      schema: { operationId: 'getMe', tags, response: { 200: MeResponse }, summary: 'The signed-in user with their facilities and roles' },
    }, (request) => userView(ctx.db.kysely, request.principal!.userId));
  };
}
