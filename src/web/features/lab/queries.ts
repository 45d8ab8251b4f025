// The lab worklist as TanStack queries; every step refreshes the lists.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';

export type LabStep = 'ordered' | 'collected' | 'resulted';

export function useLabWorklist(status: LabStep) {
  return useInfiniteQuery({
    queryKey: ['lab', 'worklist', status],
    queryFn: ({ pageParam, signal }) => call(api.GET('/api/v1/lab-orders', { params: { query: { status, limit: 50, ...(pageParam && { cursor: pageParam }) } }, signal })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
}

/** A test's catalog entry (kind, unit, coded answers): the order carries only its name and results. */
export function useLabTest(code: string) {
  return useQuery({
    queryKey: ['lab', 'test', code],
    queryFn: async ({ signal }) => (await call(api.GET('/api/v1/terminology/lab-tests', { params: { query: { q: code, limit: 5, includeHidden: true } }, signal }))).items.find((x) => x.code === code) ?? null,
    staleTime: Infinity,
  });
}

export function useLabStep() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ['lab'] });
  return {
    collect: useMutation({ mutationFn: (id: string) => call(api.POST('/api/v1/lab-orders/{id}/collect', { params: { path: { id } } })), onSuccess: done }),
    verify: useMutation({ mutationFn: (id: string) => call(api.POST('/api/v1/lab-orders/{id}/verify', { params: { path: { id } } })), onSuccess: done }),
    results: useMutation({
      mutationFn: ({ id, results }: { id: string; results: { code: string; value: number | string }[] }) => call(api.POST('/api/v1/lab-orders/{id}/results', { params: { path: { id } }, body: { results } })),
      onSuccess: done,
    }),
  };
}
