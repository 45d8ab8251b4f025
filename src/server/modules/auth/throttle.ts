// The login throttle guards every place a secret is tried — password, TOTP, recovery code — with
// one per-account budget, so spreading guesses over several routes gains an attacker nothing.
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { verifyPassword } from './crypto/passwords.ts';
import type { AuthMetrics } from './auth.metrics.ts';
import type { RequestMeta } from './sessions.ts';

export interface AuthDeps { ctx: AppContext; metrics: AuthMetrics }

/** Throws 429 when the account or address is locked out; the refusal is counted and audited. */
export async function checkThrottle({ ctx, metrics }: AuthDeps, email: string, meta: RequestMeta, audit: { action: string; userId: string | null }): Promise<void> {
  try {
    await ctx.loginThrottle.check(email, meta.ip ?? '');
  } catch (err) {
    if (err instanceof AppError && err.code === 'too_many_requests') {
      metrics.loginFailure('locked');
      const { action, userId } = audit;
      await ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: userId, targetType: userId ? 'user' : null, targetId: userId, subjectUserId: userId, details: { reason: 'locked' } });
    }
    throw err;
  }
}

export function recordFailure({ ctx }: AuthDeps, email: string, meta: RequestMeta): Promise<void> {
  return ctx.loginThrottle.recordFailure(email, meta.ip ?? '');
}

/**
 * The signed-in user types their password again (enrolling MFA, unlocking a locked screen): a wrong
 * one spends the sign-in budget, is audited under `action`, and answers 400 naming `field`.
 */
export async function confirmPassword(
  deps: AuthDeps, user: { id: string; email: string; passwordHash: string }, password: string, meta: RequestMeta, action: string, field = 'body.password',
): Promise<void> {
  await checkThrottle(deps, user.email, meta, { action, userId: user.id });
  if ((await verifyPassword(user.passwordHash, password)).ok) return;
  await recordFailure(deps, user.email, meta);
  await deps.ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: user.id, targetType: 'user', targetId: user.id, subjectUserId: user.id, details: { reason: 'wrong_password' } });
  throw invalid([{ field, message: 'is not your current password' }]);
}
