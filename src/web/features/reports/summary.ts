// The summary as the dashboard reads it: sections by id, money in minor units, and the CSV download
// (fetched with the session's token, then saved through a temporary link).
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

export type Summary = paths['/api/v1/reports/summary']['get']['responses'][200]['content']['application/json'];
export type Section = Summary['sections'][number];
export type Cell = Section['rows'][number][number];

export function useSummary(from: string, to: string) {
  return useQuery({
    queryKey: ['reports', 'summary', from, to],
    queryFn: ({ signal }) => call(api.GET('/api/v1/reports/summary', { params: { query: { from, to } }, signal })),
  });
}

export const sectionOf = (summary: Summary | undefined, id: string): Section | undefined => summary?.sections.find((s) => s.id === id);

/** Column names whose cells are money in the minor units of the row's `currency` column. */
export const MONEY_COLUMNS = new Set(['collected', 'refunded', 'net', 'invoiced', 'paid', 'outstanding', 'payerShare', 'patientShare']);
/** Column names whose cells are codes shown through the catalogue (reports:values.*). */
export const CODE_COLUMNS = new Set(['status', 'type', 'method']);

export async function downloadCsv(section: string, from: string, to: string): Promise<void> {
  const res = await api.GET('/api/v1/reports/summary.csv', { params: { query: { from, to, section } }, parseAs: 'blob' });
  if (!res.response.ok || !res.data) throw new Error(`download failed: ${res.response.status}`);
  const url = URL.createObjectURL(res.data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${section}-${from}-${to}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
