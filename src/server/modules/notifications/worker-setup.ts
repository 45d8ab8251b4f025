// What the worker needs to deliver notifications: the channels the configuration enables (email
// with SMTP_HOST, SMS with SMS_GATEWAY_URL), the modules' attachment providers, and the metrics.
import type { Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import type { NotificationAttachmentProvider } from '../../platform/modules.ts';
import type { JobHandler } from '../../platform/outbox/worker.ts';
import type { ChannelAdapter } from './channels/channel.ts';
import { emailChannel } from './channels/email.ts';
import { smsChannel } from './channels/sms.ts';
import { deliveryHandler } from './deliver.ts';
import { notificationMetrics } from './metrics.ts';
import type { Channel } from './notifications.table.ts';
import { NOTIFICATION_TOPIC } from './queue.ts';

export interface NotificationWorkerDeps {
  config: Config; db: Db; log: Logger; registry?: Registry; attachments: Map<string, NotificationAttachmentProvider>;
  /** Default: made from the config; pass them to close them (the SMTP pool keeps connections open). */
  channels?: Partial<Record<Channel, ChannelAdapter>>;
}

export function notificationChannels(config: Config): Partial<Record<Channel, ChannelAdapter>> {
  return { ...(config.smtp.host ? { email: emailChannel(config.smtp) } : {}), ...(config.sms.gatewayUrl ? { sms: smsChannel(config.sms) } : {}) };
}

export function notificationJobHandlers(deps: NotificationWorkerDeps): [string, JobHandler][] {
  const channels = deps.channels ?? notificationChannels(deps.config);
  if (!channels.email) deps.log.warn('SMTP_HOST is not set: email notifications will fail until it is');
  return [[NOTIFICATION_TOPIC, deliveryHandler({ db: deps.db.kysely, channels, attachments: deps.attachments, metrics: deps.registry && notificationMetrics(deps.registry), log: deps.log })]];
}
