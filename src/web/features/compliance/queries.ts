// The audit log as TanStack queries: pages through the API's cursor, newest first. Actors are
// looked up one by one (a page names few people) and kept for the session.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { AuditQuery } from './filters.ts';

export const PAGE_SIZE = 50;

export function useAuditEvents(query: AuditQuery, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam, signal }) => call(api.GET('/api/v1/audit-events', {
      params: { query: { ...query, limit: PAGE_SIZE, scope: 'facility', ...(pageParam && { cursor: pageParam }) } },
      signal,
    })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActor(id: string | null) {
  return useQuery({
    queryKey: ['audit', 'actor', id],
    queryFn: ({ signal }) => call(api.GET('/api/v1/users/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
    staleTime: Infinity,
    retry: false,
  });
}

/** Staff to pick "who" from, by the start of a name or email. */
export function useStaffSearch(q: string) {
  return useQuery({
    queryKey: ['audit', 'staff', q],
    queryFn: ({ signal }) => call(api.GET('/api/v1/users', { params: { query: { limit: 20, ...(q && { q }) } }, signal })),
    placeholderData: keepPreviousData,
  });
}
