/**
 * Keyset cursors of CRM lists. The platform decodes the cursor's shape and the order it was given
 * for; this also checks that its values fit the list's sort key (a name, an instant for timelines,
 * tasks and date sorts, a search's rank), so a tampered cursor is a 400 rather than an SQL cast
 * error. A list with sorts to choose from, or ranked by a search, takes back only the cursors of
 * the order it is read in: the sort, or the search's words.
 */
import {
  cursorNotGivenOut,
  decodeCursor,
  decodeOrderedCursor,
  encodeCursor,
  isCursorId,
  isCursorInstant,
  type CursorValue,
} from '../../platform/http/cursor.js';
import { searchWords, type SearchMode } from './search-text.js';
/** Postgres' words for the ends of time, used when a sort key is missing (a task without a due date). */
const INFINITIES = new Set(['infinity', '-infinity']);

export type SortKeyKind = 'text' | 'instant';

/** The cursor of a list read in one order (a contact's timeline). */
export function decodeListCursor(cursor: string | undefined, kind: SortKeyKind): CursorValue | null {
  const after = decodeCursor(cursor);
  return after && fitting(after, kind);
}

/** The cursor of a list sorted by `sort` (e.g. `-createdAt`); one given under another sort, or for a ranked search, is refused. */
export function decodeSortedCursor(cursor: string | undefined, sort: string, kind: SortKeyKind): CursorValue | null {
  const after = decodeOrderedCursor(cursor, [sortOrder(sort)]);
  return after && fitting({ v: after.v, id: after.id }, kind);
}

export function sortedCursor(sort: string, last: CursorValue): string {
  return encodeCursor(last, sortOrder(sort));
}

/**
 * Where a page of a ranked search ended: the rank of its last row (a `real`, as the statement
 * computes it) and the row's id, and the mode the search's first page found its matches in, which
 * every later page keeps (see searchWithFallback).
 */
export interface RankedPosition {
  rank: number;
  id: string;
  mode: SearchMode;
}

const MODES: readonly SearchMode[] = ['prefix', 'fuzzy'];

/** The cursor of a search `q` ranked by relevance; one given for other words, or for a sorted list, is refused. */
export function decodeRankedCursor(cursor: string | undefined, q: string): RankedPosition | null {
  const orders = MODES.map((mode) => rankOrder(q, mode));
  const after = decodeOrderedCursor(cursor, orders);
  if (!after) return null;
  if (typeof after.v !== 'number' || !Number.isFinite(after.v) || !isCursorId(after.id)) throw cursorNotGivenOut();
  return { rank: after.v, id: after.id, mode: MODES[orders.indexOf(after.order)]! };
}

export function rankedCursor(q: string, last: RankedPosition): string {
  return encodeCursor({ v: last.rank, id: last.id }, rankOrder(q, last.mode));
}

function sortOrder(sort: string): string {
  return `sort ${sort}`;
}

/** A rank means something only for the words it was computed for: the same words, whatever their case or accents. */
function rankOrder(q: string, mode: SearchMode): string {
  return `rank ${mode} ${searchWords(q).join(' ')}`;
}

function fitting(after: CursorValue, kind: SortKeyKind): CursorValue {
  const fits = typeof after.v === 'string' && (kind === 'text' || INFINITIES.has(after.v) || isCursorInstant(after.v));
  if (!fits || !isCursorId(after.id)) throw cursorNotGivenOut();
  return after;
}
