// POST /auth/password. A new password ends every session — a thief holding an old token or refresh
// token is locked out — and the device that made the change gets a fresh session at once.
import { AppError, invalid } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import type { TokenPairT } from './auth.schemas.ts';
import { hashPassword, verifyPassword } from './crypto/passwords.ts';
import { checkPassword } from './crypto/password-policy.ts';
import { restartSessions, type RequestMeta } from './sessions.ts';
import { throttled, type AuthDeps } from './throttle.ts';
import { findUserById } from './users.repository.ts';

export async function changePassword(
  deps: AuthDeps, userId: string, input: { currentPassword: string; newPassword: string }, meta: RequestMeta,
): Promise<TokenPairT> {
  const { ctx } = deps;
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw new AppError('token_invalid', 'This session has ended; sign in again.');
  const action = 'auth.password_change';
  // Someone holding only a stolen access token must not be able to set a password of their own.
  await throttled(deps, user.email, meta, { action, userId }, async (attempt) => {
    if ((await verifyPassword(user.passwordHash, input.currentPassword)).ok) return;
    attempt.wrong();
    await ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: userId, targetType: 'user', targetId: userId, subjectUserId: userId, details: { reason: 'wrong_password' } });
    throw invalid([{ field: 'body.currentPassword', message: 'is not your current password' }]);
  });
  const problems = checkPassword(input.newPassword, { email: user.email, name: user.name });
  if (input.newPassword === input.currentPassword) problems.push('New password must differ from the current one.');
  if (problems.length) throw invalid(problems.map((message) => ({ field: 'body.newPassword', message })));

  const hash = await hashPassword(input.newPassword);
  const pair = await ctx.db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: 0, password_changed_at: now, updated_at: now }).where('id', '=', userId).execute();
    const session = await restartSessions(trx, ctx, userId, meta);
    await ctx.audit.record({ ...meta, action, actorId: userId, targetType: 'user', targetId: userId, subjectUserId: userId, details: { sessionId: session.familyId } }, trx);
    return session.pair;
  });
  ctx.sessions.forgetUser(userId);
  return pair;
}
