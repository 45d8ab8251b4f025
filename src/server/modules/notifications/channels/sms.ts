// SMS through an HTTP gateway: one JSON POST per message, authenticated with the API key, carrying
// the delivery id as its Idempotency-Key (a gateway that honours it sends a retried message once),
// bounded by SMS_TIMEOUT. Only Sudanese mobile numbers in E.164 (+249 and nine digits) are sent;
// anything else fails permanently at once. A 4xx answer (other than 408 and 429) is the gateway
// refusing this message for good; timeouts, 5xx, 408 and 429 are retried.
import type { Config } from '../../../config.ts';
import { PermanentDeliveryError, type ChannelAdapter, type OutgoingMessage } from './channel.ts';
import { fitSms } from './sms-encoding.ts';

export const SUDAN_E164 = /^\+249\d{9}$/;

export function smsChannel(sms: Config['sms']): ChannelAdapter {
  const { gatewayUrl, apiKey, senderId } = sms;
  if (!gatewayUrl || !apiKey || !senderId) throw new Error('SMS_GATEWAY_URL, SMS_API_KEY and SMS_SENDER_ID must all be set');
  return {
    async send(m: OutgoingMessage) {
      if (!SUDAN_E164.test(m.to)) throw new PermanentDeliveryError('not a Sudanese mobile number in E.164 form (+249 and nine digits)');
      const fitted = fitSms(m.text, sms.maxSegments);
      let res: Response;
      try {
        res = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, 'idempotency-key': m.deliveryId },
          body: JSON.stringify({ from: senderId, to: m.to, text: fitted.text, encoding: fitted.encoding, segments: fitted.segments, reference: m.deliveryId }),
          signal: AbortSignal.timeout(sms.timeoutMs),
        });
      } catch (err) {
        const name = (err as Error).name;
        throw new Error(name === 'TimeoutError' ? `SMS gateway did not answer within ${sms.timeoutMs} ms` : `SMS gateway unreachable: ${(err as Error).message}`);
      }
      const body = await res.text();
      if (!res.ok) {
        const message = `SMS gateway answered ${res.status}: ${body.slice(0, 200)}`;
        if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentDeliveryError(message);
        throw new Error(message);
      }
      let id: unknown;
      try { id = (JSON.parse(body) as { id?: unknown; messageId?: unknown }).id ?? (JSON.parse(body) as { messageId?: unknown }).messageId; } catch { id = undefined; }
      return { providerMessageId: typeof id === 'string' || typeof id === 'number' ? String(id) : m.deliveryId };
    },
    async close() {},
  };
}
