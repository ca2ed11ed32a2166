import { describe, expect, it } from 'vitest';
import type { QueryNode } from './query.ast.js';
import { QUERY_LIMITS } from './query-limits.js';
import { parseQuery } from './query.parser.js';

/** A compact, readable form of a parsed tree, so the tables show structure at a glance. */
function show(node: QueryNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.children.map(show).join(` ${node.kind.toUpperCase()} `)})`;
    case 'not':
      return `NOT ${show(node.child)}`;
    case 'near':
      return `(${show(node.left)} NEAR/${node.distance}${node.ordered ? 'f' : ''} ${show(node.right)})`;
    case 'words': {
      const words = node.words.map((w) => (w.caseSensitive ? `{${w.text}}` : w.text)).join(' ');
      return node.words.length > 1 || node.proximity !== null ? `"${words}"${node.proximity === null ? '' : `~${node.proximity}`}` : words;
    }
    case 'hashtag':
      return `#${node.tag}`;
    case 'mention':
      return `@${node.handle}`;
    case 'field':
      return `${node.field}:${node.value}`;
  }
}

function accepted(source: string): string {
  const result = parseQuery(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.code} ${result.error.message}`);
  return show(result.query.root);
}

describe('parseQuery accepts', () => {
  it.each([
    ['Apple OR Pear', '(apple OR pear)'],
    ['apple pie', '(apple AND pie)'],
    ['apple AND pie OR tart', '((apple AND pie) OR tart)'],
    ['apple AND (pie OR tart)', '(apple AND (pie OR tart))'],
    ['apple NOT pear', '(apple AND NOT pear)'],
    ['apple AND NOT (pear OR plum)', '(apple AND NOT (pear OR plum))'],
    ['apple -pear', '(apple AND NOT pear)'],
    ['"Battery Life"', '"battery life"'],
    ['"battery life"~4', '"battery life"~4'],
    ['e-mail', '"e mail"'],
    ['Café', 'cafe'],
    ['organi?ation colo*', '(organi?ation AND colo*)'],
    ['apple NEAR/3 pie', '(apple NEAR/3 pie)'],
    ['apple NEAR/3f pie', '(apple NEAR/3f pie)'],
    ['apple NEAR/3/f pie', '(apple NEAR/3f pie)'],
    ['(apple OR pear) NEAR/2 ("pie crust" OR tart*)', '((apple OR pear) NEAR/2 ("pie crust" OR tart*))'],
    ['apple AND NOT pie NEAR/2 crust', '(apple AND NOT (pie NEAR/2 crust))'],
    ['{Apple} OR apple', '({Apple} OR apple)'],
    ['#BlackFriday @Rapport@mastodon.social', '(#blackfriday AND @rapport@mastodon.social)'],
    ['author:(alice OR @Bob) rapport', '((author:alice OR author:bob) AND rapport)'],
    ['author:"Alice Smith"', 'author:alice smith'],
    ['channel:EMAIL AND NOT spam', '(channel:email AND NOT spam)'],
    ['lang:fr sentiment:negative intent:complaint x', '(lang:fr AND sentiment:negative AND intent:complaint AND x)'],
    ['site:https://www.Example.com/ OR url:example.com/news?id=1', '(site:example.com OR url:example.com/news?id=1)'],
    ['author:ali*', 'author:ali*'],
  ])('%s → %s', (source, shown) => {
    expect(accepted(source)).toBe(shown);
  });
});

describe('parseQuery refuses', () => {
  it.each([
    ['', 'empty-query', 0],
    ['   ', 'empty-query', 0],
    ['(apple OR pear', 'unbalanced-parenthesis', 0],
    ['apple OR pear)', 'unbalanced-parenthesis', 13],
    ['apple "pie crust', 'unclosed-quote', 6],
    ['x {Apple', 'unclosed-brace', 2],
    ['apple }', 'unexpected-character', 6],
    ['apple~3', 'misplaced-proximity', 5],
    ['"apple pie"~', 'proximity-without-number', 0],
    ['apple AND', 'missing-operand', 6],
    ['OR apple', 'missing-operand', 0],
    ['apple AND OR pear', 'missing-operand', 6],
    ['apple NOT', 'missing-operand', 6],
    ['()', 'missing-operand', 0],
    ['NOT apple', 'not-only', 0],
    ['NOT apple AND NOT pear', 'not-only', 0],
    ['apple OR NOT pear', 'not-only', 9],
    ['foo:bar', 'unknown-field', 0],
    ['x https://example.com', 'unknown-field', 2],
    ['channel:fax', 'invalid-field-value', 8],
    ['lang:english', 'invalid-field-value', 5],
    ['sentiment:happy', 'invalid-field-value', 10],
    ['intent:rant', 'invalid-field-value', 7],
    ['site:example', 'invalid-field-value', 5],
    ['site:example.com/news', 'invalid-field-value', 5],
    ['author: alice', 'invalid-field-value', 0],
    ['channel:(email OR fax)', 'invalid-field-value', 18],
    ['channel:e*', 'invalid-field-value', 8],
    ['url:example.com/*', 'invalid-field-value', 4],
    ['author:(alice OR #tag)', 'invalid-field-value', 17],
    ['author:(lang:en)', 'invalid-field-value', 8],
    ['apple NEAR pie', 'near-without-distance', 6],
    ['apple NEAR/x pie', 'near-without-distance', 6],
    ['apple NEAR/101 pie', 'near-too-far', 6],
    ['apple NEAR/99999999999 pie', 'near-too-far', 6],
    ['"apple pie"~500', 'near-too-far', 0],
    ['apple NEAR/3 NOT pie', 'near-operand', 13],
    ['(apple AND pear) NEAR/3 pie', 'near-operand', 0],
    ['apple NEAR/3 #pie', 'near-operand', 13],
    ['apple NEAR/3 channel:email', 'near-operand', 13],
    ['*pple', 'leading-wildcard', 0],
    ['apple ?ear', 'leading-wildcard', 6],
    ['"big *pple"', 'leading-wildcard', 5],
    ['author:*bob', 'leading-wildcard', 7],
    ['#black*', 'invalid-hashtag', 0],
    ['@', 'invalid-mention', 0],
    ['apple !!!', 'empty-term', 6],
    ['""', 'empty-term', 0],
  ])('%j → %s at %d', (source, code, position) => {
    const result = parseQuery(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code, position });
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.length).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['x {!!!}', 'These braces hold no letters or digits to search for'],
    ['"!!!"', 'This phrase holds no letters or digits to search for'],
    [
      'acme NEAR/99999999999 outage',
      'This NEAR distance is too large: it can be at most 100 words; use AND for words anywhere in the message',
    ],
    ['acme NEAR/101f outage', 'This NEAR distance is too large: it can be at most 100 words; use AND for words anywhere in the message'],
    ['"acme outage"~99999999999', 'This ~ distance is too large: it can be at most 100 words'],
  ])('explains %j: %s', (source, message) => {
    expect(parseQuery(source)).toMatchObject({ ok: false, error: { message } });
  });

  it('refuses a query over the length limit, pointing at where it goes over', () => {
    const result = parseQuery('a '.repeat(QUERY_LIMITS.maxLength));
    expect(result).toMatchObject({ ok: false, error: { code: 'query-too-long', position: QUERY_LIMITS.maxLength } });
  });

  it('refuses nesting deeper than the limit', () => {
    const depth = QUERY_LIMITS.maxDepth + 1;
    const result = parseQuery('('.repeat(depth) + 'a' + ')'.repeat(depth));
    expect(result).toMatchObject({ ok: false, error: { code: 'too-deep', position: QUERY_LIMITS.maxDepth } });
    expect(parseQuery('('.repeat(depth - 1) + 'a' + ')'.repeat(depth - 1)).ok).toBe(true);
    expect(parseQuery('NOT '.repeat(depth) + 'a').ok).toBe(false);
  });

  it('refuses more terms or wildcards than the limits', () => {
    const most = Array.from({ length: QUERY_LIMITS.maxTerms }, (_, i) => `${i % 10}`).join(' ');
    expect(parseQuery(most)).toMatchObject({ ok: true });
    const many = Array.from({ length: QUERY_LIMITS.maxTerms + 1 }, (_, i) => `${i % 10}`).join(' ');
    expect(parseQuery(many)).toMatchObject({ ok: false, error: { code: 'too-many-terms' } });
    const wildcards = Array.from({ length: QUERY_LIMITS.maxWildcards + 1 }, (_, i) => `w${i}x*`).join(' OR ');
    expect(parseQuery(wildcards)).toMatchObject({ ok: false, error: { code: 'too-many-wildcards' } });
  });
});

describe('parseQuery warns', () => {
  const warnings = (source: string) => {
    const result = parseQuery(source);
    expect(result.ok).toBe(true);
    return result.warnings.map((w) => `${w.code}@${w.position}`);
  };

  it.each([
    ['ab* AND x', ['short-wildcard-stem@0']],
    ['abc* AND x', []],
    ['apple NEAR/30 pie', ['near-distance-large@6']],
    ['"apple pie"~50', ['near-distance-large@0']],
    ['apple NEAR/5 pie', []],
    ['apple and pie', ['lowercase-operator@6']],
    ['apple or pie', ['lowercase-operator@6']],
    ['apple near/3 pie', ['lowercase-operator@6']],
    ['and apple', []],
    ['apple OR pear OR Apple', ['redundant-term@17']],
    ['apple OR app*', ['redundant-term@0']],
    ['apple pie OR tart', ['mixed-and-or@10']],
    ['(apple pie) OR tart', []],
  ])('%s → %j', (source, expected) => {
    expect(warnings(source)).toEqual(expected);
  });

  it('explains each warning in plain words', () => {
    const result = parseQuery('ab* and x');
    expect(result.warnings.every((w) => w.message.length > 20 && w.length > 0)).toBe(true);
  });
});
