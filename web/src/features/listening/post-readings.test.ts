import { describe, expect, it } from 'vitest';
import { postRelevance, readingsOf, relevanceAfterPressing } from './post-readings';
import type { PostMention } from './types';

const mention = (queryName: string, change: Partial<PostMention> = {}): PostMention => ({
  id: `id-${queryName}`,
  queryId: `q-${queryName}`,
  queryName,
  queryKind: 'brand',
  sentiment: 'negative',
  sentimentScore: -0.5,
  intent: 'complaint',
  readAboutSubject: false,
  relevance: 'unreviewed',
  ...change,
});

describe('a post’s readings', () => {
  it('shows the whole post’s reading once, with every query that reads it so', () => {
    const readings = readingsOf([mention('Acme'), mention('Globex')]);
    expect(readings).toHaveLength(1);
    expect(readings[0]!.mentions.map((m) => m.queryName)).toEqual(['Acme', 'Globex']);
    expect(readings[0]).toMatchObject({ sentiment: 'negative', intent: 'complaint', readAboutSubject: false });
  });

  it('gives each mention read about its own subject a reading of its own', () => {
    const readings = readingsOf([
      mention('Acme', { readAboutSubject: true }),
      mention('Globex', { readAboutSubject: true, sentiment: 'neutral', intent: 'purchase' }),
      mention('Initech'),
    ]);
    expect(readings.map((r) => [r.mentions.map((m) => m.queryName), r.sentiment, r.intent, r.readAboutSubject])).toEqual([
      [['Acme'], 'negative', 'complaint', true],
      [['Globex'], 'neutral', 'purchase', true],
      [['Initech'], 'negative', 'complaint', false],
    ]);
    // Two readings of the same words are still two subjects.
    expect(readingsOf([mention('Acme', { readAboutSubject: true }), mention('Globex', { readAboutSubject: true })])).toHaveLength(2);
  });

  it('keeps whole-post readings apart when they differ (a correction made before the post was read per subject)', () => {
    expect(readingsOf([mention('Acme'), mention('Globex', { intent: 'question' })])).toHaveLength(2);
  });
});

describe('a post’s relevance mark', () => {
  it('is the mentions’ mark when they agree, and mixed otherwise', () => {
    expect(postRelevance([mention('Acme', { relevance: 'relevant' }), mention('Globex', { relevance: 'relevant' })])).toBe('relevant');
    expect(postRelevance([mention('Acme', { relevance: 'relevant' }), mention('Globex')])).toBe('mixed');
    expect(postRelevance([])).toBe('unreviewed');
  });

  it('marks every mention, and pressed again where all have it, takes it back', () => {
    const mixed = [mention('Acme', { relevance: 'irrelevant' }), mention('Globex')];
    expect(relevanceAfterPressing(mixed, 'irrelevant')).toBe('irrelevant');
    expect(relevanceAfterPressing(mixed, 'relevant')).toBe('relevant');
    const irrelevant = mixed.map((m) => ({ ...m, relevance: 'irrelevant' as const }));
    expect(relevanceAfterPressing(irrelevant, 'irrelevant')).toBe('unreviewed');
    expect(relevanceAfterPressing(irrelevant, 'relevant')).toBe('relevant');
  });
});
