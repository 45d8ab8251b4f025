// First start on an empty database: create a first facility and a super admin so the
// installation can be used at once. Later starts find a user and create nothing; if the
// NILECARE_ADMIN_* variables no longer describe what is there, they say so instead of staying silent.
import type { AppContext } from '../../platform/context.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { consoleNotice, printToConsole } from '../../platform/console-notice.ts';
import { hashPassword, checkPassword, temporaryPassword, verifyPassword } from '../auth/index.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

export const DEFAULT_ADMIN_EMAIL = 'admin@nilecare.local';

type BootstrapCtx = Pick<AppContext, 'config' | 'db' | 'log'>;

export function facilityCodeFrom(name: string): string {
  const letters = name.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return (letters.slice(0, 8) || 'FAC').padEnd(3, 'X');
}

/** `print` shows the generated password to the person at the console (stderr unless a test says otherwise). */
export async function ensureFirstAdmin(ctx: BootstrapCtx, print: (text: string) => void = printToConsole): Promise<void> {
  const { config, db, log } = ctx;
  const anyUser = await db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return warnIfIgnored(ctx);

  let { adminEmail: email, adminPassword: password } = config.bootstrap;
  let generated = false;
  if (!email || !password) {
    if (config.nodeEnv === 'production') {
      log.warn('No users exist. Set NILECARE_ADMIN_EMAIL and NILECARE_ADMIN_PASSWORD and restart to create the first administrator.');
      return;
    }
    email = DEFAULT_ADMIN_EMAIL;
    password = temporaryPassword({ email });
    generated = true;
  } else {
    const problems = checkPassword(password, { email });
    if (problems.length) throw new Error(`NILECARE_ADMIN_PASSWORD is too weak: ${problems.join('; ')}`);
  }

  const now = nowIso();
  const facilityId = uuidv7();
  const userId = uuidv7();
  const passwordHash = await hashPassword(password);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('facilities').values({
        id: facilityId, code: facilityCodeFrom(config.bootstrap.facilityName), name: config.bootstrap.facilityName, type: 'clinic',
        state: null, locality: null, time_zone: 'Africa/Khartoum', status: 'active', created_at: now, updated_at: now,
      }).execute();
      await trx.insertInto('users').values({
        id: userId, email, name: 'Administrator', phone: null, password_hash: passwordHash, status: 'active',
        must_change_password: generated ? 1 : 0, created_at: now, updated_at: now,
      }).execute();
      await trx.insertInto('memberships').values({ id: uuidv7(), user_id: userId, facility_id: facilityId, role: 'super_admin', created_at: now }).execute();
    });
  } catch (err) {
    // Two replicas starting together on an empty database: the other one created them first.
    if (isUniqueViolation(err)) return;
    throw err;
  }

  if (generated) {
    // Shown once, on purpose: this is the only way to learn the generated password. It goes to the
    // console whatever LOG_LEVEL says, and never into the log.
    log.warn({ email }, `Created the first administrator ${email}; the one-time password is printed on the console (stderr).`);
    print(consoleNotice([
      'NileCare: the first administrator was created.',
      '',
      `Sign in at: ${config.appUrl}`,
      `Email:      ${email}`,
      `Password:   ${password}`,
      '',
      'This password is shown only once; you will choose your own at first sign-in.',
      `Lost it? Run: nilecare user reset-password ${email}`,
    ]));
  } else {
    log.info({ email }, `Created the first administrator and facility "${config.bootstrap.facilityName}".`);
  }
}

/**
 * NILECARE_ADMIN_* act only on an empty database. Someone who sets them later expecting a new admin
 * or a new password gets a warning saying they are ignored and what to do instead — and nothing
 * when they still describe the admin that exists, so a deployment that keeps them set stays quiet.
 */
async function warnIfIgnored({ config, db, log }: BootstrapCtx): Promise<void> {
  const { adminEmail: email, adminPassword: password } = config.bootstrap;
  if (!email && !password) return;
  const fix = 'Create staff accounts in NileCare; to give someone a new password, run "nilecare user reset-password EMAIL".';
  const user = email ? await db.kysely.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirst() : undefined;
  if (email && !user) {
    log.warn(`NILECARE_ADMIN_EMAIL (${email}) is not an account here and is ignored: NILECARE_ADMIN_* create the first administrator only on an empty database. ${fix}`);
  } else if (!user) {
    log.warn(`NILECARE_ADMIN_PASSWORD is set without NILECARE_ADMIN_EMAIL and is ignored: NILECARE_ADMIN_* create the first administrator only on an empty database. ${fix}`);
  } else if (password && !(await verifyPassword(user.password_hash, password)).ok) {
    log.warn({ email }, `NILECARE_ADMIN_PASSWORD is ignored: it is not ${email}'s password, and NILECARE_ADMIN_* never change an existing account. ${fix}`);
  }
}
