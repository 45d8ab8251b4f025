// Sessions are refresh-token families: sign-in starts one, each refresh rotates its token, and the
// family id is the `sid` of its access tokens — so revoking the family ends both at once.
import type { AppContext } from '../../platform/context.ts';
import type { AuditEvent } from '../../platform/audit/audit-log.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { newOpaqueToken } from './crypto/tokens.ts';
import { refreshTokenHash } from './token-hash.ts';
import type { Executor } from './users.repository.ts';
import type { TokenPairT } from './auth.schemas.ts';

export type RequestMeta = Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'>;

type Ctx = Pick<AppContext, 'config' | 'tokens'>;

interface FamilyRef { userId: string; familyId: string; tokenVersion: number; expiresAt: string }

/** Stores a new active refresh token of the family and returns it with a fresh access token. */
export async function issueTokens(k: Executor, ctx: Ctx, family: FamilyRef, meta: RequestMeta): Promise<TokenPairT> {
  const refreshToken = newOpaqueToken();
  const now = Date.now();
  // Idle expiry never outlives the family's absolute expiry.
  const idleExpiresAt = new Date(Math.min(now + ctx.config.jwt.refreshIdleSeconds * 1000, Date.parse(family.expiresAt))).toISOString();
  await k.insertInto('refresh_tokens').values({
    id: uuidv7(),
    family_id: family.familyId,
    user_id: family.userId,
    token_hash: refreshTokenHash(ctx.config.jwt.refreshSecret, refreshToken),
    status: 'active',
    created_at: new Date(now).toISOString(),
    expires_at: family.expiresAt,
    idle_expires_at: idleExpiresAt,
    used_at: null,
    ip: meta.ip ?? null,
    user_agent: meta.userAgent?.slice(0, 512) ?? null,
  }).execute();
  const accessToken = await ctx.tokens.sign({ userId: family.userId, sessionId: family.familyId, tokenVersion: family.tokenVersion });
  return { accessToken, refreshToken, expiresIn: ctx.tokens.expirySeconds, tokenType: 'Bearer' };
}

/** A new family: absolute expiry JWT_REFRESH_EXPIRY from now. */
export async function startSession(k: Executor, ctx: Ctx, user: { id: string; tokenVersion: number }, meta: RequestMeta): Promise<{ familyId: string; pair: TokenPairT }> {
  const familyId = uuidv7();
  const expiresAt = new Date(Date.now() + ctx.config.jwt.refreshExpirySeconds * 1000).toISOString();
  const pair = await issueTokens(k, ctx, { userId: user.id, familyId, tokenVersion: user.tokenVersion, expiresAt }, meta);
  return { familyId, pair };
}

/** Ends one session: its refresh tokens stop rotating and its access tokens stop passing authentication. */
export async function revokeFamily(k: Executor, familyId: string): Promise<void> {
  await k.updateTable('refresh_tokens').set({ status: 'revoked' })
    .where('family_id', '=', familyId).where('status', 'in', ['active', 'used']).execute();
}

/**
 * Ends every session of a user: all refresh-token families are revoked and token_version is bumped,
 * so every access token already issued fails authentication. Pass the transaction of the change
 * that calls for it (disable, temporary password, password change), then call
 * `ctx.sessions.forgetUser(userId)` once it has committed so this instance reacts at once.
 */
export async function revokeAllSessions(k: Executor, userId: string): Promise<void> {
  await k.updateTable('refresh_tokens').set({ status: 'revoked' })
    .where('user_id', '=', userId).where('status', 'in', ['active', 'used']).execute();
  await k.updateTable('users').set((eb) => ({ token_version: eb('token_version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', userId).execute();
}

/**
 * Ends every session of the user and starts a new one for the device that asked: what a change of
 * credentials (a new password, turning on two-step sign-in) does, so a thief holding an older access
 * or refresh token is shut out while the user carries on. Same transaction rules as revokeAllSessions.
 */
export async function restartSessions(k: Executor, ctx: Ctx, userId: string, meta: RequestMeta): Promise<{ familyId: string; pair: TokenPairT }> {
  await revokeAllSessions(k, userId);
  const { token_version } = await k.selectFrom('users').select('token_version').where('id', '=', userId).executeTakeFirstOrThrow();
  return startSession(k, ctx, { id: userId, tokenVersion: Number(token_version) }, meta);
}
