// The price list and payers as TanStack queries. Keys start with 'pricing' so a change invalidates
// what it touched; the patient's coverage lives under the patient (reception reads it too).
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Payer = Json<paths['/api/v1/payers']['get']['responses'][200]>['items'][number];
export type Coverage = Json<paths['/api/v1/patients/{id}/coverages']['get']['responses'][200]>['items'][number];

export const PRICE_KINDS = ['service', 'lab_test', 'medicine'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

export function usePrices(kind: PriceKind) {
  return useQuery({ queryKey: ['pricing', 'prices', kind], queryFn: ({ signal }) => call(api.GET('/api/v1/price-list', { params: { query: { kind } }, signal })) });
}

export function usePriceHistory(kind: PriceKind, code: string | null) {
  return useQuery({
    queryKey: ['pricing', 'history', kind, code],
    queryFn: ({ signal }) => call(api.GET('/api/v1/price-list', { params: { query: { kind, code: code!, history: true } }, signal })),
    enabled: code !== null,
  });
}

export function useCurrencies() {
  return useQuery({ queryKey: ['pricing', 'currencies'], queryFn: ({ signal }) => call(api.GET('/api/v1/billing/settings', { signal })) });
}

export function usePayers(includeInactive = false) {
  return useQuery({ queryKey: ['pricing', 'payers', includeInactive], queryFn: ({ signal }) => call(api.GET('/api/v1/payers', { params: { query: { includeInactive } }, signal })) });
}

export const coverageKey = (patientId: string) => ['patient-coverage', patientId] as const;

export function usePatientCoverage(patientId: string) {
  return useQuery({ queryKey: coverageKey(patientId), queryFn: ({ signal }) => call(api.GET('/api/v1/patients/{id}/coverages', { params: { path: { id: patientId } }, signal })) });
}
