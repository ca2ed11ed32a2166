/** Listening analytics: every chart is a flat table, so the same rows feed the chart and its CSV export. */
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
  { ...Range, interval: Type.Optional(OneOf(INTERVALS, { description: 'Default: hour up to 2 days, day up to 120 days, else week' })) },
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
