// Server state of the notifications area (TanStack Query keys under ['notifications']).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

export type DeliveryFilters = NonNullable<paths['/api/v1/notifications']['get']['parameters']['query']>;

export function useDeliveries(filters: Omit<DeliveryFilters, 'limit' | 'cursor'>) {
  return useInfiniteQuery({
    queryKey: ['notifications', 'log', filters],
    queryFn: ({ pageParam, signal }) => call(api.GET('/api/v1/notifications', { params: { query: { ...filters, limit: 50, ...(pageParam && { cursor: pageParam }) } }, signal })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTemplates() {
  return useQuery({ queryKey: ['notifications', 'templates'], queryFn: ({ signal }) => call(api.GET('/api/v1/notifications/templates', { signal })), staleTime: 5 * 60_000 });
}

export function useSettings() {
  return useQuery({ queryKey: ['notifications', 'settings'], queryFn: ({ signal }) => call(api.GET('/api/v1/notifications/settings', { signal })) });
}
