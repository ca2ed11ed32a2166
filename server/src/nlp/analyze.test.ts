import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze.js';

describe('analyzeText', () => {
  it('understands a text built by concatenation as the same text written out', () => {
    const title = 'Terrible support from Acme Corp';
    const body = 'I have waited two weeks for a refund. Anyone else? #fail @acme https://example.com/r/1';
    const built = `${title}\n${body}`;
    expect(analyzeText(built)).toEqual(analyzeText(JSON.parse(JSON.stringify(built)) as string));
  });

  it('reads a text as written, without normalising its accents', () => {
    const decomposed = 'The cafe\u0301 was lovely, the cafe\u0301 staff too';
    expect(analyzeText(decomposed).keywords).toContain('cafe\u0301');
  });
});
