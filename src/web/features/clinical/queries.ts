// The clinical API as TanStack queries. Keys start with 'clinical' so one write can refresh the
// worklist, the encounter and the chart together; requests take the query's AbortSignal.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { AllergyBody, DiagnosisBody, NoteBody, PrescriptionBody, ProblemBody, VitalsBody } from './types.ts';

export const encounterKey = (id: string) => ['clinical', 'encounter', id] as const;

export function useEncounter(id: string | undefined) {
  return useQuery({
    queryKey: encounterKey(id ?? ''),
    queryFn: ({ signal }) => call(api.GET('/api/v1/encounters/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  });
}

export interface WorklistFilter { date: string; status?: 'in_progress' | 'completed'; providerId?: string }

/** A day's encounters, oldest first, a page at a time through the API's cursor. */
export function useWorklist(filter: WorklistFilter) {
  return useInfiniteQuery({
    queryKey: ['clinical', 'worklist', filter],
    queryFn: ({ pageParam, signal }) => call(api.GET('/api/v1/encounters', {
      params: { query: { ...filter, limit: 50, ...(pageParam && { cursor: pageParam }) } }, signal,
    })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000, // patients arrive and leave while the list is open
  });
}

/** Today's checked-in patients still waiting (scheduling's queue). */
export function useQueue(enabled: boolean) {
  return useQuery({
    queryKey: ['clinical', 'queue'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/queue', { signal })),
    enabled,
    refetchInterval: 30_000,
  });
}

export function useProviders(enabled: boolean) {
  return useQuery({
    queryKey: ['clinical', 'providers'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/providers', { signal })),
    enabled,
    staleTime: 300_000,
  });
}

export function useChart(patientId: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['clinical', 'chart', patientId ?? ''],
    queryFn: ({ pageParam, signal }) => call(api.GET('/api/v1/patients/{id}/chart', {
      params: { path: { id: patientId! }, query: { limit: 10, ...(pageParam && { cursor: pageParam }) } }, signal,
    })),
    initialPageParam: '',
    getNextPageParam: (last) => last.encounters.nextCursor ?? undefined,
    enabled: Boolean(patientId),
  });
}

export function useIcd10Search(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['clinical', 'icd10', q],
    queryFn: ({ signal }) => call(api.GET('/api/v1/terminology/icd10', { params: { query: { q, limit: 20 } }, signal })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
}

/** Starting a checked-in appointment opens its encounter (the answer's links.encounterId). */
export function useStartAppointment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (appointmentId: string) => call(api.POST('/api/v1/appointments/{id}/start', { params: { path: { id: appointmentId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clinical'] }),
  });
}

export function useOpenEncounter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { patientId: string; type: 'outpatient' | 'emergency'; chiefComplaint?: string }) => call(api.POST('/api/v1/encounters', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clinical'] }),
  });
}

/** Every write inside an encounter refreshes it (and the lists and chart that show it). */
function useEncounterWrite<B, R>(send: (id: string, body: B) => Promise<R>, encounterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => send(encounterId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clinical'] }),
  });
}

export const useRecordVitals = (id: string) => useEncounterWrite((e, body: VitalsBody) => call(api.POST('/api/v1/encounters/{id}/vitals', { params: { path: { id: e } }, body })), id);
export const useRecordDiagnosis = (id: string) => useEncounterWrite((e, body: DiagnosisBody) => call(api.POST('/api/v1/encounters/{id}/diagnoses', { params: { path: { id: e } }, body })), id);
export const useWriteNote = (id: string) => useEncounterWrite((e, body: NoteBody) => call(api.POST('/api/v1/encounters/{id}/notes', { params: { path: { id: e } }, body })), id);
export const useCompleteEncounter = (id: string) => useEncounterWrite((e) => call(api.POST('/api/v1/encounters/{id}/complete', { params: { path: { id: e } } })), id);

export function useAllergies(patientId: string | undefined) {
  return useQuery({
    queryKey: ['clinical', 'allergies', patientId ?? ''],
    queryFn: ({ signal }) => call(api.GET('/api/v1/patients/{id}/allergies', { params: { path: { id: patientId! }, query: { status: 'active' } }, signal })),
    enabled: Boolean(patientId),
  });
}

/**
 * A recorded diagnosis carries the catalog's English title only; the Arabic one is looked up by code
 * (cached for the session: one small catalog request per distinct code).
 */
export function useIcd10Entry(code: string) {
  return useQuery({
    queryKey: ['clinical', 'icd10-code', code],
    queryFn: async ({ signal }) => {
      const page = await call(api.GET('/api/v1/terminology/icd10', { params: { query: { q: code, limit: 5, includeHidden: true } }, signal }));
      return page.items.find((i) => i.code === code) ?? null;
    },
    staleTime: Infinity,
  });
}

/**
 * The vitals and lab orders of the chart's encounters, for the trend and the results: the chart
 * answers only the latest recording, so each shown encounter is read (a page of them, in parallel, cached).
 */
export function useEncountersDetail(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: encounterKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => call(api.GET('/api/v1/encounters/{id}', { params: { path: { id } }, signal })),
      staleTime: 60_000,
    })),
    combine: (results) => ({
      vitals: results.flatMap((r) => r.data?.vitals ?? []),
      labOrders: results.flatMap((r) => r.data?.labOrders ?? []).filter((o) => o.tests.some((x) => x.value !== null)),
    }),
  });
}

export function useMedicationSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['clinical', 'medications', q],
    queryFn: ({ signal }) => call(api.GET('/api/v1/terminology/medications', { params: { query: { q, limit: 20 } }, signal })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
}

export function useLabTestSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['clinical', 'lab-tests', q],
    queryFn: ({ signal }) => call(api.GET('/api/v1/terminology/lab-tests', { params: { query: { q, limit: 20 } }, signal })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
}

export const usePrescribe = (id: string) => useEncounterWrite((e, body: PrescriptionBody) => call(api.POST('/api/v1/encounters/{id}/prescriptions', { params: { path: { id: e } }, body })), id);
export const useOrderLabTests = (id: string) => useEncounterWrite((e, body: { tests: string[]; priority: 'routine' | 'urgent' | 'stat' }) => call(api.POST('/api/v1/encounters/{id}/lab-orders', { params: { path: { id: e } }, body })), id);

/** The medicine classes an allergy can be recorded against, with English and Arabic labels (a fixed list). */
export function useAllergyGroups(enabled = true) {
  return useQuery({
    queryKey: ['clinical', 'allergy-groups'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/terminology/allergy-groups', { signal })),
    enabled,
    staleTime: Infinity,
  });
}

/** Allergies and problems are the patient's, not an encounter's; a change refreshes the banner, chart and encounter. */
function usePatientWrite<B, R>(send: (patientId: string, body: B) => Promise<R>, patientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => send(patientId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clinical'] }),
  });
}

export const useRecordAllergy = (patientId: string) => usePatientWrite((p, body: AllergyBody) => call(api.POST('/api/v1/patients/{id}/allergies', { params: { path: { id: p } }, body })), patientId);
export const useSetAllergyStatus = (patientId: string) => usePatientWrite((p, { id, status }: { id: string; status: 'inactive' | 'entered_in_error' }) =>
  call(api.PATCH('/api/v1/patients/{id}/allergies/{allergyId}', { params: { path: { id: p, allergyId: id } }, body: { status } })), patientId);
export const useRecordProblem = (patientId: string) => usePatientWrite((p, body: ProblemBody) => call(api.POST('/api/v1/patients/{id}/problems', { params: { path: { id: p } }, body })), patientId);
export const useSetProblemStatus = (patientId: string) => usePatientWrite((p, { id, status }: { id: string; status: 'resolved' | 'entered_in_error' }) =>
  call(api.PATCH('/api/v1/patients/{id}/problems/{problemId}', { params: { path: { id: p, problemId: id } }, body: { status } })), patientId);
