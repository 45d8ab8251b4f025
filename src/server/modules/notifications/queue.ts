// queueNotification: writes the delivery-log rows and their outbox jobs in the caller's transaction,
// so a message exists exactly when what caused it was committed.
import { enqueue } from '../../platform/outbox/enqueue.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import type { Executor } from './executor.ts';
import { CHANNELS, type Channel, type DeliveryStatus } from './notifications.table.ts';
import { maskAddress, resolveRecipient, type RecipientRef } from './recipients.ts';
import { facilitySettings } from './settings.ts';
import { hasTemplate, type TemplateData } from './templates.ts';

export const NOTIFICATION_TOPIC = 'notification.deliver';

export interface AttachmentRef { kind: string; ref: string }

export interface NotificationRequest {
  facilityId: string;
  /** The template's key, e.g. "appointment.booked". */
  event: string;
  to: RecipientRef;
  /** The template's variables. Kept in the outbox job only, never in the log. */
  data: TemplateData;
  /** Default: every channel the recipient has an address for and the facility has on. */
  channels?: Channel[];
  /** Email only: each is fetched at send time from the module that registered its kind. */
  attachments?: AttachmentRef[];
  /** Not before this time (reminders). */
  sendAt?: Date;
  /** A second call with the same key (per facility and channel) queues nothing. */
  dedupeKey?: string;
  /** What the message is about, e.g. "appointment:<id>" (see supersedeNotifications). */
  subjectRef?: string;
}

/** What the worker's job carries: the address and the data, which the log does not keep. */
export interface DeliveryPayload {
  deliveryId: string;
  facilityId: string;
  address: string;
  name: string | null;
  /** Set for a patient, whose opt-out is checked again at send time. */
  patientId?: string;
  data: TemplateData;
  attachments: AttachmentRef[];
}

export interface QueuedDelivery { id: string; channel: Channel; status: DeliveryStatus }

export async function queueNotification(trx: Executor, req: NotificationRequest): Promise<QueuedDelivery[]> {
  if (!hasTemplate(req.event)) throw new Error(`no template registered for notification event ${req.event}`);
  const recipient = await resolveRecipient(trx, req.facilityId, req.to);
  if (!recipient) return [];
  const settings = await facilitySettings(trx, req.facilityId);
  const now = nowIso();
  const sendAt = req.sendAt && req.sendAt.getTime() > Date.now() ? req.sendAt.toISOString() : now;
  const out: QueuedDelivery[] = [];
  for (const channel of req.channels ?? CHANNELS) {
    const address = recipient.addresses[channel];
    if (!address || !settings.channels[channel]) continue;
    if (req.dedupeKey) {
      const existing = await trx.selectFrom('notification_deliveries').select(['id', 'status'])
        .where('facility_id', '=', req.facilityId).where('dedupe_key', '=', req.dedupeKey).where('channel', '=', channel).executeTakeFirst();
      if (existing) { out.push({ id: existing.id, channel, status: existing.status }); continue; }
    }
    const optedOut = recipient.optedOut.includes(channel);
    const id = uuidv7();
    const status: DeliveryStatus = optedOut ? 'skipped_opt_out' : 'queued';
    const payload: DeliveryPayload = { deliveryId: id, facilityId: req.facilityId, address, name: recipient.name, ...('patientId' in req.to ? { patientId: req.to.patientId } : {}), data: req.data, attachments: channel === 'email' ? req.attachments ?? [] : [] };
    const outboxId = optedOut ? null : await enqueue(trx, NOTIFICATION_TOPIC, payload, { runAt: new Date(sendAt) });
    await trx.insertInto('notification_deliveries').values({
      id, facility_id: req.facilityId, event: req.event, channel, recipient: maskAddress(channel, address), subject_ref: req.subjectRef ?? null,
      language: recipient.language, status, attempts: 0, last_error: null, provider_message_id: null, outbox_id: outboxId,
      dedupe_key: req.dedupeKey ?? null, send_at: sendAt, created_at: now, updated_at: now, sent_at: null,
    }).execute();
    out.push({ id, channel, status });
  }
  return out;
}

/**
 * Cancels the not-yet-sent messages of an event about a subject (a rescheduled appointment's old
 * reminder); the worker finds them 'cancelled' and sends nothing. Answers how many.
 */
export async function supersedeNotifications(trx: Executor, facilityId: string, subjectRef: string, event: string): Promise<number> {
  const r = await trx.updateTable('notification_deliveries').set({ status: 'cancelled', updated_at: nowIso() })
    .where('facility_id', '=', facilityId).where('subject_ref', '=', subjectRef).where('event', '=', event).where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
