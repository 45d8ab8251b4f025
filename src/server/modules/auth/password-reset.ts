// Self-service password reset. The request always answers the same (202) after the same kind of
// work, known account or not, so it tells nobody which emails have accounts; the emailed token is
// 32 random bytes stored only as its SHA-256, lives 30 minutes and works once. Setting the password
// ends every session and signs nobody in: the next sign-in asks for the second factor as always.
import { AppError, invalid } from '../../platform/errors.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import { addressKey } from '../../platform/rate-limit/client-address.ts';
import { checkPassword } from './crypto/password-policy.ts';
import { hashPassword } from './crypto/passwords.ts';
import { newOpaqueToken, sha256Hex } from './crypto/tokens.ts';
import { queueToUser } from './security-notices.ts';
import { SECURITY_EVENTS } from './security-templates.ts';
import { revokeAllSessions, type RequestMeta } from './sessions.ts';
import type { AuthDeps } from './throttle.ts';
import { findUserByEmail, findUserById, normaliseEmail } from './users.repository.ts';

export const RESET_TTL_MINUTES = 30;
/** Per email and per client address, within RESET_WINDOW_MS: enough for a user who mistypes, too few to flood an inbox. */
export const RESET_LIMITS = { perEmail: 3, perAddress: 20, windowMs: 60 * 60_000 } as const;

const INVALID_TOKEN = 'This reset link is invalid, has expired or was already used; ask for a new one.';

async function limit({ ctx }: AuthDeps, email: string, ip: string): Promise<void> {
  const [byEmail, byAddress] = await Promise.all([
    ctx.rateLimits.hit(`reset:acct:${sha256Hex(email)}`, RESET_LIMITS.windowMs),
    ctx.rateLimits.hit(`reset:ip:${addressKey(ip)}`, RESET_LIMITS.windowMs),
  ]);
  const waitMs = Math.max(byEmail.count > RESET_LIMITS.perEmail ? byEmail.resetMs : 0, byAddress.count > RESET_LIMITS.perAddress ? byAddress.resetMs : 0);
  if (waitMs <= 0) return;
  const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
  throw new AppError('too_many_requests', `Too many password reset requests. Try again in ${retryAfter} seconds.`, { retryAfterSeconds: Number(retryAfter) }, { 'retry-after': retryAfter });
}

/** The link in the email: the token rides in the fragment, which browsers send to no server and no Referer. */
export function resetLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/reset-password#token=${token}`;
}

export async function requestPasswordReset(deps: AuthDeps, input: { email: string }, meta: RequestMeta): Promise<void> {
  const { ctx } = deps;
  const email = normaliseEmail(input.email);
  await limit(deps, email, meta.ip ?? '');
  const user = await findUserByEmail(ctx.db.kysely, email);
  // Made either way, so both paths cost the same random draw and hash.
  const token = newOpaqueToken(32);
  const tokenHash = sha256Hex(token);
  const now = Date.now();
  const action = 'auth.password_reset_request';
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!user?.active) {
      await ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: user?.id ?? null, targetType: user ? 'user' : null, targetId: user?.id ?? null, subjectUserId: user?.id ?? null, details: { reason: user ? 'user_disabled' : 'unknown_email', email } }, trx);
      return;
    }
    // Only the newest link works: asking again retires the older ones.
    await trx.updateTable('auth_challenges').set({ consumed_at: new Date(now).toISOString() })
      .where('user_id', '=', user.id).where('purpose', '=', 'password_reset').where('consumed_at', 'is', null).execute();
    const id = uuidv7();
    await trx.insertInto('auth_challenges').values({
      id, user_id: user.id, token_hash: tokenHash, purpose: 'password_reset', attempts: 0,
      expires_at: new Date(now + RESET_TTL_MINUTES * 60_000).toISOString(), consumed_at: null, created_at: new Date(now).toISOString(),
    }).execute();
    const queued = await queueToUser(trx, user.id, SECURITY_EVENTS.passwordReset, { link: resetLink(ctx.config.appUrl, token), minutes: RESET_TTL_MINUTES }, ['email']);
    await ctx.audit.record({ ...meta, action, outcome: queued ? 'success' : 'failure', actorId: user.id, targetType: 'user', targetId: user.id, subjectUserId: user.id, details: { resetId: id, ...(queued ? {} : { reason: 'no_facility' }) } }, trx);
  });
}

export async function confirmPasswordReset(deps: AuthDeps, input: { token: string; newPassword: string }, meta: RequestMeta): Promise<void> {
  const { ctx } = deps;
  const k = ctx.db.kysely;
  const action = 'auth.password_reset';
  const refuse = async (reason: string, userId: string | null = null): Promise<never> => {
    await ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: userId, targetType: userId ? 'user' : null, targetId: userId, subjectUserId: userId, details: { reason } });
    throw invalid([{ field: 'body.token', message: INVALID_TOKEN }]);
  };
  const row = await k.selectFrom('auth_challenges').select(['id', 'user_id', 'expires_at', 'consumed_at'])
    .where('token_hash', '=', sha256Hex(input.token)).where('purpose', '=', 'password_reset').executeTakeFirst();
  if (!row) return refuse('unknown_token');
  if (row.consumed_at) return refuse('used_token', row.user_id);
  if (row.expires_at <= nowIso()) return refuse('expired_token', row.user_id);
  const user = await findUserById(k, row.user_id);
  if (!user?.active) return refuse('user_disabled', row.user_id);
  // The password is checked before the token is spent, so a weak choice does not cost the link.
  const problems = checkPassword(input.newPassword, { email: user.email, name: user.name });
  if (problems.length) throw invalid(problems.map((message) => ({ field: 'body.newPassword', message })));

  const hash = await hashPassword(input.newPassword);
  const spent = await k.transaction().execute(async (trx) => {
    const now = nowIso();
    // The conditional update is the single-use guarantee: of two confirms at once, one changes the row.
    const taken = await trx.updateTable('auth_challenges').set({ consumed_at: now })
      .where('id', '=', row.id).where('consumed_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return false;
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: 0, password_changed_at: now, updated_at: now }).where('id', '=', user.id).execute();
    await revokeAllSessions(trx, user.id);
    await ctx.audit.record({ ...meta, action, actorId: user.id, targetType: 'user', targetId: user.id, subjectUserId: user.id, details: { resetId: row.id } }, trx);
    return true;
  });
  if (!spent) return refuse('used_token', user.id);
  ctx.sessions.forgetUser(user.id);
  // Whoever proved they read the account's email may try the new password at once.
  await ctx.loginThrottle.succeeded(user.email, meta.ip ?? '');
}
