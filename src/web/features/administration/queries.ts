// Administration's server state as TanStack queries. Keys start with 'admin' so a change can
// invalidate what it touched; staff lists page through the API's cursor.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';

export type StaffStatus = 'active' | 'disabled';

export const STAFF_PAGE = 25;

export function useStaffList(q: string, status: StaffStatus | '') {
  return useInfiniteQuery({
    queryKey: ['admin', 'users', q, status],
    queryFn: ({ pageParam, signal }) => call(api.GET('/api/v1/users', {
      params: { query: { limit: STAFF_PAGE, ...(q && { q }), ...(status && { status }), ...(pageParam && { cursor: pageParam }) } },
      signal,
    })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const userKey = (id: string) => ['admin', 'user', id] as const;

export function useStaffUser(id: string) {
  return useQuery({ queryKey: userKey(id), queryFn: ({ signal }) => call(api.GET('/api/v1/users/{id}', { params: { path: { id } }, signal })) });
}

export function useFacilities() {
  return useQuery({ queryKey: ['admin', 'facilities'], queryFn: ({ signal }) => call(api.GET('/api/v1/facilities', { signal })) });
}

export function useFacility(id: string) {
  return useQuery({ queryKey: ['admin', 'facility', id], queryFn: ({ signal }) => call(api.GET('/api/v1/facilities/{id}', { params: { path: { id } }, signal })) });
}

export function useDepartments(facilityId: string) {
  return useQuery({
    queryKey: ['admin', 'departments', facilityId],
    queryFn: ({ signal }) => call(api.GET('/api/v1/facilities/{id}/departments', { params: { path: { id: facilityId } }, signal })),
  });
}

export function useMfaPolicy(facilityId: string) {
  return useQuery({
    queryKey: ['admin', 'mfa-policy', facilityId],
    queryFn: ({ signal }) => call(api.GET('/api/v1/facilities/{id}/mfa-policy', { params: { path: { id: facilityId } }, signal })),
  });
}

export function useProviders() {
  return useQuery({ queryKey: ['admin', 'providers'], queryFn: ({ signal }) => call(api.GET('/api/v1/providers', { signal })) });
}

/** The facility's hours (providerId empty) or one provider's. */
export function useWorkingHours(providerId: string) {
  return useQuery({
    queryKey: ['admin', 'hours', providerId],
    queryFn: ({ signal }) => call(providerId
      ? api.GET('/api/v1/providers/{id}/working-hours', { params: { path: { id: providerId } }, signal })
      : api.GET('/api/v1/facility/working-hours', { signal })),
  });
}

export function useExceptions(providerId: string, from: string) {
  return useQuery({
    queryKey: ['admin', 'exceptions', providerId, from],
    queryFn: ({ signal }) => call(api.GET('/api/v1/providers/{id}/exceptions', { params: { path: { id: providerId }, query: { from } }, signal })),
    enabled: Boolean(providerId),
  });
}
