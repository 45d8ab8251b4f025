// The login throttle guards every place a secret is tried — password, TOTP, recovery code — with
// one per-account budget, so spreading guesses over several routes gains an attacker nothing.
//
// Each check of a secret is one attempt, taken from the budget before the secret is looked at (so
// parallel guesses cannot all slip in under the limit) and given back unless it was a wrong guess.
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { verifyPassword } from './crypto/passwords.ts';
import type { AuthMetrics } from './auth.metrics.ts';
import type { RequestMeta } from './sessions.ts';

export interface AuthDeps { ctx: AppContext; metrics: AuthMetrics }

export interface Attempt {
  /** The secret was wrong: the attempt stays counted against the account and the address. */
  wrong(): void;
  /** Signed in: the account's earlier failures are cleared as well. */
  signedIn(): void;
}

/**
 * Runs `check` as one throttled attempt. Throws 429 (counted and audited) when the account or the
 * address has no attempts left; otherwise the attempt is settled however `check` ends.
 */
export async function throttled<T>(
  { ctx, metrics }: AuthDeps, email: string, meta: RequestMeta, audit: { action: string; userId: string | null }, check: (attempt: Attempt) => Promise<T>,
): Promise<T> {
  const ip = meta.ip ?? '';
  try {
    await ctx.loginThrottle.take(email, ip);
  } catch (err) {
    if (err instanceof AppError && err.code === 'too_many_requests') {
      metrics.loginFailure('locked');
      const { action, userId } = audit;
      await ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: userId, targetType: userId ? 'user' : null, targetId: userId, subjectUserId: userId, details: { reason: 'locked' } });
    }
    throw err;
  }
  const state = { outcome: 'other' as 'wrong' | 'signedIn' | 'other' };
  try {
    return await check({ wrong: () => { state.outcome = 'wrong'; }, signedIn: () => { state.outcome = 'signedIn'; } });
  } finally {
    if (state.outcome === 'signedIn') await ctx.loginThrottle.succeeded(email, ip);
    else if (state.outcome === 'other') await ctx.loginThrottle.giveBack(email, ip);
  }
}

/**
 * The signed-in user types their password again (enrolling MFA, unlocking a locked screen): a wrong
 * one spends the sign-in budget, is audited under `action`, and answers 400 naming `field`. With
 * `clearsFailures`, the right one clears the account's earlier failures, as signing in does.
 */
export async function confirmPassword(
  deps: AuthDeps, user: { id: string; email: string; passwordHash: string }, password: string, meta: RequestMeta, action: string,
  { field = 'body.password', clearsFailures = false } = {},
): Promise<void> {
  await throttled(deps, user.email, meta, { action, userId: user.id }, async (attempt) => {
    if ((await verifyPassword(user.passwordHash, password)).ok) {
      if (clearsFailures) attempt.signedIn();
      return;
    }
    attempt.wrong();
    await deps.ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: user.id, targetType: 'user', targetId: user.id, subjectUserId: user.id, details: { reason: 'wrong_password' } });
    throw invalid([{ field, message: 'is not your current password' }]);
  });
}
