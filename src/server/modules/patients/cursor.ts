// Opaque page cursors. A plain list pages by id (keyset: stable while patients are added); a
// search pages by position in its ranked result, which is recomputed and capped on every request.
import { invalid } from '../../platform/errors.ts';

export const afterCursor = (id: string) => encode({ after: id });
export const offsetCursor = (offset: number) => encode({ offset });

/** The id a list cursor continues after. */
export function cursorAfter(raw: string): string {
  const after = decode(raw)?.after;
  if (typeof after === 'string' && /^[0-9a-f-]{36}$/.test(after)) return after;
  throw badCursor();
}

/** The position a search cursor continues from. */
export function cursorOffset(raw: string): number {
  const offset = decode(raw)?.offset;
  if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  throw badCursor();
}

function encode(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return typeof value === 'object' ? (value as Record<string, unknown> | null) : null;
  } catch {
    return null;
  }
}

function badCursor() {
  return invalid([{ field: 'querystring.cursor', message: 'is not a cursor of this list; pass nextCursor back unchanged' }]);
}
