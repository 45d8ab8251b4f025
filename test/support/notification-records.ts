// Delivery-log rows made directly, for tests of the log's API (the access matrix, retry).
import type { Db } from '../../src/server/db/connect.ts';
import { enqueue } from '../../src/server/platform/outbox/enqueue.ts';
import { nowIso, uuidv7 } from '../../src/server/platform/ids.ts';
import type { DeliveryStatus } from '../../src/server/modules/notifications/index.ts';

/** A delivery in `status` (dead by default) with its outbox job failed, as the worker leaves one. */
export async function insertDeadDelivery(db: Db, facilityId: string, opts: { status?: DeliveryStatus; event?: string; createdAt?: string } = {}): Promise<string> {
  const id = uuidv7();
  const outboxId = await enqueue(db.kysely, 'notification.deliver', { deliveryId: id, facilityId, address: 'x@example.org', name: null, data: {}, attachments: [] });
  const status = opts.status ?? 'dead';
  if (status === 'dead') await db.kysely.updateTable('outbox').set({ status: 'failed', attempts: 8, last_error: 'SMTP 550: mailbox unavailable' }).where('id', '=', outboxId).execute();
  const now = opts.createdAt ?? nowIso();
  await db.kysely.insertInto('notification_deliveries').values({
    id, facility_id: facilityId, event: opts.event ?? 'appointment.booked', channel: 'email', recipient: 'x***@example.org', subject_ref: null, language: 'en',
    status, attempts: status === 'dead' ? 8 : 0, last_error: status === 'dead' ? 'SMTP 550: mailbox unavailable' : null, provider_message_id: null,
    outbox_id: outboxId, dedupe_key: null, send_at: now, created_at: now, updated_at: now, sent_at: null,
  }).execute();
  return id;
}
