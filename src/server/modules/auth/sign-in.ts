// POST /auth/login and POST /auth/mfa/verify. Every way the password step can fail — unknown email,
// wrong password, disabled account — gives the same answer after the same work, so the response
// tells an attacker nothing about which accounts exist or are disabled.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import type { SessionResponseT } from './auth.schemas.ts';
import { dummyVerify, hashPassword, verifyPassword } from './crypto/passwords.ts';
import { claimAttempt, consumeChallenge, createChallenge, MFA_CHALLENGE_TTL_SECONDS } from './mfa-challenges.ts';
import { checkFactor, spendFactor } from './second-factor.ts';
import { noteSignInDevice, queueFailedSignIns, reachesLockout } from './security-notices.ts';
import { startSession, type RequestMeta } from './sessions.ts';
import { throttled, type Attempt, type AuthDeps } from './throttle.ts';
import { findUserByEmail, findUserById, normaliseEmail, userView, type AuthUser } from './users.repository.ts';

const INVALID_CREDENTIALS = 'The email or password is incorrect.';
const WRONG_CODE = 'The verification code is wrong or has already been used.';
const CHALLENGE_INVALID = 'This sign-in step has expired or was already used; sign in again.';

export async function login(deps: AuthDeps, input: { email: string; password: string }, meta: RequestMeta): Promise<SessionResponseT> {
  const email = normaliseEmail(input.email);
  // The account is looked up first so a lockout is recorded against it (its facilities see it).
  const user = await findUserByEmail(deps.ctx.db.kysely, email);
  return throttled(deps, email, meta, { action: 'auth.login', userId: user?.id ?? null }, (attempt) => passwordStep(deps, email, user, input.password, meta, attempt));
}

async function passwordStep(
  deps: AuthDeps, email: string, user: AuthUser | undefined, password: string, meta: RequestMeta, attempt: Attempt,
): Promise<SessionResponseT> {
  const { metrics } = deps;
  let reason: string | null = null;
  if (!user) {
    await dummyVerify(password);
    reason = 'unknown_email';
  } else {
    const checked = await verifyPassword(user.passwordHash, password);
    if (!checked.ok) reason = 'wrong_password';
    else if (!user.active) reason = 'user_disabled';
    else if (checked.needsRehash) await rehash(deps, user, password);
  }
  if (reason || !user) {
    attempt.wrong();
    metrics.loginFailure('bad_credentials');
    await recordFailure(deps, user, meta, 'auth.login', { reason, email });
    throw new AppError('invalid_credentials', INVALID_CREDENTIALS);
  }
  if (user.mfaEnabled) return challenge(deps, user, meta);
  const session = await finishSignIn(deps, user, meta, 'password');
  attempt.signedIn();
  return session;
}

// Legacy (bcrypt) or weaker argon2 hashes are replaced while the plain password is at hand —
// unless the password changed meanwhile, which the old-hash condition detects.
async function rehash({ ctx }: AuthDeps, user: AuthUser, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await ctx.db.kysely.updateTable('users').set({ password_hash: hash, updated_at: nowIso() })
    .where('id', '=', user.id).where('password_hash', '=', user.passwordHash).execute();
}

async function challenge({ ctx }: AuthDeps, user: AuthUser, meta: RequestMeta): Promise<never> {
  const mfaToken = await ctx.db.kysely.transaction().execute(async (trx) => {
    const token = await createChallenge(trx, user.id);
    await ctx.audit.record({ ...meta, action: 'auth.mfa_challenge', actorId: user.id, targetType: 'user', targetId: user.id, subjectUserId: user.id }, trx);
    return token;
  });
  throw new AppError('mfa_required', 'Enter the code from your authenticator app or a recovery code (POST /api/v1/auth/mfa/verify).', {
    mfaToken, expiresIn: MFA_CHALLENGE_TTL_SECONDS,
  });
}

class FactorSpent extends Error {}

export async function verifyMfa(deps: AuthDeps, input: { mfaToken: string; code: string }, meta: RequestMeta): Promise<SessionResponseT> {
  const { ctx, metrics } = deps;
  const k = ctx.db.kysely;
  const claimed = await claimAttempt(k, input.mfaToken);
  const user = claimed && await findUserById(k, claimed.userId);
  if (!claimed || !user?.active || !user.mfaEnabled) throw new AppError('token_invalid', CHALLENGE_INVALID);
  return throttled(deps, user.email, meta, { action: 'auth.mfa_verify', userId: user.id }, async (attempt) => {
    const fail = async (): Promise<never> => {
      attempt.wrong();
      metrics.loginFailure('mfa');
      await recordFailure(deps, user, meta, 'auth.mfa_verify');
      throw new AppError('invalid_credentials', WRONG_CODE);
    };
    const factor = await checkFactor(k, ctx.config, user, input.code, { allowRecovery: true });
    if (!factor) return fail();
    try {
      const session = await finishSignIn(deps, user, meta, factor.kind, async (trx) => {
        if (!(await consumeChallenge(trx, claimed.id)) || !(await spendFactor(trx, user.id, factor))) throw new FactorSpent();
        await ctx.audit.record({ ...meta, action: 'auth.mfa_verify', actorId: user.id, targetType: 'user', targetId: user.id, subjectUserId: user.id, details: { factor: factor.kind } }, trx);
      });
      attempt.signedIn();
      return session;
    } catch (err) {
      if (err instanceof FactorSpent) return fail();
      throw err;
    }
  });
}

/** Starts the session; `within` runs first in the same transaction (spending the second factor). */
async function finishSignIn(
  { ctx }: AuthDeps, user: AuthUser, meta: RequestMeta, method: string, within?: (trx: Transaction<Database>) => Promise<void>,
): Promise<SessionResponseT> {
  const { pair } = await ctx.db.kysely.transaction().execute(async (trx) => {
    await within?.(trx);
    await trx.updateTable('users').set({ last_login_at: nowIso() }).where('id', '=', user.id).execute();
    await noteSignInDevice(trx, ctx.db.client, user.id, meta);
    const session = await startSession(trx, ctx, user, meta);
    await ctx.audit.record({ ...meta, action: 'auth.login', actorId: user.id, targetType: 'user', targetId: user.id, subjectUserId: user.id, details: { method, sessionId: session.familyId } }, trx);
    return session;
  });
  const { mfaEnrollmentRequired, ...view } = await userView(ctx.db.kysely, user.id);
  return { ...pair, mfaEnrollmentRequired, user: view };
}

/**
 * Audits a failed password or code; the failure that uses up the account's sign-in budget also
 * tells the user and their facilities' security contacts, in the same transaction as its audit event.
 */
async function recordFailure({ ctx }: AuthDeps, user: AuthUser | undefined, meta: RequestMeta, action: string, details?: Record<string, unknown>): Promise<void> {
  const event = { ...meta, action, outcome: 'failure' as const, actorId: user?.id ?? null, targetType: user ? 'user' : null, targetId: user?.id ?? null, subjectUserId: user?.id ?? null, ...(details ? { details } : {}) };
  if (!user || !(await reachesLockout(ctx.rateLimits, user.id))) return ctx.audit.record(event);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await ctx.audit.record(event, trx);
    await queueFailedSignIns(trx, user, meta);
  });
}
