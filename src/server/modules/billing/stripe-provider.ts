// The Stripe implementation of PaymentProvider, with the official stripe package. STRIPE_API_BASE
// points it at another host (a local Stripe-like server in tests, a self-hosted egress proxy);
// every request has STRIPE_TIMEOUT and is retried STRIPE_MAX_NETWORK_RETRIES times on network
// errors and 5xx — always with the same Idempotency-Key, so a retry never makes a second intent.
import Stripe from 'stripe';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import { notSetUp, providerDown, type CardPayment, type CardPaymentRequest, type PaymentProvider, type ProviderEvent } from './payment-provider.ts';

/** The intent's metadata names the facility and invoice, so Stripe's dashboard leads back to them. */
export const METADATA = { facility: 'nilecare_facility_id', invoice: 'nilecare_invoice_id' } as const;

export function stripeProvider(config: Config['stripe'], log: Logger): PaymentProvider | undefined {
  if (!config.secretKey) return undefined;
  const base = new URL(config.apiBase);
  const stripe = new Stripe(config.secretKey, {
    host: base.hostname,
    port: base.port || (base.protocol === 'http:' ? 80 : 443),
    protocol: base.protocol === 'http:' ? 'http' : 'https',
    timeout: config.timeoutMs,
    maxNetworkRetries: config.maxNetworkRetries,
    telemetry: false,
  });

  /** Stripe's failures as answers: the clerk can retry a network failure; a refused request is a 422. */
  function failure(err: unknown, action: string): AppError {
    if (!(err instanceof Stripe.errors.StripeError)) return err as AppError;
    const { type, statusCode, requestId, message } = err;
    if (err instanceof Stripe.errors.StripeInvalidRequestError || err instanceof Stripe.errors.StripeIdempotencyError || err instanceof Stripe.errors.StripeCardError) {
      log.warn({ stripe: { type, statusCode, requestId } }, `Stripe refused to ${action}`);
      return new AppError('unprocessable', `The card processor refused the payment: ${message}`);
    }
    if (err instanceof Stripe.errors.StripeAuthenticationError || err instanceof Stripe.errors.StripePermissionError) {
      log.error({ stripe: { type, statusCode, requestId } }, `Stripe rejected STRIPE_SECRET_KEY while trying to ${action}`);
      return notSetUp('the processor rejected the configured key');
    }
    log.warn({ stripe: { type, statusCode, requestId } }, `Stripe did not answer a request to ${action}`);
    return providerDown();
  }

  return {
    name: 'stripe',
    async createCardPayment(req: CardPaymentRequest): Promise<CardPayment> {
      try {
        const intent = await stripe.paymentIntents.create({
          amount: req.amount,
          currency: req.currency.toLowerCase(),
          allowed_payment_method_types: ['card'],
          metadata: { [METADATA.facility]: req.facilityId, [METADATA.invoice]: req.invoiceId },
        }, { idempotencyKey: `nilecare:${req.facilityId}:${req.idempotencyKey}` }); // keys are per facility here, one namespace at Stripe
        if (!intent.client_secret) throw new AppError('service_unavailable', 'The card processor answered without a client secret.');
        return { providerRef: intent.id, clientSecret: intent.client_secret };
      } catch (err) {
        throw failure(err, 'create a PaymentIntent');
      }
    },
    async clientSecretOf(providerRef: string): Promise<string> {
      try {
        const intent = await stripe.paymentIntents.retrieve(providerRef);
        if (!intent.client_secret) throw new AppError('service_unavailable', 'The card processor answered without a client secret.');
        return intent.client_secret;
      } catch (err) {
        throw failure(err, 'read a PaymentIntent');
      }
    },
    verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined): ProviderEvent {
      if (!config.webhookSecret) throw notSetUp('STRIPE_WEBHOOK_SECRET is not set');
      if (!signatureHeader) throw new AppError('bad_request', 'The Stripe-Signature header is missing.');
      let event: Stripe.Event;
      try {
        // Checks the v1 HMAC-SHA256 over "t.body" in constant time and refuses a t outside the tolerance.
        event = stripe.webhooks.constructEvent(rawBody, signatureHeader, config.webhookSecret, config.webhookToleranceS);
      } catch (err) {
        log.warn({ err: { message: (err as Error).message } }, 'A Stripe webhook failed signature verification');
        throw new AppError('bad_request', 'The Stripe-Signature header does not verify for this body (wrong secret, altered body, or a timestamp outside the tolerance).');
      }
      return { id: event.id, type: event.type, payment: paymentOf(event) };
    },
  };
}

function paymentOf(event: Stripe.Event): ProviderEvent['payment'] {
  if (!event.type.startsWith('payment_intent.')) return undefined;
  const intent = event.data.object as Stripe.PaymentIntent;
  const amount = event.type === 'payment_intent.succeeded' ? intent.amount_received : intent.amount;
  return { providerRef: intent.id, amount, currency: intent.currency.toUpperCase(), facilityId: intent.metadata?.[METADATA.facility] };
}
