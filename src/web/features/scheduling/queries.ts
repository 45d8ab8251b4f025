// Scheduling's server state as TanStack queries. Keys start with 'scheduling' so a booking or a
// step in the life cycle invalidates the day, the free slots and the queue at once.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import type { TransitionAction } from './actions.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Appointment = Json<paths['/api/v1/appointments/{id}']['get']['responses'][200]>;
export type Provider = Json<paths['/api/v1/providers']['get']['responses'][200]>['items'][number];
export type Slots = Json<paths['/api/v1/providers/{id}/slots']['get']['responses'][200]>;
export type QueueItem = Json<paths['/api/v1/queue']['get']['responses'][200]>['items'][number];
export type BookBody = NonNullable<paths['/api/v1/appointments']['post']['requestBody']>['content']['application/json'];
export type AppointmentType = BookBody['type'];

export const APPOINTMENT_TYPES: AppointmentType[] = ['consultation', 'follow_up', 'procedure', 'vaccination', 'antenatal', 'other'];
/** The API's largest page; a day rarely has more, and the loop below follows the cursor when it does. */
const PAGE = 200;
/** The waiting room refreshes itself this often, so the front desk and clinicians see arrivals. */
export const REFRESH_MS = 15_000;
/**
 * Today's day view refreshes less often: every list read is an audit event, and a booking made here
 * refreshes it at once anyway; this catches those made at another desk.
 */
const DAY_REFRESH_MS = 60_000;

export function useProviders() {
  return useQuery({
    queryKey: ['scheduling', 'providers'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/providers', { signal })),
    staleTime: 60_000,
  });
}

/** Every appointment of a day (every page), optionally of one provider, in start order. */
export function useDay(date: string, providerId: string | null, opts: { status?: ('scheduled')[]; refresh?: 'board' | 'day' } = {}) {
  return useQuery({
    queryKey: ['scheduling', 'day', date, providerId, opts.status ?? null],
    queryFn: async ({ signal }) => {
      const items: Appointment[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(api.GET('/api/v1/appointments', {
          params: { query: { from: date, to: date, limit: PAGE, ...(providerId && { providerId }), ...(opts.status && { status: opts.status }), ...(cursor && { cursor }) } },
          signal,
        }));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    refetchInterval: opts.refresh === 'board' ? REFRESH_MS : opts.refresh === 'day' ? DAY_REFRESH_MS : false,
  });
}

const slotsQuery = (providerId: string, date: string, durationMinutes?: number) => ({
  queryKey: ['scheduling', 'slots', providerId, date, durationMinutes ?? null],
  queryFn: ({ signal }: { signal: AbortSignal }) => call(api.GET('/api/v1/providers/{id}/slots', {
    params: { path: { id: providerId }, query: { date, ...(durationMinutes && { durationMinutes }) } }, signal,
  })),
});

/** Free slots of each provider on a date (the API leaves out past times and booked ones). */
export function useSlots(providerIds: string[], date: string) {
  return useQueries({ queries: providerIds.map((id) => slotsQuery(id, date)) });
}

/** One provider's free slots; with `durationMinutes`, only starts where an appointment that long fits. */
export function useProviderSlots(providerId: string | null, date: string, durationMinutes?: number) {
  return useQuery({ ...slotsQuery(providerId ?? '', date, durationMinutes), enabled: Boolean(providerId) });
}

export function useQueue(providerId: string | null) {
  return useQuery({
    queryKey: ['scheduling', 'queue', providerId],
    queryFn: ({ signal }) => call(api.GET('/api/v1/queue', { params: { query: providerId ? { providerId } : {} }, signal })),
    refetchInterval: REFRESH_MS,
  });
}

function useScheduling<V>(fn: (vars: V) => Promise<Appointment>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: ['scheduling'] }) });
}

export const useBook = () => useScheduling((body: BookBody) => call(api.POST('/api/v1/appointments', { body })));

export const useReschedule = () => useScheduling(({ id, dateTime, providerId }: { id: string; dateTime: string; providerId?: string }) =>
  call(api.POST('/api/v1/appointments/{id}/reschedule', { params: { path: { id } }, body: { dateTime, ...(providerId && { providerId }) } })));

export const useCancel = () => useScheduling(({ id, reason }: { id: string; reason: string }) =>
  call(api.POST('/api/v1/appointments/{id}/cancel', { params: { path: { id } }, body: { reason } })));

export const useTransition = () => useScheduling(({ id, action }: { id: string; action: TransitionAction }) => {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'checkIn': return call(api.POST('/api/v1/appointments/{id}/check-in', params));
    case 'start': return call(api.POST('/api/v1/appointments/{id}/start', params));
    case 'complete': return call(api.POST('/api/v1/appointments/{id}/complete', params));
    case 'noShow': return call(api.POST('/api/v1/appointments/{id}/no-show', params));
  }
});
