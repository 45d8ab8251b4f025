// Turning TOTP on (enrol, then confirm with a first code), off (password and a code), and
// replacing recovery codes. Wrong codes where the factor protects something count against the
// same per-account budget as sign-in failures.
import { queueMfaDisabled } from './security-notices.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { verifyPassword } from './crypto/passwords.ts';
import { newTotpSecret, totpQrSvg, totpUri } from './crypto/totp.ts';
import { checkFactor, replaceRecoveryCodes, sealSecret, spendFactor } from './second-factor.ts';
import { restartSessions, type RequestMeta } from './sessions.ts';
import type { TokenPairT } from './auth.schemas.ts';
import { confirmPassword, throttled, type AuthDeps } from './throttle.ts';
import { findUserById, type AuthUser } from './users.repository.ts';

const ISSUER = 'NileCare';
const wrongCode = () => invalid([{ field: 'body.code', message: 'is not a valid code from your authenticator app' }]);

async function load({ ctx }: AuthDeps, userId: string, wantEnabled: boolean): Promise<AuthUser> {
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw new AppError('token_invalid', 'This session has ended; sign in again.');
  if (user.mfaEnabled !== wantEnabled) {
    throw new AppError('conflict', wantEnabled ? 'Two-step sign-in is not turned on.' : 'Two-step sign-in is already on; turn it off first to move it to a new device.');
  }
  return user;
}

/**
 * Asks for the password again: with only a stolen access token, an attacker could otherwise put
 * two-step sign-in on the account with their own device and lock the owner out.
 */
export async function enroll(deps: AuthDeps, userId: string, password: string, meta: RequestMeta): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  const { ctx } = deps;
  const user = await load(deps, userId, false);
  const action = 'auth.mfa_enroll';
  await confirmPassword(deps, user, password, meta, action);
  const secret = newTotpSecret();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const stored = await trx.updateTable('users').set({ mfa_secret: sealSecret(ctx.config, userId, secret), mfa_last_step: null, updated_at: nowIso() })
      .where('id', '=', userId).where('mfa_enabled', '=', 0).executeTakeFirst();
    if (Number(stored.numUpdatedRows) !== 1) throw new AppError('conflict', 'Two-step sign-in was turned on meanwhile.');
    await ctx.audit.record({ ...meta, action, actorId: userId, targetType: 'user', targetId: userId, subjectUserId: userId }, trx);
  });
  const otpauthUri = totpUri({ secret, account: user.email, issuer: ISSUER });
  return { secret, otpauthUri, qrSvg: await totpQrSvg(otpauthUri) };
}

/**
 * Turns two-step sign-in on. Like a password change, this ends every session of the account —
 * one opened with the password alone, perhaps by whoever made the user want MFA, must not outlive
 * it — and this device gets a fresh pair with the recovery codes.
 */
export async function confirm(deps: AuthDeps, userId: string, code: string, meta: RequestMeta): Promise<{ recoveryCodes: string[] } & TokenPairT> {
  const { ctx } = deps;
  const user = await load(deps, userId, false);
  if (!user.mfaSecret) throw new AppError('conflict', 'Start with POST /api/v1/auth/mfa/enroll.');
  const factor = await checkFactor(ctx.db.kysely, ctx.config, user, code, { allowRecovery: false });
  if (!factor) throw wrongCode();
  const result = await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await spendFactor(trx, userId, factor))) throw wrongCode();
    const on = await trx.updateTable('users').set({ mfa_enabled: 1, updated_at: nowIso() })
      .where('id', '=', userId).where('mfa_enabled', '=', 0).where('mfa_secret', '=', user.mfaSecret).executeTakeFirst();
    if (Number(on.numUpdatedRows) !== 1) throw new AppError('conflict', 'Two-step sign-in changed meanwhile; start again.');
    const session = await restartSessions(trx, ctx, userId, meta);
    await ctx.audit.record({ ...meta, action: 'auth.mfa_confirm', actorId: userId, targetType: 'user', targetId: userId, subjectUserId: userId, details: { sessionId: session.familyId } }, trx);
    return { recoveryCodes: await replaceRecoveryCodes(trx, userId), ...session.pair };
  });
  ctx.sessions.forgetUser(userId);
  return result;
}

export async function disable(deps: AuthDeps, userId: string, input: { password: string; code: string }, meta: RequestMeta): Promise<void> {
  const { ctx } = deps;
  const user = await load(deps, userId, true);
  const action = 'auth.mfa_disable';
  const factor = await throttled(deps, user.email, meta, { action, userId }, async (attempt) => {
    const passwordOk = (await verifyPassword(user.passwordHash, input.password)).ok;
    const found = passwordOk ? await checkFactor(ctx.db.kysely, ctx.config, user, input.code, { allowRecovery: true }) : null;
    if (found) return found;
    attempt.wrong();
    await ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: userId, targetType: 'user', targetId: userId, subjectUserId: userId, details: { reason: passwordOk ? 'wrong_code' : 'wrong_password' } });
    throw passwordOk ? wrongCode() : invalid([{ field: 'body.password', message: 'is not your current password' }]);
  });
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await spendFactor(trx, userId, factor))) throw wrongCode();
    await trx.updateTable('users').set({ mfa_enabled: 0, mfa_secret: null, mfa_last_step: null, updated_at: nowIso() }).where('id', '=', userId).execute();
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await ctx.audit.record({ ...meta, action, actorId: userId, targetType: 'user', targetId: userId, subjectUserId: userId, details: { factor: factor.kind } }, trx);
    await queueMfaDisabled(trx, userId, meta);
  });
  ctx.sessions.forgetUser(userId);
}

/** New recovery codes need a TOTP code: the old codes may be what leaked. */
export async function regenerateRecoveryCodes(deps: AuthDeps, userId: string, code: string, meta: RequestMeta): Promise<string[]> {
  const { ctx } = deps;
  const user = await load(deps, userId, true);
  const action = 'auth.mfa_recovery_codes';
  const factor = await throttled(deps, user.email, meta, { action, userId }, async (attempt) => {
    const found = await checkFactor(ctx.db.kysely, ctx.config, user, code, { allowRecovery: false });
    if (found) return found;
    attempt.wrong();
    await ctx.audit.record({ ...meta, action, outcome: 'failure', actorId: userId, targetType: 'user', targetId: userId, subjectUserId: userId, details: { reason: 'wrong_code' } });
    throw wrongCode();
  });
  return ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await spendFactor(trx, userId, factor))) throw wrongCode();
    await ctx.audit.record({ ...meta, action, actorId: userId, targetType: 'user', targetId: userId, subjectUserId: userId }, trx);
    return replaceRecoveryCodes(trx, userId);
  });
}
