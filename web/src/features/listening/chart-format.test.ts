import { describe, expect, it } from 'vitest';
import { queryColors } from './chart-format';
import { pivotByQuery, shareTotals, volumeByQuery } from './chart-rows';
import type { VolumeChart } from './types';

const brand = { id: 'q-brand', createdAt: '2026-01-05T10:00:00.000Z' };
const rival = { id: 'q-rival', createdAt: '2026-01-06T10:00:00.000Z' };

describe('query colours', () => {
  it('gives a query the same colour on the volume and share-of-voice charts, whatever their orders', () => {
    const colorOf = queryColors([rival, brand]);
    // The volume API orders its series by name; share of voice puts the most heard first.
    const volume: VolumeChart = {
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-02-02T00:00:00.000Z',
      interval: 'day',
      at: ['2026-02-01T00:00:00.000Z'],
      series: [
        {
          queryId: 'q-rival',
          query: 'Brewmax',
          kind: 'competitor',
          mentions: [2],
          positive: [0],
          negative: [0],
          neutral: [2],
          sentiment: [0],
        },
        { queryId: 'q-brand', query: 'Kettle', kind: 'brand', mentions: [9], positive: [0], negative: [0], neutral: [9], sentiment: [0] },
      ],
    };
    const share = [
      { at: null, queryId: 'q-brand', query: 'Kettle', kind: 'brand', mentions: 9, share: 0.82 },
      { at: null, queryId: 'q-rival', query: 'Brewmax', kind: 'competitor', mentions: 2, share: 0.18 },
      { at: '2026-02-01T00:00:00.000Z', queryId: 'q-rival', query: 'Brewmax', kind: 'competitor', mentions: 2, share: 0.18 },
      { at: '2026-02-01T00:00:00.000Z', queryId: 'q-brand', query: 'Kettle', kind: 'brand', mentions: 9, share: 0.82 },
    ];
    const onVolume = Object.fromEntries(volumeByQuery(volume).series.map((s) => [s.key, colorOf(s.key)]));
    const onDonut = Object.fromEntries(shareTotals(share).map((t) => [t.queryId, colorOf(t.queryId)]));
    const onShareOverTime = Object.fromEntries(pivotByQuery(share, 'mentions').series.map((s) => [s.key, colorOf(s.key)]));
    expect(onDonut).toEqual(onVolume);
    expect(onShareOverTime).toEqual(onVolume);
    expect(onVolume['q-brand']).not.toBe(onVolume['q-rival']);
  });

  it('keeps each colour by the order the queries were created, not the order they are listed in', () => {
    const colorOf = queryColors([brand, rival]);
    const listedOtherwise = queryColors([rival, brand]);
    expect([listedOtherwise('q-brand'), listedOtherwise('q-rival')]).toEqual([colorOf('q-brand'), colorOf('q-rival')]);
    // A query created later takes the next colour and moves no one else's.
    const withNew = queryColors([{ id: 'q-0-new', createdAt: '2026-03-01T00:00:00.000Z' }, brand, rival]);
    expect([withNew('q-brand'), withNew('q-rival')]).toEqual([colorOf('q-brand'), colorOf('q-rival')]);
    expect(withNew('q-0-new')).not.toBe(colorOf('q-brand'));
    expect(withNew('q-0-new')).not.toBe(colorOf('q-rival'));
  });

  it('draws a query it does not know in a neutral colour, not in another query’s', () => {
    const colorOf = queryColors([brand]);
    expect(colorOf('q-deleted')).not.toBe(colorOf('q-brand'));
    expect(queryColors([])('q-brand')).toBe(colorOf('q-deleted'));
  });
});
