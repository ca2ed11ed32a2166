import { describe, expect, it } from 'vitest';
import {
  breakdownBars,
  pivotByQuery,
  rankedAuthors,
  rankedTerms,
  sentimentOverTime,
  shareTotals,
  volumeByQuery,
  withQuietIntervals,
} from './chart-rows';
import type { VolumeChart } from './types';

const volume = [
  { at: '2025-01-02T00:00:00.000Z', queryId: 'a', query: 'Acme', kind: 'brand', mentions: 4, positive: 1, neutral: 2, negative: 1 },
  { at: '2025-01-01T00:00:00.000Z', queryId: 'a', query: 'Acme', kind: 'brand', mentions: 3, positive: 3, neutral: 0, negative: 0 },
  { at: '2025-01-01T00:00:00.000Z', queryId: 'b', query: 'Rival', kind: 'competitor', mentions: 5, positive: 0, neutral: 1, negative: 4 },
];

describe('chart rows', () => {
  it('pivots per-query rows into one row per interval, in time order, with 0 where a query was silent', () => {
    const { rows, series } = pivotByQuery(volume, 'mentions');
    expect(series).toEqual([
      { key: 'a', label: 'Acme', kind: 'brand' },
      { key: 'b', label: 'Rival', kind: 'competitor' },
    ]);
    expect(rows).toEqual([
      { at: '2025-01-01T00:00:00.000Z', a: 3, b: 5 },
      { at: '2025-01-02T00:00:00.000Z', a: 4, b: 0 },
    ]);
  });

  it('keeps two queries with the same name apart and skips the totals rows', () => {
    const { series, rows } = pivotByQuery(
      [
        { at: null, queryId: 'x', query: 'Same', kind: 'brand', mentions: 9 },
        { at: 't1', queryId: 'x', query: 'Same', kind: 'brand', mentions: 1 },
        { at: 't1', queryId: 'y', query: 'Same', kind: 'competitor', mentions: 2 },
      ],
      'mentions',
    );
    expect(series.map((s) => s.key)).toEqual(['x', 'y']);
    expect(rows).toEqual([{ at: 't1', x: 1, y: 2 }]);
  });

  const series: VolumeChart = {
    from: '2025-01-01T00:00:00.000Z',
    to: '2025-01-03T00:00:00.000Z',
    interval: 'day',
    at: ['2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z'],
    series: [
      {
        queryId: 'a',
        query: 'Acme',
        kind: 'brand',
        mentions: [3, 4],
        positive: [3, 1],
        neutral: [0, 2],
        negative: [0, 1],
        sentiment: [0.5, 0],
      },
      {
        queryId: 'b',
        query: '',
        kind: 'competitor',
        mentions: [5, 0],
        positive: [0, 0],
        neutral: [1, 0],
        negative: [4, 0],
        sentiment: [-0.6, null],
      },
    ],
  };

  it('turns volume series into one row per interval with a column per query', () => {
    expect(volumeByQuery(series)).toEqual({
      series: [
        { key: 'a', label: 'Acme', kind: 'brand' },
        { key: 'b', label: 'b', kind: 'competitor' },
      ],
      rows: [
        { at: '2025-01-01T00:00:00.000Z', a: 3, b: 5 },
        { at: '2025-01-02T00:00:00.000Z', a: 4, b: 0 },
      ],
    });
  });

  it('sums sentiment over queries per interval', () => {
    expect(sentimentOverTime(series)).toEqual([
      { at: '2025-01-01T00:00:00.000Z', positive: 3, neutral: 1, negative: 4, notAnalysed: 0 },
      { at: '2025-01-02T00:00:00.000Z', positive: 1, neutral: 2, negative: 1, notAnalysed: 0 },
    ]);
  });

  it('takes the share-of-voice totals from the rows without an interval, largest first', () => {
    const rows = [
      { at: null, queryId: 'a', query: 'Acme', kind: 'brand', mentions: 2, share: 0.25 },
      { at: null, queryId: 'b', query: 'Rival', kind: 'competitor', mentions: 6, share: 0.75 },
      { at: 't1', queryId: 'a', query: 'Acme', kind: 'brand', mentions: 2, share: 0.25 },
    ];
    expect(shareTotals(rows)).toEqual([
      { queryId: 'b', name: 'Rival', kind: 'competitor', mentions: 6, share: 0.75 },
      { queryId: 'a', name: 'Acme', kind: 'brand', mentions: 2, share: 0.25 },
    ]);
  });

  it('names breakdown bars by the breakdown column and ranks them', () => {
    const bars = breakdownBars(
      [
        { network: 'mastodon', mentions: 2, positive: 1, neutral: 1, negative: 0 },
        { network: '', mentions: 5, positive: 0, neutral: 5, negative: 0 },
      ],
      'network',
    );
    expect(bars.map((b) => [b.name, b.mentions])).toEqual([
      ['unknown', 5],
      ['mastodon', 2],
    ]);
  });

  it('counts as not analysed the mentions in none of the sentiments (a language sentiment does not read)', () => {
    const [french] = breakdownBars([{ language: 'fr', mentions: 5, positive: 1, neutral: 1, negative: 1 }], 'language');
    expect(french).toMatchObject({ name: 'fr', mentions: 5, notAnalysed: 2 });
    const [point] = sentimentOverTime({ ...series, series: [{ ...series.series[0]!, mentions: [6, 4] }] });
    expect(point).toMatchObject({ positive: 3, neutral: 0, negative: 0, notAnalysed: 3 });
  });

  it('ranks terms, reading numbers the CSV way too', () => {
    expect(
      rankedTerms(
        [
          { hashtag: 'a', mentions: '3' },
          { hashtag: 'b', mentions: 7 },
          { hashtag: null, mentions: 1 },
        ],
        'hashtag',
      ),
    ).toEqual([
      { name: 'b', value: 7 },
      { name: 'a', value: 3 },
    ]);
  });

  it('reads authors, naming them by handle when they have no name', () => {
    const [author] = rankedAuthors([
      {
        identityId: 'i',
        name: null,
        handle: '@ann',
        network: 'mastodon',
        contactId: null,
        mentions: 2,
        followers: null,
        influence: 40,
        influenceWhy: 'w',
      },
    ]);
    expect(author).toEqual({
      identityId: 'i',
      name: '@ann',
      handle: '@ann',
      network: 'mastodon',
      contactId: null,
      mentions: 2,
      followers: null,
      influence: 40,
      influenceWhy: 'w',
    });
  });

  describe('quiet intervals', () => {
    const sparse: VolumeChart = {
      from: '2025-01-01T10:00:00.000Z',
      to: '2025-01-06T09:00:00.000Z',
      interval: 'day',
      at: ['2025-01-01T00:00:00.000Z', '2025-01-04T00:00:00.000Z'],
      series: [
        {
          queryId: 'a',
          query: 'Acme',
          kind: 'brand',
          mentions: [2, 5],
          positive: [1, 0],
          neutral: [1, 1],
          negative: [0, 4],
          sentiment: [0.4, -0.5],
        },
      ],
    };

    it('fills the days nobody was heard with 0 mentions and no sentiment, so the time axis keeps its scale', () => {
      const filled = withQuietIntervals(sparse, 'UTC');
      expect(filled.at).toEqual([
        '2025-01-01T00:00:00.000Z',
        '2025-01-02T00:00:00.000Z',
        '2025-01-03T00:00:00.000Z',
        '2025-01-04T00:00:00.000Z',
        '2025-01-05T00:00:00.000Z',
        '2025-01-06T00:00:00.000Z',
      ]);
      expect(filled.series[0]).toMatchObject({
        mentions: [2, 0, 0, 5, 0, 0],
        negative: [0, 0, 0, 4, 0, 0],
        sentiment: [0.4, null, null, -0.5, null, null],
      });
      expect(volumeByQuery(filled).rows.map((row) => row.a)).toEqual([2, 0, 0, 5, 0, 0]);
    });

    it('starts weeks on Monday as the server does, and leaves a full series alone', () => {
      // 2025-01-01 is a Wednesday: its week began on Monday 2024-12-30.
      const weekly: VolumeChart = {
        ...sparse,
        to: '2025-01-20T00:00:00.000Z',
        interval: 'week',
        at: ['2025-01-13T00:00:00.000Z'],
        series: [],
      };
      expect(withQuietIntervals(weekly, 'UTC').at).toEqual([
        '2024-12-30T00:00:00.000Z',
        '2025-01-06T00:00:00.000Z',
        '2025-01-13T00:00:00.000Z',
      ]);
      expect(withQuietIntervals(series, 'UTC')).toBe(series);
    });

    it('fills the days and weeks of the time zone the chart was asked for, as the server counts them', () => {
      // Berlin's clocks went back on 26 October 2025: that day began at 22:00 UTC, the next at 23:00.
      const berlin: VolumeChart = {
        ...sparse,
        from: '2025-10-24T10:00:00.000Z',
        to: '2025-10-28T09:00:00.000Z',
        at: ['2025-10-24T22:00:00.000Z'],
        series: [],
      };
      expect(withQuietIntervals(berlin, 'Europe/Berlin').at).toEqual([
        '2025-10-23T22:00:00.000Z',
        '2025-10-24T22:00:00.000Z',
        '2025-10-25T22:00:00.000Z',
        '2025-10-26T23:00:00.000Z',
        '2025-10-27T23:00:00.000Z',
      ]);
      // Kolkata's midnight is half past six in the evening UTC; its weeks start on Monday there (Sunday evening UTC).
      const kolkata: VolumeChart = { ...sparse, from: '2025-01-01T10:00:00.000Z', to: '2025-01-14T00:00:00.000Z', at: [], series: [] };
      expect(withQuietIntervals({ ...kolkata, interval: 'day' }, 'Asia/Kolkata').at.slice(0, 2)).toEqual([
        '2024-12-31T18:30:00.000Z',
        '2025-01-01T18:30:00.000Z',
      ]);
      expect(withQuietIntervals({ ...kolkata, interval: 'week' }, 'Asia/Kolkata').at).toEqual([
        '2024-12-29T18:30:00.000Z',
        '2025-01-05T18:30:00.000Z',
        '2025-01-12T18:30:00.000Z',
      ]);
    });
  });
});
