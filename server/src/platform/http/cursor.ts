/**
 * Keyset pagination cursors: the sort value and id of the last row, opaque to clients. Keyset
 * (not OFFSET) keeps deep pages as fast as the first.
 */
import { invalid } from './errors.js';

export interface CursorValue {
  v: string | number | null;
  id: string;
}

export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorValue | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      parsed &&
      typeof parsed === 'object' &&
      'id' in parsed &&
      typeof parsed.id === 'string' &&
      'v' in parsed &&
      (parsed.v === null || typeof parsed.v === 'string' || typeof parsed.v === 'number')
    ) {
      return { v: parsed.v, id: parsed.id };
    }
  } catch {
    // fall through to the validation error
  }
  throw invalid([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);
}
