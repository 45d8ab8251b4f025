// POST /api/v1/payments/stripe/webhook: public but signed. Stripe signs the exact bytes it sends,
// so this plugin replaces the JSON parser, for its own routes only, with one that keeps the raw
// body; the signature is checked over those bytes before anything is parsed or applied. A bad or
// stale signature is a 400 (Stripe shows it in its dashboard); an applied, repeated or ignored
// event is a 200, so Stripe stops retrying; a failure while applying is a 5xx, which Stripe retries.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { problem } from '../../platform/http/problem-schemas.ts';
import { notSetUp, type PaymentProvider } from './payment-provider.ts';
import { applyProviderEvent } from './card-webhook.ts';

const WebhookHeaders = Type.Object({ 'stripe-signature': Type.Optional(Type.String({ maxLength: 2000, description: 't=<unix time>,v1=<HMAC-SHA256 of "t.body" with the webhook secret>' })) });
const Received = Type.Object({
  received: Type.Boolean(),
  outcome: Type.Enum(['applied', 'duplicate', 'ignored'], { description: 'applied; duplicate: this event id was applied before; ignored: a type or a payment this server does not act on' }),
});

export async function cardWebhookRoutes(app: FastifyInstance, { ctx, provider }: { ctx: AppContext; provider: PaymentProvider | undefined }) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/payments/stripe/webhook', {
    config: { access: 'public' },
    schema: {
      operationId: 'stripeWebhook', tags: ['billing'],
      summary: 'Stripe webhook (public, verified by the Stripe-Signature header): applies payment_intent.succeeded, payment_failed and canceled once each',
      headers: WebhookHeaders,
      response: {
        200: Received,
        400: problem('bad_request: the Stripe-Signature header is missing or does not verify for this body', ['bad_request']),
        503: problem('service_unavailable: card payments are not set up on this server', ['service_unavailable']),
      },
    },
  }, async (request) => {
    if (!provider) throw notSetUp('STRIPE_SECRET_KEY is not set');
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const event = provider.verifyWebhook(raw, request.headers['stripe-signature']);
    const outcome = await applyProviderEvent(ctx, provider.name, event, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id });
    request.log.info({ eventId: event.id, eventType: event.type, outcome }, 'card processor webhook');
    return { received: true, outcome };
  });
}
