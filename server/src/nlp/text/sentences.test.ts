import { describe, expect, it } from 'vitest';
import { sentenceRanges } from './sentences.js';

const sentences = (text: string) => sentenceRanges(text).map(({ start, end }) => text.slice(start, end));

describe('sentenceRanges', () => {
  it('cuts after end punctuation followed by a space, runs of it included', () => {
    expect(sentences('Acme outage again?? This is the second time this week. Considering switching to Globex.')).toEqual([
      'Acme outage again??',
      'This is the second time this week.',
      'Considering switching to Globex.',
    ]);
  });

  it('cuts at line breaks and keeps punctuation inside words and numbers', () => {
    expect(sentences('Version 2.5 of acme.io is out…\n\nGreat work!Really')).toEqual([
      'Version 2.5 of acme.io is out…',
      'Great work!Really',
    ]);
  });

  it('gives one sentence for text without boundaries and none for blank text', () => {
    expect(sentences('just one thought')).toEqual(['just one thought']);
    expect(sentences('  \n ')).toEqual([]);
  });
});
