// POST /auth/unlock: the person at a locked screen proves they are the signed-in user. Wrong
// passwords spend the same per-account budget as sign-in, so a locked screen is no guessing oracle.
import { AppError } from '../../platform/errors.ts';
import type { RequestMeta } from './sessions.ts';
import { confirmPassword, type AuthDeps } from './throttle.ts';
import { findUserById } from './users.repository.ts';

export async function unlock(deps: AuthDeps, userId: string, password: string, meta: RequestMeta): Promise<void> {
  const { ctx } = deps;
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw new AppError('token_invalid', 'This session has ended; sign in again.');
  await confirmPassword(deps, user, password, meta, 'auth.unlock', { clearsFailures: true });
  await ctx.audit.record({ ...meta, action: 'auth.unlock', actorId: userId, targetType: 'user', targetId: userId, subjectUserId: userId });
}
