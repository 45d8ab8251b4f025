// The login throttle guards every place a secret is tried — password, TOTP, recovery code — with
// one per-account budget, so spreading guesses over several routes gains an attacker nothing.
//
// Each check of a secret is one attempt, taken from the budget before the secret is looked at (so
// parallel guesses cannot all slip in under the limit) and given back unless it was a wrong guess.
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
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
      await ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: userId, targetType: userId ? 'user' : null, targetId: userId, details: { reason: 'locked' } });
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
