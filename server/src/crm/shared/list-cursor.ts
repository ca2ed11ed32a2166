/**
 * Keyset cursors of CRM lists. The platform decodes the cursor's shape; this also checks that its
 * values fit the list's sort key (a name, or an instant for timelines, tasks and date sorts), so a
 * tampered cursor, or one kept from another sort, is a 400 rather than an SQL cast error.
 */
import { UUID_PATTERN } from '../../platform/db/ids.js';
import { decodeCursor, type CursorValue } from '../../platform/http/cursor.js';
import { invalid } from '../../platform/http/errors.js';

const UUID = new RegExp(UUID_PATTERN);
/** Postgres' words for the ends of time, used when a sort key is missing (a task without a due date). */
const INFINITIES = new Set(['infinity', '-infinity']);

export type SortKeyKind = 'text' | 'instant';

export function decodeListCursor(cursor: string | undefined, kind: SortKeyKind): CursorValue | null {
  const after = decodeCursor(cursor);
  if (!after) return null;
  const fits = typeof after.v === 'string' && (kind === 'text' || INFINITIES.has(after.v) || !Number.isNaN(Date.parse(after.v)));
  if (!fits || !UUID.test(after.id)) throw invalid([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);
  return after;
}
