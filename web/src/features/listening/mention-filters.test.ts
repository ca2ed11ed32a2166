import { describe, expect, it } from 'vitest';
import { hasStreamFilters, mentionQueryOf } from './mention-filters';

describe('mention stream filters', () => {
  const now = new Date('2025-06-01T10:00:00Z');

  it('turns the URL filters into the API query', () => {
    expect(
      mentionQueryOf(
        {
          scope: 'kind:competitor',
          sentiment: 'negative',
          intent: 'complaint',
          network: 'mastodon',
          language: 'de',
          minInfluence: '40',
          relevance: 'unreviewed',
          range: '24h',
          q: '  outage again ',
        },
        now,
      ),
    ).toEqual({
      kind: 'competitor',
      sentiment: 'negative',
      intent: 'complaint',
      network: 'mastodon',
      language: 'de',
      minInfluence: 40,
      relevance: 'unreviewed',
      from: '2025-05-31T10:00:00.000Z',
      to: '2025-06-01T10:00:00.000Z',
      q: 'outage again',
    });
  });

  it('streams one query by its id and everything without a scope', () => {
    expect(mentionQueryOf({ scope: 'query:6a1c' }, now)).toEqual({ queryId: '6a1c' });
    expect(mentionQueryOf({}, now)).toEqual({});
  });

  it('selects the mentions whose sentiment was not analysed', () => {
    expect(mentionQueryOf({ sentiment: 'unanalysed' }, now)).toEqual({ sentiment: 'unanalysed' });
  });

  it('drops values the API would refuse instead of failing the page', () => {
    expect(
      mentionQueryOf(
        {
          sentiment: 'furious',
          intent: 'DROP TABLE',
          language: 'english',
          minInfluence: '250',
          relevance: 'maybe',
          range: 'custom',
          from: '2025-13-01',
          to: '2025-01-01',
          q: 'x'.repeat(201),
        },
        now,
      ),
    ).toEqual({});
    expect(mentionQueryOf({ minInfluence: '0' }, now)).toEqual({});
    expect(mentionQueryOf({ minInfluence: '12.5' }, now)).toEqual({});
    expect(mentionQueryOf({ q: '   ' }, now)).toEqual({});
  });

  it('tells whether anything besides the scope filters the stream', () => {
    expect(hasStreamFilters({ scope: 'kind:brand' })).toBe(false);
    expect(hasStreamFilters({ scope: 'kind:brand', sentiment: 'positive' })).toBe(true);
    expect(hasStreamFilters({ q: 'outage' })).toBe(true);
  });
});
