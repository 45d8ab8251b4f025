// Opaque keyset cursors over (issued_at, id), so pages stay stable while invoices are added.
import { invalid } from '../../platform/errors.ts';

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
