/**
 * Keeps the query builder's language and channel pickers in step with the query text. A picker owns
 * one top-level `AND lang:(en OR fr)` part of the text: reading finds it, writing adds, updates or
 * removes only that part and leaves the rest as the user wrote it. Where the field is used in a way a
 * list of values cannot show (inside OR or NOT, twice, or next to NEAR), the picker only explains.
 *
 * The server's check gives the editor token kinds for highlighting (query-highlight.ts), but it lags
 * typing; a picker must rewrite the text of this very moment, so the text is cut into tokens here by
 * the server's own lexer, shared with the web.
 */
import { lexDetailed, type LexedToken } from '../../../../server/src/listening/query/query.lexer';

export const FILTER_FIELDS = ['lang', 'channel'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export type FieldFilter = { editable: true; values: string[] } | { editable: false; values: string[]; reason: string };

type Operator = 'AND' | 'OR' | 'NOT';
type Token = LexedToken;

/** A value a picker can list: a word or a quoted phrase (not a wildcard, hashtag or mention). */
const isValue = (token: Token) => token.kind === 'term' || token.kind === 'phrase';

/** One operand of the top level: a word, a bracketed group, or a field with its value. */
interface Operand {
  start: number;
  end: number;
  /** The field's name and values when the operand is `field:value` or `field:(a OR b)`; values null when not a plain list. */
  field?: { name: string; values: string[] | null };
}

type TopItem = { kind: 'operand'; operand: Operand } | { kind: 'operator'; operator: Operator | 'NEAR'; start: number; end: number };

/** The index just past the bracket closing the one at `open`, or -1 when it is never closed. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i]!.kind === 'paren' ? tokens[i]!.text : '';
    if (text === '(') depth++;
    else if (text === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The values of a `(a OR b OR c)` group, or null when the group holds anything else. */
function valueList(inside: readonly Token[]): string[] | null {
  const solid = inside.filter((t) => t.kind !== 'space');
  const values: string[] = [];
  for (let i = 0; i < solid.length; i++) {
    const token = solid[i]!;
    if (i % 2 === 1) {
      if (token.kind !== 'operator' || token.operator !== 'OR') return null;
    } else if (isValue(token)) {
      values.push(token.text.trim().toLowerCase());
    } else return null;
  }
  return values.length > 0 && solid.length % 2 === 1 ? values : null;
}

/** The top level of the query, or null when its brackets or quotes do not close (the check says where). */
function readTopLevel(tokens: readonly Token[]): TopItem[] | null {
  if (tokens.some((t) => t.kind === 'error')) return null;
  const items: TopItem[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.kind === 'space') {
      i++;
    } else if (token.kind === 'operator') {
      items.push({ kind: 'operator', operator: token.operator, start: token.start, end: token.end });
      i++;
    } else if (token.kind === 'near') {
      items.push({ kind: 'operator', operator: 'NEAR', start: token.start, end: token.end });
      i++;
    } else if (token.kind === 'paren') {
      const after = token.text === '(' ? closing(tokens, i) : -1;
      if (after === -1) return null;
      items.push({ kind: 'operand', operand: { start: token.start, end: tokens[after - 1]!.end } });
      i = after;
    } else if (token.kind === 'field') {
      const value = tokens[i + 1];
      if (value?.kind === 'paren' && value.text === '(') {
        const after = closing(tokens, i + 1);
        if (after === -1) return null;
        const values = valueList(tokens.slice(i + 2, after - 1));
        items.push({ kind: 'operand', operand: { start: token.start, end: tokens[after - 1]!.end, field: { name: token.name, values } } });
        i = after;
      } else {
        const single = value && isValue(value) ? [value.text.trim().toLowerCase()] : null;
        const end = value && value.kind !== 'space' && value.kind !== 'paren' ? value.end : token.end;
        items.push({ kind: 'operand', operand: { start: token.start, end, field: { name: token.name, values: single } } });
        i = end === token.end ? i + 1 : i + 2;
      }
    } else {
      items.push({ kind: 'operand', operand: { start: token.start, end: token.end } });
      i++;
    }
  }
  return items;
}

interface Reading {
  items: TopItem[];
  hasTopLevelOr: boolean;
  /** Every `field:` token in the text, nested or not. */
  fieldCounts: Map<string, number>;
}

function read(text: string): Reading | null {
  const tokens = lexDetailed(text);
  const items = readTopLevel(tokens);
  if (!items) return null;
  const fieldCounts = new Map<string, number>();
  for (const t of tokens) if (t.kind === 'field') fieldCounts.set(t.name, (fieldCounts.get(t.name) ?? 0) + 1);
  return { items, hasTopLevelOr: items.some((item) => item.kind === 'operator' && item.operator === 'OR'), fieldCounts };
}

/** The index of the field's own top-level part: an operand neither negated nor joined by NEAR, in an AND of the whole query. */
function ownPartIndex(reading: Reading, field: FilterField): number | 'none' | 'nested' {
  const total = reading.fieldCounts.get(field) ?? 0;
  if (total === 0) return 'none';
  if (total > 1 || reading.hasTopLevelOr) return 'nested';
  const { items } = reading;
  const index = items.findIndex((item) => item.kind === 'operand' && item.operand.field?.name === field);
  if (index === -1) return 'nested';
  const before = items[index - 1];
  const after = items[index + 1];
  const bound = (item: TopItem | undefined, operators: readonly string[]) => item?.kind === 'operator' && operators.includes(item.operator);
  if (bound(before, ['NOT', 'NEAR']) || bound(after, ['NEAR'])) return 'nested';
  return index;
}

const UNREADABLE = 'Close the brackets and quotes of the query to pick from the list.';
const NESTED: Record<FilterField, string> = {
  lang: 'This query uses lang: with OR, NOT or NEAR, inside brackets or more than once: change languages in the text.',
  channel: 'This query uses channel: with OR, NOT or NEAR, inside brackets or more than once: change channels in the text.',
};
const UNLISTED: Record<FilterField, string> = {
  lang: 'This query writes lang: in a way the list cannot show: change languages in the text.',
  channel: 'This query writes channel: in a way the list cannot show: change channels in the text.',
};

/** What a picker shows for the query text: the values of its top-level part, or why it cannot be used. */
export function readFilter(text: string, field: FilterField): FieldFilter {
  const reading = read(text);
  if (!reading) return { editable: false, values: [], reason: UNREADABLE };
  const index = ownPartIndex(reading, field);
  if (index === 'none') return { editable: true, values: [] };
  if (index === 'nested') return { editable: false, values: [], reason: NESTED[field] };
  const item = reading.items[index]!;
  const values = item.kind === 'operand' ? item.operand.field?.values : null;
  return values ? { editable: true, values: [...new Set(values)] } : { editable: false, values: [], reason: UNLISTED[field] };
}

function fieldText(field: FilterField, values: readonly string[]): string {
  return values.length === 1 ? `${field}:${values[0]}` : `${field}:(${values.join(' OR ')})`;
}

/**
 * The query text with the field's top-level part set to these values: added as `AND field:(…)` at the
 * end, rewritten in place, or removed with the AND that joined it. Returns the text unchanged when the
 * picker cannot be used (readFilter says why).
 */
export function writeFilter(text: string, field: FilterField, values: readonly string[]): string {
  const reading = read(text);
  if (!reading) return text;
  const index = ownPartIndex(reading, field);
  if (index === 'nested') return text;
  if (index === 'none') {
    if (values.length === 0) return text;
    const rest = text.trimEnd();
    if (!rest) return fieldText(field, values);
    // Without brackets the new part would bind only to the last side of an OR.
    return reading.hasTopLevelOr ? `(${rest}) AND ${fieldText(field, values)}` : `${rest} AND ${fieldText(field, values)}`;
  }
  const { items } = reading;
  const own = items[index] as Extract<TopItem, { kind: 'operand' }>;
  if (values.length > 0) return text.slice(0, own.operand.start) + fieldText(field, values) + text.slice(own.operand.end);
  const previous = items[index - 1];
  const next = items[index + 1];
  if (previous) {
    // `… AND lang:en`: drop from the end of what came before, the AND included.
    const kept = previous.kind === 'operator' ? items[index - 2] : previous;
    const from = kept ? (kept.kind === 'operand' ? kept.operand.end : kept.end) : 0;
    return text.slice(0, from) + text.slice(own.operand.end);
  }
  if (next) {
    // `lang:en AND …` at the start: drop up to what follows the AND.
    const kept = next.kind === 'operator' && next.operator === 'AND' ? items[index + 2] : next;
    const to = kept ? (kept.kind === 'operand' ? kept.operand.start : kept.start) : text.length;
    return text.slice(0, own.operand.start) + text.slice(to);
  }
  return text.slice(0, own.operand.start) + text.slice(own.operand.end);
}
