// The card processor behind an adapter: billing asks for a card payment and reads verified webhook
// events, and never sees the stripe package. Another processor (or a fake in a test) is another
// implementation of PaymentProvider. Errors are AppErrors the route can answer as they are.
import { AppError } from '../../platform/errors.ts';

export interface CardPaymentRequest {
  facilityId: string;
  invoiceId: string;
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  /** The client's Idempotency-Key: a retry of the same payment reaches the processor with the same key. */
  idempotencyKey: string;
}

export interface CardPayment {
  /** The processor's id for the payment (a PaymentIntent id): the payment row's reference. */
  providerRef: string;
  /** Lets the card form confirm this one payment. Handed to the client; never stored nor logged. */
  clientSecret: string;
}

/** What billing needs from a verified webhook event. */
export interface ProviderEvent {
  id: string;
  type: string;
  /** Present for payment events: the processor's payment and what it says was paid. */
  payment?: { providerRef: string; amount: number; currency: string; facilityId: string | undefined };
}

export interface PaymentProvider {
  readonly name: string;
  createCardPayment(req: CardPaymentRequest): Promise<CardPayment>;
  /** The client secret of a payment created before (for a replayed request). */
  clientSecretOf(providerRef: string): Promise<string>;
  /** Checks the signature over the exact bytes received; throws a 400 AppError when it fails. */
  verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined): ProviderEvent;
}

export const notSetUp = (what: string) => new AppError('service_unavailable',
  `Card payments are not set up on this server (${what}); take the payment by another method, or ask the administrator to configure Stripe.`);

export const providerDown = () => new AppError('service_unavailable',
  'The card processor did not answer in time; nothing was charged. Try again with the same Idempotency-Key.', undefined, { 'retry-after': '5' });
