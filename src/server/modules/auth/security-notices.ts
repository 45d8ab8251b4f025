// Security notices to a user (and, for repeated failed sign-ins, to their facilities' security
// contacts), queued through the notifications module in the transaction of what they report.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DbClient } from '../../config.ts';
import { LOGIN_LIMITS } from '../../platform/rate-limit/login-throttle.ts';
import type { RateLimitStore } from '../../platform/rate-limit/store.ts';
import { queueNotification } from '../notifications/index.ts';
import { deviceOf } from './device.ts';
import { SECURITY_EVENTS } from './security-templates.ts';
import type { RequestMeta } from './sessions.ts';

type Trx = Transaction<Database>;

/**
 * The facilities a user's messages are logged under, in a stable order: a message is logged (and
 * shown in the delivery log) under the first; a user with no membership gets none.
 */
export async function userFacilities(trx: Trx, userId: string): Promise<string[]> {
  const rows = await trx.selectFrom('memberships').select('facility_id').where('user_id', '=', userId).orderBy('facility_id').execute();
  return [...new Set(rows.map((r) => r.facility_id))];
}

/** Queues an event's message to the user under their first facility; answers false when they have none. */
export async function queueToUser(trx: Trx, userId: string, event: string, data: Record<string, unknown>, channels?: ('email' | 'sms')[]): Promise<boolean> {
  const [facilityId] = await userFacilities(trx, userId);
  if (!facilityId) return false;
  await queueNotification(trx, { facilityId, event, to: { userId }, data, ...(channels ? { channels } : {}) });
  return true;
}

const when = () => new Date().toISOString().slice(0, 16).replace('T', ' ');

/**
 * Records the device of a sign-in (within its transaction) and, when the user has signed in before
 * but never from this kind of device, tells them. The very first sign-in is not news.
 */
export async function noteSignInDevice(trx: Trx, client: DbClient, userId: string, meta: RequestMeta): Promise<void> {
  const device = deviceOf(meta.userAgent);
  const now = new Date().toISOString();
  const known = await trx.selectFrom('user_devices').select('device_hash').where('user_id', '=', userId).execute();
  if (known.some((d) => d.device_hash === device.hash)) {
    await trx.updateTable('user_devices').set({ last_seen_at: now }).where('user_id', '=', userId).where('device_hash', '=', device.hash).execute();
    return;
  }
  const insert = trx.insertInto('user_devices').values({ user_id: userId, device_hash: device.hash, label: device.label, first_seen_at: now, last_seen_at: now });
  // Two sign-ins from the same new device at once meet at the primary key: one of them tells.
  const res = await (client === 'mysql' ? insert.ignore() : insert.onConflict((oc) => oc.columns(['user_id', 'device_hash']).doNothing())).executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0 || known.length === 0) return;
  await queueToUser(trx, userId, SECURITY_EVENTS.newDevice, { device: device.label, when: when(), ip: meta.ip ?? '—' });
}

/**
 * Counts a failed sign-in on an account; true exactly once per lockout window, on the failure that
 * uses up the account's budget (the one after which sign-in is refused), so a guessing run yields
 * one notice, not one per attempt.
 */
export async function reachesLockout(store: RateLimitStore, userId: string): Promise<boolean> {
  const { count } = await store.hit(`secnotice:fail:${userId}`, LOGIN_LIMITS.windowMs);
  return count === LOGIN_LIMITS.accountMax;
}

/** Tells the user and the security contact of each of their facilities that has one. */
export async function queueFailedSignIns(trx: Trx, user: { id: string; email: string; name: string }, meta: RequestMeta): Promise<void> {
  const data = { attempts: LOGIN_LIMITS.accountMax, minutes: Math.round(LOGIN_LIMITS.windowMs / 60_000), when: when(), ip: meta.ip ?? '—' };
  await queueToUser(trx, user.id, SECURITY_EVENTS.failedSignIns, data);
  const contacts = await trx.selectFrom('memberships as m').innerJoin('notification_settings as s', 's.facility_id', 'm.facility_id')
    .innerJoin('facilities as f', 'f.id', 'm.facility_id')
    .select(['m.facility_id', 's.security_contact_email', 'f.name']).where('m.user_id', '=', user.id).where('s.security_contact_email', 'is not', null)
    .orderBy('m.facility_id').execute();
  const seen = new Set<string>();
  for (const c of contacts) {
    if (seen.has(c.facility_id) || !c.security_contact_email) continue;
    seen.add(c.facility_id);
    await queueNotification(trx, {
      facilityId: c.facility_id, event: SECURITY_EVENTS.failedSignInsContact, to: { email: c.security_contact_email }, channels: ['email'],
      data: { ...data, account: user.email, accountName: user.name, facility: c.name },
    });
  }
}

export async function queueMfaDisabled(trx: Trx, userId: string, meta: RequestMeta): Promise<void> {
  await queueToUser(trx, userId, SECURITY_EVENTS.mfaDisabled, { when: when(), ip: meta.ip ?? '—' });
}
