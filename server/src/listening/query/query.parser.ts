/**
 * The listening query parser: turns the text a user typed into a `ParsedQuery`, or refuses it
 * with a plain-language reason and the offset to underline. Precedence, loosest first: OR, AND
 * (written or implied by a space, as Talkwalker and Meltwater read it), NOT, NEAR. Warnings point at
 * queries that parse but probably do not do what was meant.
 */
import type { QueryError, QueryNode, QueryWarning, ParsedQuery, WordPattern } from './query.ast.js';
import { checkFieldValue, isFieldName, WILDCARD_FIELDS, FIELD_NAMES, type FieldName } from './query-fields.js';
import { QUERY_LIMITS } from './query-limits.js';
import { lexDetailed, type LexedToken } from './query.lexer.js';
import { checkMeaning } from './query-checks.js';
import { foldWord, forEachWord } from './text-words.js';
import { literalStem } from './wildcard.js';

export type ParseResult =
  { ok: true; query: ParsedQuery; warnings: QueryWarning[] } | { ok: false; error: QueryError; warnings: QueryWarning[] };

class Refusal extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}

const HASHTAG = /^[\p{L}\p{N}\p{M}_]+$/u;
const MENTION = /^[\p{L}\p{N}\p{M}_.-]+(?:@[\p{L}\p{N}\p{M}_.-]+)?$/u;
const LOWERCASE_OPERATOR = /^(?:and|or|not|near(?:\/\d+f?)?)$/i;

type Token = Exclude<LexedToken, { kind: 'space' }>;

class Parser {
  private index = 0;
  private depth = 0;
  private terms = 0;
  private wildcards = 0;
  /** AND groups written without parentheses, to warn when they meet an OR. */
  private readonly bareAnds = new WeakSet<QueryNode>();
  readonly warnings: QueryWarning[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): QueryNode {
    const root = this.parseOr(null);
    const rest = this.peek();
    if (rest) {
      if (rest.kind === 'paren' && rest.text === ')')
        this.refuse('unbalanced-parenthesis', 'This ) closes nothing: remove it or add a ( before it', rest);
      this.refuse('unexpected-token', `Unexpected ${rest.text}`, rest);
    }
    return root;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    return this.tokens[this.index++];
  }

  private refuse(code: string, message: string, at: { start: number; end: number }): never {
    throw new Refusal({ code, message, position: at.start, length: Math.max(1, at.end - at.start) });
  }

  private warn(code: string, message: string, at: { start: number; end: number }) {
    this.warnings.push({ code, message, position: at.start, length: Math.max(1, at.end - at.start) });
  }

  private startsOperand(token: Token | undefined): boolean {
    if (!token) return false;
    if (token.kind === 'paren') return token.text === '(';
    if (token.kind === 'operator') return token.operator === 'NOT';
    return token.kind !== 'near';
  }

  private needOperand(after: Token, what: string) {
    if (!this.startsOperand(this.peek())) this.refuse('missing-operand', `${what} needs something to search for after it`, after);
  }

  private enter(at: Token) {
    if (++this.depth > QUERY_LIMITS.maxDepth) {
      this.refuse('too-deep', `The query nests more than ${QUERY_LIMITS.maxDepth} levels of parentheses and NOTs; simplify it`, at);
    }
  }

  private parseOr(field: FieldName | null): QueryNode {
    const children = [this.parseAnd(field)];
    let firstOr: Token | undefined;
    for (let token = this.peek(); token?.kind === 'operator' && token.operator === 'OR'; token = this.peek()) {
      this.next();
      firstOr ??= token;
      this.needOperand(token, 'OR');
      children.push(this.parseAnd(field));
    }
    if (children.length === 1) return children[0]!;
    if (firstOr && children.some((child) => this.bareAnds.has(child))) {
      this.warn(
        'mixed-and-or',
        'AND binds tighter than OR here (a b OR c reads as (a AND b) OR c); add parentheses to say which you mean',
        firstOr,
      );
    }
    return { kind: 'or', children, start: children[0]!.start, end: children[children.length - 1]!.end };
  }

  private parseAnd(field: FieldName | null): QueryNode {
    const children = [this.parseUnary(field)];
    for (;;) {
      const token = this.peek();
      if (token?.kind === 'operator' && token.operator === 'AND') {
        this.next();
        this.needOperand(token, 'AND');
      } else if (!this.startsOperand(token)) break;
      children.push(this.parseUnary(field));
    }
    if (children.length === 1) return children[0]!;
    const node: QueryNode = { kind: 'and', children, start: children[0]!.start, end: children[children.length - 1]!.end };
    this.bareAnds.add(node);
    return node;
  }

  private parseUnary(field: FieldName | null): QueryNode {
    const token = this.peek();
    if (token?.kind === 'operator' && token.operator === 'NOT') {
      this.next();
      this.needOperand(token, token.text === '-' ? 'A leading -' : 'NOT');
      this.enter(token);
      const child = this.parseUnary(field);
      this.depth--;
      return { kind: 'not', child, start: token.start, end: child.end };
    }
    return this.parseNear(field);
  }

  private parseNear(field: FieldName | null): QueryNode {
    let left = this.parsePrimary(field);
    if (this.peek()?.kind === 'near') this.checkNearSide(left);
    for (let token = this.peek(); token?.kind === 'near'; token = this.peek()) {
      this.next();
      if (field) this.refuse('near-operand', `NEAR cannot be used inside ${field}:( )`, token);
      if (token.distance === null) {
        this.refuse('near-without-distance', 'NEAR needs a distance in words, e.g. NEAR/3 (or NEAR/3f when the order matters)', token);
      }
      if (token.distance > QUERY_LIMITS.maxNearDistance) {
        this.refuse(
          'near-too-far',
          `This NEAR distance is too large: it can be at most ${QUERY_LIMITS.maxNearDistance} words; use AND for words anywhere in the message`,
          token,
        );
      }
      if (token.distance > QUERY_LIMITS.largeNearDistance) {
        this.warn('near-distance-large', `NEAR/${token.distance} is so wide that it behaves almost like AND in short posts`, token);
      }
      const next = this.peek();
      if (next?.kind === 'operator' && next.operator === 'NOT') {
        this.refuse('near-operand', 'NEAR joins words, phrases or OR-groups of them; it cannot take NOT', next);
      }
      this.needOperand(token, 'NEAR');
      const right = this.parsePrimary(field);
      this.checkNearSide(right);
      left = { kind: 'near', left, right, distance: token.distance, ordered: token.ordered, start: left.start, end: right.end };
    }
    return left;
  }

  private checkNearSide(node: QueryNode) {
    const positional = (n: QueryNode): boolean =>
      n.kind === 'words' || n.kind === 'near' || (n.kind === 'or' && n.children.every(positional));
    if (!positional(node)) {
      this.refuse(
        'near-operand',
        'NEAR joins words, phrases, wildcards or OR-groups of them; this side holds AND, NOT, a hashtag, a mention or a field',
        node,
      );
    }
  }

  private parsePrimary(field: FieldName | null): QueryNode {
    const token = this.next();
    if (!token) {
      const last = this.tokens[this.tokens.length - 1];
      return this.refuse('missing-operand', 'The query ends where something to search for was expected', last ?? { start: 0, end: 0 });
    }
    switch (token.kind) {
      case 'paren':
        return token.text === '('
          ? this.parseGroup(token, field)
          : this.refuse('missing-operand', 'Expected something to search for before )', token);
      case 'term':
      case 'wildcard':
        return field ? this.fieldValue(field, token, token.text) : this.words(token, token.text, false, null);
      case 'phrase':
        if (field) return this.fieldValue(field, token, token.text);
        return this.words(token, token.text, false, token.proximity);
      case 'exact':
        if (field) this.refuse('invalid-field-value', `${field}: values are not case-sensitive; drop the { }`, token);
        return this.words(token, token.text, true, null);
      case 'hashtag':
        if (field) this.refuse('invalid-field-value', `${field}:( ) can only list ${field} values`, token);
        return this.hashtag(token);
      case 'mention':
        if (field && field !== 'author') this.refuse('invalid-field-value', `${field}:( ) can only list ${field} values`, token);
        return field ? this.fieldValue(field, token, token.text) : this.mention(token);
      case 'field':
        if (field) this.refuse('invalid-field-value', `A field cannot be used inside ${field}:( )`, token);
        return this.field(token);
      case 'operator':
        return this.refuse('missing-operand', `${token.text} needs something to search for before it`, token);
      case 'near':
        return this.refuse('missing-operand', `${token.text} needs something to search for before it`, token);
      case 'error':
        return this.refuse(token.code, token.message, {
          start: token.start,
          end: token.code === 'unclosed-quote' || token.code === 'unclosed-brace' ? token.start + 1 : token.end,
        });
    }
  }

  private parseGroup(open: Token, field: FieldName | null): QueryNode {
    this.enter(open);
    const first = this.peek();
    if (first?.kind === 'paren' && first.text === ')')
      this.refuse('missing-operand', 'These parentheses are empty', { start: open.start, end: first.end });
    const inner = this.parseOr(field);
    const close = this.next();
    if (close?.kind !== 'paren' || close.text !== ')') {
      this.refuse('unbalanced-parenthesis', 'This ( is never closed: add a ) where the group ends', open);
    }
    this.depth--;
    // A parenthesised group is deliberate: it never triggers the AND/OR precedence warning.
    return { ...inner, start: open.start, end: close.end };
  }

  private countTerm(at: Token, wildcard: boolean) {
    if (++this.terms > QUERY_LIMITS.maxTerms) {
      this.refuse('too-many-terms', `A query can look for at most ${QUERY_LIMITS.maxTerms} words; split it into several queries`, at);
    }
    if (wildcard && ++this.wildcards > QUERY_LIMITS.maxWildcards) {
      this.refuse(
        'too-many-wildcards',
        `A query can hold at most ${QUERY_LIMITS.maxWildcards} wildcard words; list the variants instead`,
        at,
      );
    }
  }

  /** A term, phrase or {exact} word(s); `text` is the content without quotes or braces. */
  private words(token: Token, text: string, caseSensitive: boolean, proximity: number | null): QueryNode {
    const offset = token.kind === 'phrase' || token.kind === 'exact' ? token.start + 1 : token.start;
    const words: WordPattern[] = [];
    forEachWord(
      text,
      (start, end) => {
        const raw = text.slice(start, end).replace(/\*+/g, '*');
        const wildcard = /[*?]/.test(raw);
        const at = { start: offset + start, end: offset + end };
        this.countTerm(token, wildcard);
        if (wildcard) this.checkWildcard(raw, at);
        words.push({ text: caseSensitive ? raw : foldWord(raw), caseSensitive, wildcard });
      },
      { wildcards: true },
    );
    if (words.length === 0) {
      const what = token.kind === 'phrase' ? 'This phrase holds' : token.kind === 'exact' ? 'These braces hold' : `"${token.text}" holds`;
      this.refuse('empty-term', `${what} no letters or digits to search for`, token);
    }
    if (token.kind === 'term' && LOWERCASE_OPERATOR.test(token.text) && this.between()) {
      this.warn(
        'lowercase-operator',
        `"${token.text}" is searched as a word; operators are written in capitals (${token.text.toUpperCase()})`,
        token,
      );
    }
    if (proximity !== null) {
      if (proximity > QUERY_LIMITS.maxNearDistance) {
        this.refuse('near-too-far', `This ~ distance is too large: it can be at most ${QUERY_LIMITS.maxNearDistance} words`, token);
      }
      if (proximity > QUERY_LIMITS.largeNearDistance) {
        this.warn('near-distance-large', `~${proximity} is so wide that it behaves almost like AND in short posts`, token);
      }
    }
    return { kind: 'words', words, proximity, start: token.start, end: token.end };
  }

  private between(): boolean {
    // The term was just consumed, so it sits right before the cursor.
    const position = this.index - 1;
    const before = this.tokens[position - 1];
    const after = this.tokens[position + 1];
    const endsOperand =
      before !== undefined &&
      before.kind !== 'operator' &&
      before.kind !== 'near' &&
      before.kind !== 'field' &&
      !(before.kind === 'paren' && before.text === '(');
    return endsOperand && this.startsOperand(after) && !(after?.kind === 'operator');
  }

  private checkWildcard(raw: string, at: { start: number; end: number }) {
    const stem = literalStem(raw);
    if (stem.length === 0) {
      this.refuse(
        'leading-wildcard',
        'A word cannot start with a wildcard (* or ?): put at least one letter before it, e.g. organi?ation or colo*',
        at,
      );
    }
    if (stem.length < QUERY_LIMITS.shortWildcardStem) {
      this.warn('short-wildcard-stem', `${raw} matches a very large number of words; give the wildcard a longer stem`, at);
    }
  }

  private hashtag(token: Token): QueryNode {
    if (!HASHTAG.test(token.text)) {
      this.refuse('invalid-hashtag', 'A hashtag holds letters, digits and _ only (no wildcards), e.g. #BlackFriday', token);
    }
    this.countTerm(token, false);
    return { kind: 'hashtag', tag: foldWord(token.text), start: token.start, end: token.end };
  }

  private mention(token: Token): QueryNode {
    const handle = token.text.replace(/\.+$/, '');
    if (!MENTION.test(handle)) {
      this.refuse('invalid-mention', 'A mention is @ followed by a handle, e.g. @rapport or @rapport@mastodon.social', token);
    }
    this.countTerm(token, false);
    return { kind: 'mention', handle: foldWord(handle), start: token.start, end: token.end };
  }

  private field(token: Extract<Token, { kind: 'field' }>): QueryNode {
    const name = token.name;
    if (!isFieldName(name)) {
      this.refuse(
        'unknown-field',
        `There is no field "${name}:"; fields are ${FIELD_NAMES.map((f) => f + ':').join(' ')} (put words with a colon in "quotes")`,
        token,
      );
    }
    const value = this.peek();
    if (!value || value.start !== token.end || !(value.kind === 'paren' ? value.text === '(' : true)) {
      this.refuse(
        'invalid-field-value',
        `${name}: needs a value right after the colon, e.g. ${name}:value or ${name}:(one OR other)`,
        token,
      );
    }
    const node = this.parsePrimary(name);
    return { ...node, start: token.start };
  }

  private fieldValue(field: FieldName, token: Token, raw: string): QueryNode {
    const wildcard = token.kind !== 'phrase' && /[*?]/.test(raw) && !(field === 'url' || field === 'site');
    if (wildcard && !WILDCARD_FIELDS.has(field)) this.refuse('invalid-field-value', `${field}: takes no wildcards`, token);
    if (field === 'url' && raw.includes('*')) {
      this.refuse('invalid-field-value', 'url: already matches every address that starts with the value; leave out the *', token);
    }
    const checked = checkFieldValue(field, raw);
    if (!checked.ok) this.refuse('invalid-field-value', checked.reason, token);
    if (wildcard) this.checkWildcard(checked.value, token);
    this.countTerm(token, wildcard);
    return { kind: 'field', field, value: checked.value, wildcard, start: token.start, end: token.end };
  }
}

export function parseQuery(source: string): ParseResult {
  if (source.length > QUERY_LIMITS.maxLength) {
    const error = {
      code: 'query-too-long',
      message: `The query is ${source.length} characters long; the limit is ${QUERY_LIMITS.maxLength}. Split it into several queries`,
      position: QUERY_LIMITS.maxLength,
      length: source.length - QUERY_LIMITS.maxLength,
    };
    return { ok: false, error, warnings: [] };
  }
  const tokens = lexDetailed(source).filter((token): token is Token => token.kind !== 'space');
  if (tokens.length === 0) {
    return {
      ok: false,
      error: { code: 'empty-query', message: 'The query is empty: type the words to listen for', position: 0, length: 0 },
      warnings: [],
    };
  }
  const parser = new Parser(tokens);
  try {
    const root = parser.parse();
    const meaning = checkMeaning(root);
    if (meaning.error) return { ok: false, error: meaning.error, warnings: parser.warnings };
    const warnings = [...parser.warnings, ...meaning.warnings].sort((a, b) => a.position - b.position);
    return { ok: true, query: { source, root }, warnings };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error, warnings: parser.warnings };
    throw error;
  }
}
