// The patient registry as TanStack queries. Keys start with 'patients' so a save or merge can
// invalidate every list and record at once. Requests take the query's AbortSignal: a search whose
// text changed before it answered is cancelled, not merely ignored.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { Patient } from '../../api/types.ts';

export const PAGE_SIZE = 20;

export interface PatientWithEtag { record: Patient; etag: string }

export const patientKey = (id: string) => ['patients', 'record', id] as const;

/** One record, with the ETag to send back as If-Match when editing it. */
export async function fetchPatient(id: string, signal?: AbortSignal): Promise<PatientWithEtag> {
  const request = api.GET('/api/v1/patients/{id}', { params: { path: { id } }, signal });
  const record = await call(request);
  const { response } = await request;
  return { record, etag: response.headers.get('etag') ?? `"${record.version}"` };
}

export function usePatient(id: string | undefined) {
  return useQuery({
    queryKey: patientKey(id ?? ''),
    queryFn: ({ signal }) => fetchPatient(id!, signal),
    enabled: Boolean(id),
  });
}

/** Search as you type: `q` is the debounced text, sent as typed (a trailing space tells the server the last word is complete). */
export function usePatientSearch(q: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['patients', 'search', q],
    queryFn: ({ pageParam, signal }) => call(api.GET('/api/v1/patients', {
      params: { query: { q, limit: PAGE_SIZE, ...(pageParam && { cursor: pageParam }) } },
      signal,
    })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    // The previous answer stays on screen while the next one loads, so the list does not flicker.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/**
 * Records merged into another, matching `q`: asked only when the search found no current record, so
 * an MRN from an old paper file still leads to the patient (the merged record points to the one kept).
 */
export function useMergedSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['patients', 'search', q, 'merged'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/patients', { params: { query: { q, status: 'merged', limit: 5 } }, signal })),
    enabled,
    staleTime: 15_000,
  });
}
