/**
 * Listening analytics: every chart is a flat table, so the same rows feed the chart and its CSV
 * export — except volume over time, which is sent as series on one time axis (see VolumeChart).
 */
import { Type, type Static } from 'typebox';
import { OneOf, Uuid } from '../../platform/http/schemas.js';
import { QUERY_KINDS } from '../saved-queries/saved-query.schema.js';

export const INTERVALS = ['hour', 'day', 'week'] as const;
export type Interval = (typeof INTERVALS)[number];
export const TERM_KINDS = ['hashtag', 'entity', 'keyword', 'author'] as const;
/** Influencers are authors ranked by influence rather than by how often they were heard. */
export const TOP_OF = [...TERM_KINDS, 'influencer'] as const;
export const BREAKDOWNS = ['network', 'language'] as const;

const Range = {
  queryId: Type.Optional(Uuid),
  kind: Type.Optional(OneOf(QUERY_KINDS, { description: 'Every query of this group' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: 30 days before `to`' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
  format: Type.Optional(OneOf(['json', 'csv'] as const, { description: 'csv downloads the chart’s rows' })),
};

export const SeriesQuery = Type.Object(
  {
    ...Range,
    interval: Type.Optional(OneOf(INTERVALS, { description: 'Default: hour up to 2 days, day up to 120 days, else week' })),
    timeZone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        pattern: '^[A-Za-z][A-Za-z0-9_+\\-/]*$',
        patternReason: 'must be an IANA time zone, such as Europe/Berlin',
        description: 'The IANA time zone whose midnights start days and weeks (weeks on Monday). Default: UTC',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SeriesQuery = Static<typeof SeriesQuery>;

export const BreakdownQuery = Type.Object({ ...Range, by: OneOf(BREAKDOWNS) }, { additionalProperties: false });
export type BreakdownQuery = Static<typeof BreakdownQuery>;

export const TopQuery = Type.Object(
  { ...Range, of: OneOf(TOP_OF), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
  { additionalProperties: false },
);
export type TopQuery = Static<typeof TopQuery>;

/**
 * A chart row: column name → text, number or null. Declared without a type on purpose: the
 * response serialiser builds code per declared schema, and for a map of cells it tested every key
 * against a pattern and every cell against the types — most of a 1,800-row volume chart's time.
 * Without one it writes each row with `JSON.stringify`.
 */
const ChartRow = Type.Unsafe<Record<string, string | number | null>>({
  description: 'One row of the chart: column name → string, number or null (the same columns as the CSV export)',
});

export const ChartTable = Type.Object({
  from: Type.String(),
  to: Type.String(),
  interval: Type.Optional(Type.String()),
  rows: Type.Array(ChartRow),
  approximate: Type.Optional(
    Type.Object(
      { unseenAtMost: Type.Integer({ description: 'The most mentions a term or author not shown can have' }) },
      { description: 'Present when a top-N ranking could not be proven exact; the counts shown are exact' },
    ),
  ),
});
export interface ChartTable {
  from: string;
  to: string;
  interval?: Interval;
  rows: Record<string, string | number | null>[];
  approximate?: { unseenAtMost: number };
}

const Counts = (description: string) => Type.Array(Type.Integer(), { description });

/**
 * Volume and sentiment per query over time, as series on one time axis: every array of a series is
 * aligned with `at`, and a query not heard in an interval counts 0 there. As flat rows (the CSV
 * export) a 90-day chart of 20 queries repeated each query's id, name and kind and every column name
 * in 1,820 rows: 365 kB, whose serialising and sending were most of the request's cost.
 */
export const VolumeChart = Type.Object({
  from: Type.String(),
  to: Type.String(),
  interval: OneOf(INTERVALS),
  at: Type.Array(Type.String(), {
    description: 'Interval starts (ISO 8601, UTC) where any query was heard, ascending; a day or week starts at midnight in `timeZone`',
  }),
  series: Type.Array(
    Type.Object({
      queryId: Type.String(),
      query: Type.String(),
      kind: Type.String(),
      mentions: Counts('Mentions per interval'),
      positive: Counts('Positive mentions per interval'),
      negative: Counts('Negative mentions per interval'),
      neutral: Counts('Neutral mentions per interval'),
      sentiment: Type.Array(Type.Union([Type.Number(), Type.Null()]), {
        description: 'Mean sentiment score per interval over the mentions analysed, in [-1, 1]; null where none was',
      }),
    }),
    { description: 'One per query, in name order' },
  ),
});
export type VolumeChart = Static<typeof VolumeChart>;
