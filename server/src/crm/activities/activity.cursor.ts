/**
 * Keyset cursors over timestamps (timelines, task lists). The platform decodes the cursor's
 * shape; this also checks its values, so a tampered cursor is a 400 rather than an SQL cast error.
 */
import { UUID_PATTERN } from '../../platform/db/ids.js';
import { decodeCursor, type CursorValue } from '../../platform/http/cursor.js';
import { invalid } from '../../platform/http/errors.js';

const UUID = new RegExp(UUID_PATTERN);
/** Postgres' words for the ends of time, used when a sort key is missing (a task without a due date). */
const INFINITIES = new Set(['infinity', '-infinity']);

export function decodeInstantCursor(cursor: string | undefined): CursorValue | null {
  const after = decodeCursor(cursor);
  if (!after) return null;
  const instant = typeof after.v === 'string' && (INFINITIES.has(after.v) || !Number.isNaN(Date.parse(after.v)));
  if (!instant || !UUID.test(after.id)) throw invalid([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);
  return after;
}
