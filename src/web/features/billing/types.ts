// Names for the generated billing types the screens pass around (api/schema.d.ts, never edited by hand).
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Invoice = Json<paths['/api/v1/invoices/{id}']['get']['responses'][200]>;
export type InvoiceStatus = Invoice['status'];
export type Payment = Json<paths['/api/v1/invoices/{id}/payments']['get']['responses'][200]>['items'][number];
export type PaymentMethod = Payment['method'];
export type CashShift = Json<paths['/api/v1/cash-shifts/current']['get']['responses'][200]>;
export type Price = Json<paths['/api/v1/price-list']['get']['responses'][200]>['items'][number];
export type UninvoicedEncounter = Json<paths['/api/v1/billing/uninvoiced-encounters']['get']['responses'][200]>['items'][number];
export type PendingTransfer = Json<paths['/api/v1/payments/pending']['get']['responses'][200]>['items'][number];
export type InvoiceFilter = NonNullable<paths['/api/v1/invoices']['get']['parameters']['query']>;

/** The methods a clerk takes at the desk; card payments go through Stripe, not this form. */
export const DESK_METHODS = ['cash', 'bank_transfer', 'mobile_money'] as const satisfies readonly PaymentMethod[];
export const isTransfer = (method: PaymentMethod) => method === 'bank_transfer' || method === 'mobile_money';
