// The channel adapters against real peers: nodemailer to an SMTP server started here (STARTTLS
// with a self-signed certificate, AUTH), and the SMS adapter to a local HTTP gateway. The SMS
// length rules are checked on their own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../../config.ts';
import { TEST_SECRETS } from '../../../../../test/support/app.ts';
import { startTestSmtp, type TestSmtp } from '../../../../../test/support/smtp-server.ts';
import { startTestSmsGateway, type TestSmsGateway } from '../../../../../test/support/sms-gateway.ts';
import { emailChannel, messageIdFor } from './email.ts';
import { smsChannel } from './sms.ts';
import { PermanentDeliveryError, type OutgoingMessage } from './channel.ts';
import { encodingOf, fitSms, segmentsOf, unitsOf } from './sms-encoding.ts';

const config = (env: Record<string, string>) => parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, ...env });
const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  deliveryId: '0190a0b0-0000-7000-8000-000000000001', to: 'amna@example.org', name: 'Amna Osman', language: 'en',
  subject: 'Appointment confirmed', text: 'See you on Monday.', html: '<p>See you on Monday.</p>', attachments: [], ...over,
});

test('GSM-7 for Latin text (160 / 153 per part, extension characters count two); UCS-2 for Arabic (70 / 67)', () => {
  assert.equal(encodingOf('Your appointment is at 09:30 {room 2}'), 'gsm7');
  assert.equal(encodingOf('موعدك الساعة ٩:٣٠'), 'ucs2');
  assert.equal(encodingOf('Price 5€'), 'gsm7');
  assert.equal(unitsOf('a€[', 'gsm7'), 5);
  assert.deepEqual([segmentsOf(160, 'gsm7'), segmentsOf(161, 'gsm7'), segmentsOf(306, 'gsm7'), segmentsOf(307, 'gsm7')], [1, 2, 2, 3]);
  assert.deepEqual([segmentsOf(70, 'ucs2'), segmentsOf(71, 'ucs2'), segmentsOf(134, 'ucs2'), segmentsOf(135, 'ucs2')], [1, 2, 2, 3]);
  const arabic = 'م'.repeat(300);
  const fitted = fitSms(arabic, 2);
  assert.deepEqual([fitted.encoding, fitted.segments, fitted.truncated, fitted.text.length], ['ucs2', 2, true, 134]);
  assert.ok(fitted.text.endsWith('…'));
  const latin = fitSms('x'.repeat(200) + '{', 1);
  assert.deepEqual([latin.segments, latin.truncated, unitsOf(latin.text, 'gsm7')], [1, true, 160]);
  assert.deepEqual(fitSms('short', 1), { text: 'short', encoding: 'gsm7', segments: 1, truncated: false });
});

test('SMS settings are validated with clear messages', () => {
  assert.throws(() => config({ SMS_GATEWAY_URL: 'ftp://x' }), (e: Error) => /SMS_GATEWAY_URL must be an http\(s\) URL/.test(e.message) && /SMS_API_KEY is required/.test(e.message) && /SMS_SENDER_ID is required/.test(e.message));
  assert.throws(() => config({ SMS_API_KEY: 'k' }), /SMS_GATEWAY_URL is required when SMS_API_KEY/);
  assert.throws(() => config({ SMS_GATEWAY_URL: 'http://gw', SMS_API_KEY: 'k', SMS_SENDER_ID: 'A very long sender' }), /SMS_SENDER_ID must be up to 11/);
  assert.throws(() => config({ OUTBOX_MAX_ATTEMPTS: '0' }), /OUTBOX_MAX_ATTEMPTS must be a whole number from 1 to 100/);
  assert.throws(() => config({ SMTP_USER: 'u' }), /SMTP_PASSWORD is required when SMTP_USER is set/);
  const ok = config({ SMS_GATEWAY_URL: 'https://sms.example.sd/v1/messages', SMS_API_KEY: 'k', SMS_SENDER_ID: 'NileCare', SMS_MAX_SEGMENTS: '3' });
  assert.deepEqual([ok.sms.senderId, ok.sms.maxSegments, ok.sms.timeoutMs, ok.outbox.maxAttempts], ['NileCare', 3, 10_000, 8]);
});

describe_smtp();
function describe_smtp() {
  let smtp: TestSmtp;
  before(async () => { smtp = await startTestSmtp(); });
  after(() => smtp.close());

  test('email goes over STARTTLS with AUTH; the Message-ID is made from the delivery id; text and HTML parts arrive', async () => {
    const channel = emailChannel(config(smtp.env()).smtp);
    try {
      const ar = message({ deliveryId: '0190a0b0-0000-7000-8000-0000000000a2', language: 'ar', name: 'آمنة عثمان', subject: 'تأكيد الموعد', text: 'موعدك يوم الاثنين', html: '<p dir="rtl">موعدك يوم الاثنين</p>', attachments: [{ filename: 'receipt.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') }] });
      const { providerMessageId } = await channel.send(ar);
      await smtp.waitFor(1);
      const got = smtp.received[0]!;
      assert.equal(got.secure, true, 'upgraded with STARTTLS before the message');
      assert.equal(got.user, 'nilecare');
      assert.deepEqual(got.envelopeTo, ['amna@example.org']);
      assert.equal(got.parsed.messageId, '<0190a0b0-0000-7000-8000-0000000000a2@clinic.example.sd>');
      assert.equal(providerMessageId, got.parsed.messageId);
      assert.equal(got.parsed.subject, 'تأكيد الموعد');
      assert.equal(got.parsed.text?.trim(), 'موعدك يوم الاثنين');
      assert.match(String(got.parsed.html), /dir="rtl"/);
      assert.equal(got.parsed.to && !Array.isArray(got.parsed.to) ? got.parsed.to.value[0]!.name : '', 'آمنة عثمان');
      assert.equal(got.parsed.headers.get('content-language'), 'ar');
      assert.deepEqual(got.parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()]), [['receipt.pdf', 'application/pdf', '%PDF-1.4 test']]);
    } finally { await channel.close(); }
  });

  test('a 5xx from the server is permanent, a 4xx is worth retrying; a wrong password fails', async () => {
    const channel = emailChannel(config(smtp.env()).smtp);
    try {
      smtp.failNext(1, 550);
      await assert.rejects(channel.send(message()), PermanentDeliveryError);
      smtp.failNext(1, 451);
      await assert.rejects(channel.send(message()), (e: Error) => !(e instanceof PermanentDeliveryError) && /451/.test(e.message));
    } finally { await channel.close(); }
    const wrong = emailChannel(config({ ...smtp.env(), SMTP_PASSWORD: 'not-it' }).smtp);
    try { await assert.rejects(wrong.send(message()), /Invalid username or password|535/); } finally { await wrong.close(); }
  });

  test('without trusting the certificate, STARTTLS fails and nothing is sent in the clear', async () => {
    const before = smtp.received.length;
    const { SMTP_CA_FILE: _ca, ...env } = smtp.env();
    const channel = emailChannel(config(env).smtp);
    try { await assert.rejects(channel.send(message()), /certificate/i); } finally { await channel.close(); }
    assert.equal(smtp.received.length, before);
  });

  test('a server that never greets fails within the greeting timeout', async () => {
    const net = await import('node:net');
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const channel = emailChannel(config({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_GREETING_TIMEOUT: '300ms', SMTP_CONNECTION_TIMEOUT: '300ms' }).smtp);
    const t0 = Date.now();
    try { await assert.rejects(channel.send(message()), /timeout|Greeting never received/i); } finally { await channel.close(); silent.close(); }
    assert.ok(Date.now() - t0 < 3000, `gave up after ${Date.now() - t0} ms`);
  });
}

test('messageIdFor uses the From domain', () => {
  assert.equal(messageIdFor('abc', 'NileCare <noreply@clinic.sd>'), '<abc@clinic.sd>');
  assert.equal(messageIdFor('abc', 'noreply@x.org'), '<abc@x.org>');
});

describe_sms();
function describe_sms() {
  let gw: TestSmsGateway;
  before(async () => { gw = await startTestSmsGateway(); });
  after(() => gw.close());

  test('an Arabic SMS goes as UCS-2 with the sender id, the API key and the delivery id as Idempotency-Key', async () => {
    const channel = smsChannel(config(gw.env()).sms);
    const m = message({ deliveryId: 'd-sms-1', to: '+249912345678', text: 'تذكير: موعدك غداً الساعة ٩:٣٠ صباحاً في عيادة النيل. يرجى الحضور قبل الموعد بعشر دقائق.' });
    const { providerMessageId } = await channel.send(m);
    assert.equal(gw.messages.length, 1);
    const got = gw.messages[0]!;
    assert.deepEqual([got.from, got.to, got.encoding, got.segments, got.idempotencyKey, got.id], ['NileCare', '+249912345678', 'ucs2', 2, 'd-sms-1', providerMessageId]);
    assert.equal(got.text, m.text);
    // The same delivery again (a retry after a crash): the gateway recognises the key.
    assert.equal((await channel.send(m)).providerMessageId, providerMessageId);
    assert.equal(gw.messages.length, 1);
    assert.equal(gw.requests, 2);
  });

  test('numbers outside +249 fail permanently without a request; 4xx is permanent, 5xx and 429 are retried', async () => {
    const channel = smsChannel(config(gw.env()).sms);
    const requests = gw.requests;
    for (const to of ['+201001234567', '0912345678', '+24991234567']) {
      await assert.rejects(channel.send(message({ to })), (e: Error) => e instanceof PermanentDeliveryError && /\+249/.test(e.message));
    }
    assert.equal(gw.requests, requests);
    gw.failNext(1, 422);
    await assert.rejects(channel.send(message({ deliveryId: 'd-2', to: '+249912345678' })), PermanentDeliveryError);
    for (const status of [500, 429]) {
      gw.failNext(1, status);
      await assert.rejects(channel.send(message({ deliveryId: 'd-3', to: '+249912345678' })), (e: Error) => !(e instanceof PermanentDeliveryError) && e.message.includes(String(status)));
    }
    await assert.rejects(smsChannel(config({ ...gw.env(), SMS_API_KEY: 'wrong' }).sms).send(message({ deliveryId: 'd-4', to: '+249912345678' })), PermanentDeliveryError);
  });

  test('a gateway that does not answer fails the attempt at SMS_TIMEOUT', async () => {
    const channel = smsChannel(config({ ...gw.env(), SMS_TIMEOUT: '200ms' }).sms);
    gw.delayMs = 2000;
    const t0 = Date.now();
    try {
      await assert.rejects(channel.send(message({ deliveryId: 'd-5', to: '+249912345678' })), /did not answer within 200 ms/);
    } finally { gw.delayMs = 0; }
    assert.ok(Date.now() - t0 < 1500);
  });
}
