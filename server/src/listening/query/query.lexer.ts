/**
 * Cuts a listening query into tokens. The parser reads the detailed tokens; the web query builder
 * gets `lexQuery`'s kinds and offsets for syntax highlighting, including `error` tokens for text
 * that cannot be read (an unclosed quote), so it can underline them while the user types.
 */

export type QueryTokenKind =
  'term' | 'phrase' | 'operator' | 'paren' | 'field' | 'hashtag' | 'mention' | 'exact' | 'near' | 'wildcard' | 'error' | 'space';

export interface QueryToken {
  readonly kind: QueryTokenKind;
  readonly start: number;
  readonly end: number;
}

export type LexedToken = QueryToken &
  (
    | { readonly kind: 'space'; readonly text: string }
    | { readonly kind: 'paren' | 'term' | 'wildcard' | 'hashtag' | 'mention'; readonly text: string }
    | { readonly kind: 'operator'; readonly text: string; readonly operator: 'AND' | 'OR' | 'NOT' }
    | { readonly kind: 'field'; readonly text: string; readonly name: string }
    | { readonly kind: 'phrase'; readonly text: string; readonly proximity: number | null }
    | { readonly kind: 'exact'; readonly text: string }
    /** `distance` is null when the operator has no readable `/n`. */
    | { readonly kind: 'near'; readonly text: string; readonly distance: number | null; readonly ordered: boolean }
    | { readonly kind: 'error'; readonly text: string; readonly code: string; readonly message: string }
  );

/** Characters that end a bare word: they start or end a construct of their own. */
const DELIMITERS = new Set(['(', ')', '"', '{', '}', '~']);
const FIELD_PREFIX = /^([A-Za-z]+):/;
// Any number of digits: a distance past the limit is refused as too large, not as missing.
const NEAR = /^NEAR(?:\/(\d+)(\/?f)?)?$/;
/** Values of these fields are taken as typed: `?` and `&` are part of a URL, not wildcards. */
const LITERAL_FIELDS = new Set(['url', 'site']);

const isSpace = (char: string) => /\s/.test(char);

function bareRunEnd(source: string, from: number): number {
  let end = from;
  while (end < source.length && !isSpace(source[end]!) && !DELIMITERS.has(source[end]!)) end++;
  return end;
}

/** A phrase's `~n` suffix: the end offset and n, or an error token when `~` is not followed by a number. */
function proximitySuffix(source: string, at: number): { end: number; proximity: number | null; bad: boolean } {
  if (source[at] !== '~') return { end: at, proximity: null, bad: false };
  const digits = /^\d+/.exec(source.slice(at + 1));
  if (!digits) return { end: at + 1, proximity: null, bad: true };
  return { end: at + 1 + digits[0].length, proximity: Number(digits[0]), bad: false };
}

export function lexDetailed(source: string): LexedToken[] {
  const tokens: LexedToken[] = [];
  let literalNext = false;
  let at = 0;
  const error = (start: number, end: number, code: string, message: string) =>
    tokens.push({ kind: 'error', start, end, text: source.slice(start, end), code, message });
  while (at < source.length) {
    const char = source[at]!;
    const start = at;
    if (isSpace(char)) {
      while (at < source.length && isSpace(source[at]!)) at++;
      tokens.push({ kind: 'space', start, end: at, text: source.slice(start, at) });
      literalNext = false;
      continue;
    }
    if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', start, end: ++at, text: char });
      continue;
    }
    if (char === '"') {
      const close = source.indexOf('"', at + 1);
      if (close === -1) {
        error(start, source.length, 'unclosed-quote', 'This quote is never closed: add a " at the end of the phrase');
        break;
      }
      const suffix = proximitySuffix(source, close + 1);
      if (suffix.bad) {
        error(start, suffix.end, 'proximity-without-number', 'A ~ after a phrase needs a number, e.g. "battery life"~5');
      } else {
        tokens.push({ kind: 'phrase', start, end: suffix.end, text: source.slice(at + 1, close), proximity: suffix.proximity });
      }
      at = suffix.end;
      literalNext = false;
      continue;
    }
    if (char === '{') {
      const close = source.indexOf('}', at + 1);
      if (close === -1) {
        error(start, source.length, 'unclosed-brace', 'This { is never closed: write a case-sensitive word as {Apple}');
        break;
      }
      tokens.push({ kind: 'exact', start, end: close + 1, text: source.slice(at + 1, close) });
      at = close + 1;
      continue;
    }
    if (char === '}') {
      error(start, ++at, 'unexpected-character', 'This } closes nothing: write a case-sensitive word as {Apple}');
      continue;
    }
    if (char === '~') {
      error(start, ++at, 'misplaced-proximity', '~n only follows a "quoted phrase"; for two words use word1 NEAR/n word2');
      continue;
    }
    if (char === '-' && at + 1 < source.length && !isSpace(source[at + 1]!) && source[at + 1] !== '-' && !literalNext) {
      tokens.push({ kind: 'operator', start, end: ++at, text: '-', operator: 'NOT' });
      continue;
    }
    const end = bareRunEnd(source, at);
    const text = source.slice(start, end);
    at = end;
    if (literalNext) {
      tokens.push({ kind: 'term', start, end, text });
      literalNext = false;
      continue;
    }
    const field = FIELD_PREFIX.exec(text);
    if (field) {
      const name = field[1]!.toLowerCase();
      const colon = start + field[0].length;
      tokens.push({ kind: 'field', start, end: colon, text: field[0], name });
      // The value is read as a token of its own, so `author:(…)` and `author:"…"` work like any group or phrase.
      at = colon;
      literalNext = LITERAL_FIELDS.has(name);
      continue;
    }
    if (text === 'AND' || text === 'OR' || text === 'NOT') {
      tokens.push({ kind: 'operator', start, end, text, operator: text });
      continue;
    }
    if (text.startsWith('NEAR')) {
      const near = NEAR.exec(text);
      if (near || text === 'NEAR' || text.startsWith('NEAR/')) {
        const distance = near?.[1] !== undefined ? Number(near[1]) : null;
        tokens.push({ kind: 'near', start, end, text, distance, ordered: near?.[2] !== undefined });
        continue;
      }
    }
    if (char === '#') tokens.push({ kind: 'hashtag', start, end, text: text.slice(1) });
    else if (char === '@') tokens.push({ kind: 'mention', start, end, text: text.slice(1) });
    else tokens.push({ kind: /[*?]/.test(text) ? 'wildcard' : 'term', start, end, text });
  }
  return tokens;
}

/** Tokens with their kinds and offsets, for syntax highlighting; every character belongs to exactly one token. */
export function lexQuery(source: string): QueryToken[] {
  return lexDetailed(source).map(({ kind, start, end }) => ({ kind, start, end }));
}
