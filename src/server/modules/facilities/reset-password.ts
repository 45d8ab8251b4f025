// `nilecare user reset-password EMAIL`: the way back in for someone — often the only super admin —
// who lost their password. Whoever can run the command on the server already holds the database,
// so it needs no other proof; what it does is visible: a temporary password, to be changed at the
// next sign-in, every session of the account ended, and an audit event.
import { userInfo } from 'node:os';
import type { Db } from '../../db/connect.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { nowIso } from '../../platform/ids.ts';
import { hashPassword, revokeAllSessions, temporaryPassword } from '../auth/index.ts';

export interface PasswordReset { userId: string; email: string; password: string; active: boolean }

/** Who ran the command, for the audit trail (the OS account; absent in some containers). */
function operator(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

/** Sets a temporary password for the account with this email; null when there is none. */
export async function resetPassword({ db, audit }: { db: Db; audit: AuditLog }, email: string): Promise<PasswordReset | null> {
  const user = await db.kysely.selectFrom('users').select(['id', 'email', 'name', 'status'])
    .where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (!user) return null;
  const password = temporaryPassword(user);
  const passwordHash = await hashPassword(password);
  await db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 1, password_changed_at: now, updated_at: now })
      .where('id', '=', user.id).execute();
    await revokeAllSessions(trx, user.id);
    await audit.record({ action: 'user.password_reset', targetType: 'user', targetId: user.id, subjectUserId: user.id, details: { via: 'cli', operator: operator() } }, trx);
  });
  return { userId: user.id, email: user.email, password, active: user.status === 'active' };
}
