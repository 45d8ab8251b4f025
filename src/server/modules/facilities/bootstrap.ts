// First start on an empty database: create a first facility and a super admin so the
// installation can be used at once. Later starts find a user and do nothing.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { hashPassword, checkPassword } from '../auth/index.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

export const DEFAULT_ADMIN_EMAIL = 'admin@nilecare.local';

export function facilityCodeFrom(name: string): string {
  const letters = name.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return (letters.slice(0, 8) || 'FAC').padEnd(3, 'X');
}

export async function ensureFirstAdmin(ctx: Pick<AppContext, 'config' | 'db' | 'log'>): Promise<void> {
  const { config, db, log } = ctx;
  const anyUser = await db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return;

  let { adminEmail: email, adminPassword: password } = config.bootstrap;
  let generated = false;
  if (!email || !password) {
    if (config.nodeEnv === 'production') {
      log.warn('No users exist. Set NILECARE_ADMIN_EMAIL and NILECARE_ADMIN_PASSWORD and restart to create the first administrator.');
      return;
    }
    email = DEFAULT_ADMIN_EMAIL;
    password = randomBytes(12).toString('base64url');
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
    // Printed once, on purpose: this is the only way to learn the generated password.
    log.warn(`Created the first administrator. Sign in at ${config.appUrl} as ${email} with password ${password} — you will be asked to change it.`);
  } else {
    log.info({ email }, `Created the first administrator and facility "${config.bootstrap.facilityName}".`);
  }
}
