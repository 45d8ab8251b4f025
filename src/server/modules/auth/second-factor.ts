// Checking a second factor — a TOTP code or a recovery code — and spending it so it works once.
// Checking reads only; spending is a conditional UPDATE inside the caller's transaction, so two
// requests racing with the same code cannot both succeed.
import type { Config } from '../../config.ts';
import { encryptField, decryptField } from '../../platform/field-crypto.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import { verifyTotp } from './crypto/totp.ts';
import { hashRecoveryCode, newRecoveryCodes } from './crypto/recovery-codes.ts';
import type { AuthUser, Executor } from './users.repository.ts';

export type Factor = { kind: 'totp'; step: number } | { kind: 'recovery'; id: string };

// The user id is bound into the ciphertext, so a secret copied onto another account does not decrypt.
export const secretContext = (userId: string) => `users.mfa_secret:${userId}`;
const ring = (config: Config) => ({ keys: config.phi.keys, activeKeyId: config.phi.activeKeyId });

export function sealSecret(config: Config, userId: string, secret: string): string {
  return encryptField(secret, ring(config), secretContext(userId));
}

export function openSecret(config: Config, user: Pick<AuthUser, 'id' | 'mfaSecret'>): string | null {
  return user.mfaSecret ? decryptField(user.mfaSecret, ring(config), secretContext(user.id)) : null;
}

const TOTP_SHAPE = /^[0-9]{6}$/;

/** The factor `code` proves, or null. Recovery codes count only where `allowRecovery` says so. */
export async function checkFactor(k: Executor, config: Config, user: AuthUser, code: string, opts: { allowRecovery: boolean }): Promise<Factor | null> {
  const trimmed = code.trim();
  if (TOTP_SHAPE.test(trimmed)) {
    const secret = openSecret(config, user);
    if (!secret) return null;
    const result = verifyTotp(secret, trimmed, { lastUsedStep: user.mfaLastStep });
    return result.ok ? { kind: 'totp', step: result.step } : null;
  }
  if (!opts.allowRecovery) return null;
  const row = await k.selectFrom('mfa_recovery_codes').select('id')
    .where('user_id', '=', user.id).where('code_hash', '=', hashRecoveryCode(trimmed)).where('used_at', 'is', null).executeTakeFirst();
  return row ? { kind: 'recovery', id: row.id } : null;
}

/** Spends the factor; false when it was spent in the meantime (the caller must then roll back). */
export async function spendFactor(k: Executor, userId: string, factor: Factor): Promise<boolean> {
  const result = factor.kind === 'totp'
    ? await k.updateTable('users').set({ mfa_last_step: factor.step })
      .where('id', '=', userId).where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', factor.step)])).executeTakeFirst()
    : await k.updateTable('mfa_recovery_codes').set({ used_at: nowIso() })
      .where('id', '=', factor.id).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the user's recovery codes with ten new ones; returns them in clear, to be shown once. */
export async function replaceRecoveryCodes(k: Executor, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes(10);
  const now = nowIso();
  await k.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  await k.insertInto('mfa_recovery_codes')
    .values(codes.map((code) => ({ id: uuidv7(), user_id: userId, code_hash: hashRecoveryCode(code), used_at: null, created_at: now })))
    .execute();
  return codes;
}
