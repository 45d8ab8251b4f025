// Messages sent and failed, by channel and event (the worker's outbox_jobs_total counts jobs; these
// count what reached, or did not reach, a provider).
import { Counter, type Registry } from 'prom-client';

export interface NotificationMetrics { sent(channel: string, event: string): void; failed(channel: string, event: string): void }

export function notificationMetrics(registry: Registry): NotificationMetrics {
  const sent = new Counter({ name: 'notifications_sent_total', help: 'Notifications accepted by the SMTP server or SMS gateway, by channel and event', labelNames: ['channel', 'event'], registers: [registry] });
  const failed = new Counter({ name: 'notifications_failed_total', help: 'Notification send attempts that failed, by channel and event', labelNames: ['channel', 'event'], registers: [registry] });
  return { sent: (channel, event) => sent.inc({ channel, event }), failed: (channel, event) => failed.inc({ channel, event }) };
}
