// Billing as TanStack queries. Keys start with 'billing' so any money change refreshes every list,
// invoice and shift at once: a payment changes the invoice, the queue and the shift's totals.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import type { InvoiceFilter, PaymentMethod } from './types.ts';

export const PAGE_SIZE = 20;

export function useUninvoiced() {
  return useQuery({
    queryKey: ['billing', 'uninvoiced'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/billing/uninvoiced-encounters', { signal })),
    refetchInterval: 60_000,
  });
}

/** Open invoices: issued and partly paid, newest first (the API filters by one status at a time). */
export function useOpenInvoices() {
  return useQuery({
    queryKey: ['billing', 'open'],
    queryFn: async ({ signal }) => {
      const [issued, partly] = await Promise.all((['issued', 'partially_paid'] as const).map((status) =>
        call(api.GET('/api/v1/invoices', { params: { query: { status, limit: 50 } }, signal }))));
      return [...issued!.items, ...partly!.items].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
    },
    refetchInterval: 60_000,
  });
}

export function useInvoiceSearch(filter: Omit<InvoiceFilter, 'limit' | 'cursor'>) {
  return useInfiniteQuery({
    queryKey: ['billing', 'search', filter],
    queryFn: ({ pageParam, signal }) => call(api.GET('/api/v1/invoices', { params: { query: { ...filter, limit: PAGE_SIZE, ...(pageParam && { cursor: pageParam }) } }, signal })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: ['billing', 'invoice', id], queryFn: ({ signal }) => call(api.GET('/api/v1/invoices/{id}', { params: { path: { id } }, signal })) });
}

export function usePayments(invoiceId: string) {
  return useQuery({
    queryKey: ['billing', 'invoice', invoiceId, 'payments'],
    queryFn: async ({ signal }) => (await call(api.GET('/api/v1/invoices/{id}/payments', { params: { path: { id: invoiceId } }, signal }))).items,
  });
}

export function usePriceList() {
  return useQuery({ queryKey: ['billing', 'prices'], queryFn: async ({ signal }) => (await call(api.GET('/api/v1/price-list', { signal }))).items, staleTime: 5 * 60_000 });
}

export function usePendingTransfers() {
  return useQuery({ queryKey: ['billing', 'pending'], queryFn: ({ signal }) => call(api.GET('/api/v1/payments/pending', { signal })), refetchInterval: 30_000 });
}

/** The clerk's open shift, or null when none is open (the API answers 404). */
export function useCurrentShift() {
  return useQuery({
    queryKey: ['billing', 'shift', 'current'],
    queryFn: async ({ signal }) => {
      try {
        return await call(api.GET('/api/v1/cash-shifts/current', { signal }));
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** A mutation whose success refreshes everything billing shows. */
function useBillingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  // Not awaited: the caller's own onSuccess (open the new invoice) runs before the refetched lists
  // unmount the row that started it.
  return useMutation({ mutationFn: fn, onSuccess: () => { void client.invalidateQueries({ queryKey: ['billing'] }); } });
}

export const useInvoiceEncounter = () => useBillingMutation((encounterId: string) =>
  call(api.POST('/api/v1/encounters/{id}/invoice', { params: { path: { id: encounterId } }, body: {} })));

export const useCreateInvoice = () => useBillingMutation((body: { patientId: string; lines: { description: string; quantity: number; unitPrice: number; serviceCode?: string }[] }) =>
  call(api.POST('/api/v1/invoices', { body })));

export const useVoid = (id: string) => useBillingMutation((reason: string) => call(api.POST('/api/v1/invoices/{id}/void', { params: { path: { id } }, body: { reason } })));

export const useDiscount = (id: string) => useBillingMutation((body: { amount: number; reason: string }) =>
  call(api.POST('/api/v1/invoices/{id}/discount', { params: { path: { id } }, body })));

export interface PaymentAttempt { key: string; amount: number; method: PaymentMethod; reference?: string }

/** The Idempotency-Key travels with the attempt: a retry sends the same one, so the server answers the first payment instead of taking a second. */
export const useTakePayment = (invoiceId: string) => useBillingMutation(({ key, amount, method, reference }: PaymentAttempt) =>
  call(api.POST('/api/v1/invoices/{id}/payments', {
    params: { path: { id: invoiceId }, header: { 'idempotency-key': key } },
    body: { amount, method, ...(reference && { reference }) },
  })));

export const useConfirm = () => useBillingMutation((paymentId: string) => call(api.POST('/api/v1/payments/{id}/confirm', { params: { path: { id: paymentId } } })));

export const useRefund = (paymentId: string) => useBillingMutation((body: { amount: number; reason: string }) =>
  call(api.POST('/api/v1/payments/{id}/refunds', { params: { path: { id: paymentId } }, body })));

export const useOpenShift = () => useBillingMutation((openingFloat: number) => call(api.POST('/api/v1/cash-shifts', { body: { openingFloat } })));

export const useCloseShift = () => useBillingMutation(({ id, countedCash, note }: { id: string; countedCash: number; note?: string }) =>
  call(api.POST('/api/v1/cash-shifts/{id}/close', { params: { path: { id } }, body: { countedCash, ...(note && { note }) } })));
