import { describe, expect, it } from 'vitest';
import { highlightSegments } from './query-highlight';

const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('query highlighting', () => {
  it('paints each token with its kind and keeps the text whole', () => {
    const text = 'acme AND "new phone"';
    const segments = highlightSegments(text, [
      { kind: 'term', start: 0, end: 4 },
      { kind: 'space', start: 4, end: 5 },
      { kind: 'operator', start: 5, end: 8 },
      { kind: 'space', start: 8, end: 9 },
      { kind: 'phrase', start: 9, end: 20 },
    ]);
    expect(joined(segments)).toBe(text);
    expect(segments.map((s) => [s.text, s.kind])).toEqual([
      ['acme', 'term'],
      [' ', 'space'],
      ['AND', 'operator'],
      [' ', 'space'],
      ['"new phone"', 'phrase'],
    ]);
  });

  it('splits a token where an error starts and marks only the erroneous part', () => {
    const text = 'acme OR';
    const segments = highlightSegments(text, [{ kind: 'term', start: 0, end: 7 }], {
      code: 'x',
      message: 'm',
      position: 5,
      length: 2,
    });
    expect(segments.map((s) => [s.text, s.problem])).toEqual([
      ['acme ', null],
      ['OR', 'error'],
    ]);
  });

  it('adds a marker for a problem at the end of the text, where there is nothing to underline', () => {
    const segments = highlightSegments('(acme', [{ kind: 'term', start: 1, end: 5 }], { code: 'x', message: 'm', position: 5, length: 0 });
    const last = segments.at(-1)!;
    expect(last.problem).toBe('error');
    expect(last.start).toBe(5);
    expect(segments.slice(0, -1).every((s) => s.problem === null)).toBe(true);
  });

  it('underlines a zero-length problem inside the text over one character', () => {
    const segments = highlightSegments('a ) b', [], { code: 'x', message: 'm', position: 2, length: 0 });
    expect(segments.filter((s) => s.problem === 'error').map((s) => s.text)).toEqual([')']);
  });

  it('marks warnings, and lets an error win where both apply', () => {
    const text = 'ab* OR c';
    const warning = { code: 'w', message: 'short stem', position: 0, length: 3 };
    const error = { code: 'e', message: 'bad', position: 2, length: 1 };
    const segments = highlightSegments(text, [], error, [warning]);
    expect(segments.map((s) => [s.text, s.problem])).toEqual([
      ['ab', 'warning'],
      ['*', 'error'],
      [' OR c', null],
    ]);
  });

  it('still spells the current text when the tokens are from an older, longer version', () => {
    const text = 'acm';
    const segments = highlightSegments(text, [
      { kind: 'term', start: 0, end: 4 },
      { kind: 'space', start: 4, end: 5 },
      { kind: 'term', start: 5, end: 9 },
    ]);
    expect(joined(segments)).toBe(text);
    expect(segments).toEqual([{ start: 0, end: 3, text: 'acm', kind: 'term', problem: null }]);
  });

  it('leaves text no token covers plain (typed after the last check)', () => {
    const segments = highlightSegments('acme OR', [{ kind: 'term', start: 0, end: 4 }]);
    expect(segments.map((s) => [s.text, s.kind])).toEqual([
      ['acme', 'term'],
      [' OR', 'plain'],
    ]);
  });

  it('gives nothing for an empty query without problems', () => {
    expect(highlightSegments('', [])).toEqual([]);
  });
});
