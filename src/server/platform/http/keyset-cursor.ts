// Opaque keyset cursors: the (time, id) of the last row shown — an encounter's start, an invoice's
// issue — so pages stay stable while rows are added. Shared by the modules that list by time.
import { invalid } from '../errors.ts';

export interface Position { at: string; id: string }

export const encodeCursor = (p: Position) => Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url');

export function decodeCursor(raw: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string'
      && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value[0]) && /^[0-9a-f-]{36}$/.test(value[1])) return { at: value[0], id: value[1] };
  } catch { /* answered below */ }
  throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor of this list; pass nextCursor back unchanged' }]);
}

/** A page of `limit` from `limit + 1` rows fetched: the extra row only says there is more. */
export function page<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => string): { rows: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return { rows: shown, nextCursor: more && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}
