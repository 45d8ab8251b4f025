// Turns the list query into a repository filter, rejecting what the schema cannot: timestamps
// that do not exist, an empty time window, and cursors that did not come from a previous page.
import { invalid, type FieldProblem } from '../../platform/errors.ts';
import type { AuditFilter } from './audit.repository.ts';
import type { AuditEventsQueryInput } from './audit.schemas.ts';

// A cursor names the seq of the last event on a page. It only positions the page: scope and
// filters are applied afresh on every request, so a forged cursor cannot widen what is visible.
export const encodeCursor = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');

function decodeCursor(cursor: string): number | undefined {
  const match = /^seq:([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  const seq = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(seq) ? seq : undefined;
}

function utc(value: string): string | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function toFilter(q: AuditEventsQueryInput): AuditFilter {
  const errors: FieldProblem[] = [];
  const from = q.from === undefined ? undefined : utc(q.from);
  const to = q.to === undefined ? undefined : utc(q.to);
  if (q.from !== undefined && !from) errors.push({ field: 'querystring.from', message: 'is not a real point in time' });
  if (q.to !== undefined && !to) errors.push({ field: 'querystring.to', message: 'is not a real point in time' });
  if (from && to && to <= from) errors.push({ field: 'querystring.to', message: 'must be later than from' });
  const beforeSeq = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (q.cursor !== undefined && beforeSeq === undefined) errors.push({ field: 'querystring.cursor', message: 'is not a cursor from a previous page' });
  if (errors.length) throw invalid(errors);
  return {
    actorId: q.actorId,
    patientId: q.patientId,
    action: q.action === undefined ? undefined : q.action.endsWith('.') ? { prefix: q.action } : { exact: q.action },
    outcome: q.outcome,
    from,
    to,
    beforeSeq,
  };
}
