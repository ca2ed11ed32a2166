/**
 * Keyset pagination cursors: the sort value and id of the last row, opaque to clients. Keyset
 * (not OFFSET) keeps deep pages as fast as the first.
 *
 * A list read in more than one order (the sorts a caller picks, a search ranked for its words)
 * marks each cursor with the order it was given out for, and refuses it under any other: a
 * position in one order is none in another, and read as one it gave empty or repeated pages.
 */
import { createHash } from 'node:crypto';
import { UUID_PATTERN } from '../db/ids.js';
import { hasLoneSurrogate } from '../text/surrogates.js';
import { isApiDateTime } from './date-formats.js';
import { invalid } from './errors.js';

export interface CursorValue {
  v: string | number | null;
  id: string;
}

/** `order` names the list's order (its sort, a search's words): only a cursor given for the same one is taken back. */
export function encodeCursor(value: CursorValue, order?: string): string {
  const marked = order === undefined ? value : { ...value, o: orderMark(order) };
  return Buffer.from(JSON.stringify(marked)).toString('base64url');
}

/** The cursor of a list read in one order. */
export function decodeCursor(cursor: string | undefined): CursorValue | null {
  const parsed = parse(cursor);
  return parsed && { v: parsed.v, id: parsed.id };
}

/**
 * The cursor of a list read in several orders, and which of `orders` it was given for. One given
 * for another order, or before cursors were marked with theirs, is refused.
 */
export function decodeOrderedCursor<Order extends string>(
  cursor: string | undefined,
  orders: readonly Order[],
): (CursorValue & { order: Order }) | null {
  const parsed = parse(cursor);
  if (!parsed) return null;
  const order = orders.find((candidate) => parsed.o === orderMark(candidate));
  if (order === undefined) throw invalid([{ field: 'cursor', reason: OTHER_ORDER }]);
  return { v: parsed.v, id: parsed.id, order };
}

const OTHER_ORDER = 'was given for another order of this list (another sort or search); start from the first page';

/** A digest, so that a cursor stays short and does not repeat the search it was given for. */
function orderMark(order: string): string {
  return createHash('sha256').update(order).digest('base64url').slice(0, 16);
}

const UUID = new RegExp(UUID_PATTERN);

/**
 * A cursor's values reach the list's SQL as they are, so each list checks that they are of the kind
 * it gives out (a tampered cursor is then a 400, not an SQL error): these say what is.
 */
export const isCursorId = (id: string): boolean => UUID.test(id);

/** An instant as a cursor holds it (ISO 8601, in the years the database takes: a year 0 failed there). */
export const isCursorInstant = (value: unknown): value is string => typeof value === 'string' && isApiDateTime(value);

export const cursorNotGivenOut = () => invalid([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);

/** No list gives out text that PostgreSQL cannot take: a NUL, or half of a UTF-16 surrogate pair. */
const storable = (value: unknown) => typeof value !== 'string' || (!value.includes('\u0000') && !hasLoneSurrogate(value));

function parse(cursor: string | undefined): (CursorValue & { o?: string }) | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      parsed &&
      typeof parsed === 'object' &&
      'id' in parsed &&
      typeof parsed.id === 'string' &&
      'v' in parsed &&
      (parsed.v === null || typeof parsed.v === 'string' || typeof parsed.v === 'number') &&
      (!('o' in parsed) || typeof parsed.o === 'string') &&
      storable(parsed.v) &&
      storable(parsed.id)
    ) {
      return { v: parsed.v, id: parsed.id, ...('o' in parsed ? { o: parsed.o as string } : {}) };
    }
  } catch {
    // fall through to the validation error
  }
  throw cursorNotGivenOut();
}
