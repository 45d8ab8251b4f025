// `nilecare user reset-password EMAIL`: a temporary password for an account, printed on the
// console for the operator to hand over. Needs only the database (no Redis): the servers notice
// the ended sessions by re-reading session state within seconds.
import type { Config } from '../config.ts';
import { AuditLog } from '../platform/audit/audit-log.ts';
import { consoleNotice } from '../platform/console-notice.ts';
import { resetPassword } from '../modules/facilities/index.ts';
import { openRuntime, closeRuntime, ensureSchema } from './runtime.ts';

const USAGE = 'usage: nilecare user reset-password EMAIL';

export async function runUser(config: Config, args: string[]): Promise<number> {
  const [action, email, ...extra] = args;
  if (action !== 'reset-password' || !email || extra.length) {
    console.error(USAGE);
    return 2;
  }
  const rt = await openRuntime({ ...config, redisUrl: undefined });
  try {
    await ensureSchema(rt);
    const reset = await resetPassword({ db: rt.db, audit: new AuditLog(rt.db) }, email);
    if (!reset) {
      console.error(`no account with the email ${email.trim().toLowerCase()}`);
      return 1;
    }
    console.log(consoleNotice([
      `New temporary password for ${reset.email}`,
      '',
      `Password:   ${reset.password}`,
      `Sign in at: ${config.appUrl}`,
      '',
      'They must choose a new password at sign-in. Every session of the account has ended.',
      ...(reset.active ? [] : ['Note: this account is disabled; an administrator must enable it before it can sign in.']),
    ]));
    return 0;
  } finally {
    await closeRuntime(rt);
  }
}
