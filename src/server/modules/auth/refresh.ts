// POST /auth/refresh: rotate a refresh token. A spent token presented again means two parties hold
// the family (the rightful user and a thief, in either order), so the whole family is revoked.
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import type { AuthMetrics } from './auth.metrics.ts';
import type { TokenPairT } from './auth.schemas.ts';
import { issueTokens, revokeFamily, type RequestMeta } from './sessions.ts';
import { refreshTokenHashes } from './token-hash.ts';
import { findUserById } from './users.repository.ts';

const invalid = () => new AppError('token_invalid', 'The refresh token is invalid or expired; sign in again.');

type FamilyRow = { user_id: string; family_id: string };

export async function refreshSession(ctx: AppContext, metrics: AuthMetrics, token: string, meta: RequestMeta): Promise<TokenPairT> {
  const k = ctx.db.kysely;
  const row = await k.selectFrom('refresh_tokens')
    .select(['id', 'family_id', 'user_id', 'status', 'expires_at', 'idle_expires_at'])
    .where('token_hash', 'in', refreshTokenHashes(ctx.config.jwt, token)).executeTakeFirst();
  if (!row) throw invalid();
  if (row.status === 'used') return reuseDetected(ctx, metrics, row, meta);
  const now = nowIso();
  const user = await findUserById(k, row.user_id);
  const refusal = row.status === 'revoked' ? 'revoked' : row.expires_at <= now || row.idle_expires_at <= now ? 'expired' : null;
  if (refusal || !user?.active) {
    const details = { reason: refusal ?? 'user_disabled' };
    await ctx.audit.record({ ...meta, action: 'auth.refresh', outcome: 'failure', actorId: row.user_id, targetType: 'session', targetId: row.family_id, subjectUserId: row.user_id, details });
    throw invalid();
  }

  const pair = await k.transaction().execute(async (trx) => {
    // The status condition makes rotation race-safe: of two requests with the same token, exactly
    // one flips it from active to used; the other sees 0 rows and is treated as reuse.
    const spent = await trx.updateTable('refresh_tokens').set({ status: 'used', used_at: now })
      .where('id', '=', row.id).where('status', '=', 'active').executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return null;
    const next = await issueTokens(trx, ctx, { userId: user.id, familyId: row.family_id, tokenVersion: user.tokenVersion, expiresAt: row.expires_at }, meta);
    await ctx.audit.record({ ...meta, action: 'auth.refresh', actorId: user.id, targetType: 'session', targetId: row.family_id, subjectUserId: user.id }, trx);
    return next;
  });
  return pair ?? reuseDetected(ctx, metrics, row, meta);
}

async function reuseDetected(ctx: AppContext, metrics: AuthMetrics, row: FamilyRow, meta: RequestMeta): Promise<never> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await revokeFamily(trx, row.family_id);
    await ctx.audit.record({ ...meta, action: 'auth.refresh_reuse', outcome: 'failure', actorId: row.user_id, targetType: 'session', targetId: row.family_id, subjectUserId: row.user_id }, trx);
  });
  metrics.tokenReuse();
  ctx.sessions.forgetUser(row.user_id);
  throw invalid();
}
