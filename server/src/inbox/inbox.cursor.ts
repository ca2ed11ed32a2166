/**
 * Keyset cursors over (instant, id) for the inbox's lists. The platform decodes the shape; this
 * checks the values, so a tampered cursor is a 400 rather than an SQL cast error.
 */
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId, isCursorInstant } from '../platform/http/cursor.js';

export interface InstantCursor {
  at: Date;
  id: string;
}

export function decodeInstant(cursor: string | undefined): InstantCursor | null {
  const after = decodeCursor(cursor);
  if (!after) return null;
  if (!isCursorInstant(after.v) || !isCursorId(after.id)) throw cursorNotGivenOut();
  return { at: new Date(after.v), id: after.id };
}

export function encodeInstant(at: Date | string, id: string): string {
  return encodeCursor({ v: new Date(at).toISOString(), id });
}
