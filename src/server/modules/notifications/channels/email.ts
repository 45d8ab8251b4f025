// Email through SMTP with nodemailer: a pooled transport (a few connections reused across
// messages), STARTTLS whenever the server offers it (required with SMTP_REQUIRE_TLS), and bounded
// connection, greeting and socket timeouts so a dead server fails the attempt instead of hanging
// the worker. The Message-ID is made from the delivery id: a message resent after a crash carries
// the same id, which mail clients and archives use to drop the duplicate.
import fs from 'node:fs';
import nodemailer from 'nodemailer';
import type { Config } from '../../../config.ts';
import { PermanentDeliveryError, type ChannelAdapter, type OutgoingMessage } from './channel.ts';

export function messageIdFor(deliveryId: string, from: string): string {
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'nilecare.local';
  return `<${deliveryId}@${domain}>`;
}

export function emailChannel(smtp: Config['smtp']): ChannelAdapter {
  if (!smtp.host) throw new Error('SMTP_HOST is not set');
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: smtp.maxConnections,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTls,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: smtp.connectionTimeoutMs,
    greetingTimeout: smtp.greetingTimeoutMs,
    socketTimeout: smtp.socketTimeoutMs,
    tls: { minVersion: 'TLSv1.2', ...(smtp.caFile ? { ca: fs.readFileSync(smtp.caFile) } : {}) },
  });
  return {
    async send(m: OutgoingMessage) {
      const messageId = messageIdFor(m.deliveryId, smtp.from);
      try {
        const info = await transport.sendMail({
          from: smtp.from,
          to: m.name ? { name: m.name, address: m.to } : m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId,
          headers: { 'Content-Language': m.language },
          attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
        return { providerMessageId: info.messageId || messageId };
      } catch (err) {
        // 5xx is the server's final word on this message (unknown mailbox, refused content).
        const code = (err as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500 && code < 600) throw new PermanentDeliveryError(`SMTP ${code}: ${(err as Error).message}`);
        throw err;
      }
    },
    async close() { transport.close(); },
  };
}
