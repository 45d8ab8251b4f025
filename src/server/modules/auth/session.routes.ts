// Signing in and out: login (+ MFA step), refresh, logout (here or everywhere) and unlocking a
// locked screen.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditContext } from '../../platform/audit/request-context.ts';
import { invalid } from '../../platform/errors.ts';
import { LoginBody, MfaVerifyBody, NoContent, RefreshBody, RefreshProblem, SessionResponse, SignInProblem, TokenPair, UnlockBody } from './auth.schemas.ts';
import { clearRefreshCookie, presentedRefreshToken } from './refresh-cookie.ts';
import { refreshSession } from './refresh.ts';
import { revokeAllSessions, revokeFamily } from './sessions.ts';
import { login, verifyMfa } from './sign-in.ts';
import type { AuthDeps } from './throttle.ts';
import { unlock } from './unlock.ts';

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
      schema: {
        operationId: 'refreshSession', tags, security: [], body: RefreshBody, response: { 200: TokenPair, 401: RefreshProblem }, summary: 'Exchange a refresh token for a new pair (the old one is spent)',
        description: 'The token comes from the body, or for the web app (header X-NileCare-Client: web, not cross-site) from its HttpOnly cookie.',
      },
    }, (request) => {
      const token = presentedRefreshToken(request, request.body);
      // The same answer as a schema with a required field: the web app reads any refusal as "sign in".
      if (!token) throw invalid([{ field: 'body.refreshToken', message: 'is required' }]);
      return refreshSession(ctx, deps.metrics, token, auditContext(request));
    });

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
      clearRefreshCookie(request, reply);
      return reply.code(204).send(null);
    });

    app.post('/auth/logout-all', {
      config: { access: 'authenticated' },
      schema: { operationId: 'signOutEverywhere', tags, response: { 204: NoContent }, summary: 'Sign out everywhere: end every session of your account, on every device' },
    }, async (request, reply) => {
      const { userId } = request.principal!;
      await ctx.db.kysely.transaction().execute(async (trx) => {
        await revokeAllSessions(trx, userId);
        await ctx.audit.record({ ...auditContext(request), action: 'auth.logout_all', targetType: 'user', targetId: userId, subjectUserId: userId }, trx);
      });
      ctx.sessions.forgetUser(userId);
      clearRefreshCookie(request, reply);
      return reply.code(204).send(null);
    });

    app.post('/auth/unlock', {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'unlockScreen', tags, body: UnlockBody, response: { 204: NoContent },
        summary: "Unlock the web app's locked screen with your password",
        description: 'Answers 400 naming body.password when it is wrong; failures count toward the same lockout as sign-in (429).',
      },
    }, async (request, reply) => {
      await unlock(deps, request.principal!.userId, request.body.password, auditContext(request));
      return reply.code(204).send(null);
    });
  };
}
