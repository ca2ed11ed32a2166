/**
 * Keyset cursors over (instant, id) for the inbox's lists. The platform decodes the shape; this
 * checks the values, so a tampered cursor is a 400 rather than an SQL cast error.
 */
import { UUID_PATTERN } from '../platform/db/ids.js';
import { decodeCursor, encodeCursor } from '../platform/http/cursor.js';
import { invalid } from '../platform/http/errors.js';

const UUID = new RegExp(UUID_PATTERN);

export interface InstantCursor {
  at: Date;
  id: string;
}

export function decodeInstant(cursor: string | undefined): InstantCursor | null {
  const after = decodeCursor(cursor);
  if (!after) return null;
  const at = typeof after.v === 'string' ? new Date(after.v) : null;
  if (!at || Number.isNaN(at.getTime()) || !UUID.test(after.id)) {
    throw invalid([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);
  }
  return { at, id: after.id };
}

export function encodeInstant(at: Date | string, id: string): string {
  return encodeCursor({ v: new Date(at).toISOString(), id });
}
