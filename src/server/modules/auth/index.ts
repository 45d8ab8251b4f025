// The auth module: sign-in, rotating refresh tokens, logout, password change and reset, TOTP MFA,
// and the security notices about them (new device, repeated failures, MFA turned off).
// Other modules use only what is exported here.
import type { FastifyInstance } from 'fastify';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { authMetrics } from './auth.metrics.ts';
import { accountRoutes } from './account.routes.ts';
import { meRoutes } from './me.routes.ts';
import { passwordResetRoutes } from './password-reset.routes.ts';
import { refreshCookies } from './refresh-cookie.ts';
import { sessionRoutes } from './session.routes.ts';
import { secretContext } from './second-factor.ts';
import type { EncryptedField } from '../../platform/keys/encrypted-field.ts';

export { hashPassword, verifyPassword } from './crypto/passwords.ts';
export { checkPassword, temporaryPassword } from './crypto/password-policy.ts';
export { revokeAllSessions } from './sessions.ts';
export { purgeExpiredAuthRecords } from './purge.ts';

/** What this module encrypts with the PHI key ring, for `nilecare keys rotate`. */
export const authEncryptedFields: EncryptedField[] = [{ table: 'users', column: 'mfa_secret', context: secretContext }];

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  ctx.health.addTables('auth', ['refresh_tokens', 'auth_challenges']);
  const deps = { ctx, metrics: authMetrics(ctx.metrics) };
  await refreshCookies(app, ctx.config.jwt.refreshExpirySeconds);
  await app.register(sessionRoutes(deps));
  await app.register(meRoutes(deps));
  await app.register(accountRoutes(deps));
  await app.register(passwordResetRoutes(deps));
}

export const authModule: Module = { name: 'auth', routes };
