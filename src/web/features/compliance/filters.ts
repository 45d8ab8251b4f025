// The audit log's filters as the address holds them (so a link to "this patient's events" works
// and reload keeps them), checked with the server's rules (server/modules/audit/audit.schemas.ts,
// audit.filters.ts), and turned into the API's query. Times are typed in the facility's time zone.
import { parseDateTime } from '../../../server/platform/time.ts';

export const FILTER_KEYS = ['actorId', 'patientId', 'action', 'outcome', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Record<FilterKey, string>;
export type FilterRule = 'uuidInvalid' | 'actionInvalid' | 'timeInvalid' | 'toBeforeFrom';
export const OUTCOMES = ['success', 'failure', 'denied'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[A-Za-z0-9_.:-]{1,64}$/;

export function readFilters(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k)?.trim() ?? ''])) as Filters;
}

export function filterProblems(f: Filters, zone: string): Partial<Record<FilterKey, FilterRule>> {
  const out: Partial<Record<FilterKey, FilterRule>> = {};
  if (f.actorId && !UUID.test(f.actorId)) out.actorId = 'uuidInvalid';
  if (f.patientId && !UUID.test(f.patientId)) out.patientId = 'uuidInvalid';
  if (f.action && !ACTION.test(f.action)) out.action = 'actionInvalid';
  const from = f.from ? parseDateTime(f.from, zone) : null;
  const to = f.to ? parseDateTime(f.to, zone) : null;
  if (f.from && from === null) out.from = 'timeInvalid';
  if (f.to && to === null) out.to = 'timeInvalid';
  if (from !== null && to !== null && to <= from) out.to = 'toBeforeFrom';
  return out;
}

export interface AuditQuery { actorId?: string; patientId?: string; action?: string; outcome?: (typeof OUTCOMES)[number]; from?: string; to?: string }

/** The API's query for filters without problems; times become UTC instants. */
export function toQuery(f: Filters, zone: string): AuditQuery {
  const instant = (local: string) => new Date(parseDateTime(local, zone)!).toISOString();
  return {
    ...(f.actorId && { actorId: f.actorId.toLowerCase() }),
    ...(f.patientId && { patientId: f.patientId.toLowerCase() }),
    ...(f.action && { action: f.action }),
    ...((OUTCOMES as readonly string[]).includes(f.outcome) && { outcome: f.outcome as AuditQuery['outcome'] }),
    ...(f.from && { from: instant(f.from) }),
    ...(f.to && { to: instant(f.to) }),
  };
}
