// What a channel adapter does: send one rendered message to one address, answering the provider's
// message id. The delivery id goes with every message as its idempotency key (the email's
// Message-ID, the SMS gateway's Idempotency-Key), so a resend after a crash can be recognised.
import type { NotificationAttachment } from '../../../platform/modules.ts';
import type { Language } from '../notifications.table.ts';

export interface OutgoingMessage {
  deliveryId: string;
  to: string;
  name: string | null;
  language: Language;
  subject: string;
  text: string;
  html: string;
  attachments: NotificationAttachment[];
}

export interface ChannelAdapter {
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
  close(): Promise<void>;
}

/** Retrying cannot help: a malformed address, a number outside Sudan, a rejected mailbox. */
export class PermanentDeliveryError extends Error {}
