import { describe, expect, it } from 'vitest';
import { lexQuery } from './query.lexer.js';

const kinds = (source: string) => lexQuery(source).map((t) => `${t.kind}:${source.slice(t.start, t.end)}`);

describe('lexQuery', () => {
  it('gives every construct its own kind for highlighting', () => {
    expect(kinds('(apple OR app*) AND NOT "pie crust"~3 NEAR/2f {Apple} #deal @shop author:bob -x')).toEqual([
      'paren:(',
      'term:apple',
      'space: ',
      'operator:OR',
      'space: ',
      'wildcard:app*',
      'paren:)',
      'space: ',
      'operator:AND',
      'space: ',
      'operator:NOT',
      'space: ',
      'phrase:"pie crust"~3',
      'space: ',
      'near:NEAR/2f',
      'space: ',
      'exact:{Apple}',
      'space: ',
      'hashtag:#deal',
      'space: ',
      'mention:@shop',
      'space: ',
      'field:author:',
      'term:bob',
      'space: ',
      'operator:-',
      'term:x',
    ]);
  });

  it('reads url: values as typed, with ? and & kept', () => {
    expect(kinds('url:example.com/a?b=1')).toEqual(['field:url:', 'term:example.com/a?b=1']);
  });

  it('marks what cannot be read as an error token and still covers every character', () => {
    for (const source of ['apple "unclosed', 'x~3 {open', 'a } b', '"a"~x']) {
      const tokens = lexQuery(source);
      expect(tokens.some((t) => t.kind === 'error')).toBe(true);
      expect(tokens.map((t) => source.slice(t.start, t.end)).join('')).toBe(source);
      tokens.forEach((t, i) => expect(t.start).toBe(i === 0 ? 0 : tokens[i - 1]!.end));
    }
  });

  it('keeps lower-case operators as terms', () => {
    expect(kinds('a and b')).toEqual(['term:a', 'space: ', 'term:and', 'space: ', 'term:b']);
  });
});
