/**
 * Reshapes the analytics API's answers into what the charts draw: one row per interval with a
 * column per query (from the volume series, or from share of voice's flat rows — the same rows the
 * CSV export holds), sentiment totals per interval, donut slices, bars and ranked lists.
 */
import type { ChartCell, VolumeChart } from './types';
import { nextStartIn, startOfDayIn, startOfWeekIn } from './zoned-days';

type Row = Record<string, ChartCell>;

const numberOf = (cell: ChartCell | undefined): number => (typeof cell === 'number' ? cell : Number(cell ?? 0) || 0);
const textOf = (cell: ChartCell | undefined): string => (cell === null || cell === undefined ? '' : String(cell));

export interface QuerySeries {
  /** The column holding the query's values: its id, so that two queries with one name stay apart. */
  key: string;
  label: string;
  kind: string;
}

export interface PivotedSeries {
  rows: Record<string, string | number>[];
  series: QuerySeries[];
}

/**
 * One row per interval (`at`, in time order) with a column per query holding `measure`; a query
 * not heard in an interval counts 0 there, so lines and stacks do not break.
 */
export function pivotByQuery(rows: readonly Row[], measure: string): PivotedSeries {
  const series = new Map<string, QuerySeries>();
  const byInterval = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const at = textOf(row.at);
    const key = textOf(row.queryId);
    if (!at || !key) continue;
    if (!series.has(key)) series.set(key, { key, label: textOf(row.query) || key, kind: textOf(row.kind) });
    const values = byInterval.get(at) ?? new Map<string, number>();
    values.set(key, (values.get(key) ?? 0) + numberOf(row[measure]));
    byInterval.set(at, values);
  }
  const keys = [...series.keys()];
  const pivoted = [...byInterval.keys()].sort().map((at) => {
    const values = byInterval.get(at)!;
    return { at, ...Object.fromEntries(keys.map((key) => [key, values.get(key) ?? 0])) };
  });
  return { rows: pivoted, series: [...series.values()] };
}

const HOUR_MS = 3_600_000;
/** Past this many intervals (hours over a year) the chart stays as the API sent it. */
const MOST_INTERVALS = 2_000;

/** The start of the interval holding `time`: a UTC hour, or a day or week (from Monday) of `timeZone`, as the server counts them. */
function intervalStart(time: number, interval: VolumeChart['interval'], timeZone: string): number {
  if (interval === 'hour') return Math.floor(time / HOUR_MS) * HOUR_MS;
  return interval === 'day' ? startOfDayIn(time, timeZone) : startOfWeekIn(time, timeZone);
}

const nextStart = (start: number, interval: VolumeChart['interval'], timeZone: string) =>
  interval === 'hour' ? start + HOUR_MS : nextStartIn(start, interval, timeZone);

/**
 * The API sends only the intervals where some query was heard; a chart over time needs the quiet
 * ones too (0 mentions, no sentiment), or a month with two busy days draws as two neighbouring
 * points and a silence never shows. `timeZone` is the one the chart was asked for.
 */
export function withQuietIntervals(chart: VolumeChart, timeZone: string): VolumeChart {
  const from = Date.parse(chart.from);
  const to = Date.parse(chart.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from || !['hour', 'day', 'week'].includes(chart.interval)) return chart;
  const starts = new Set<number>();
  for (let start = intervalStart(from, chart.interval, timeZone); start < to; start = nextStart(start, chart.interval, timeZone)) {
    if (starts.size === MOST_INTERVALS) return chart;
    starts.add(start);
  }
  for (const at of chart.at) starts.add(Date.parse(at));
  const all = [...starts].sort((a, b) => a - b);
  if (all.length === chart.at.length) return chart;
  const slot = new Map(chart.at.map((at, i) => [Date.parse(at), i]));
  const spread = <T>(values: readonly T[], quiet: T): T[] =>
    all.map((start) => {
      const i = slot.get(start);
      return i === undefined ? quiet : (values[i] ?? quiet);
    });
  return {
    ...chart,
    at: all.map((start) => new Date(start).toISOString()),
    series: chart.series.map((s) => ({
      ...s,
      mentions: spread(s.mentions, 0),
      positive: spread(s.positive, 0),
      negative: spread(s.negative, 0),
      neutral: spread(s.neutral, 0),
      sentiment: spread<number | null>(s.sentiment, null),
    })),
  };
}

/** One row per interval with a column per query holding its mentions. */
export function volumeByQuery(chart: VolumeChart): PivotedSeries {
  const series = chart.series.map((s) => ({ key: s.queryId, label: s.query || s.queryId, kind: s.kind }));
  const rows = chart.at.map((at, i) => ({ at, ...Object.fromEntries(chart.series.map((s) => [s.queryId, s.mentions[i] ?? 0])) }));
  return { rows, series };
}

/** The mentions counted in none of the sentiments: those sentiment did not read. */
const notAnalysedOf = (mentions: number, positive: number, neutral: number, negative: number) =>
  Math.max(0, mentions - positive - neutral - negative);

export interface SentimentPoint {
  at: string;
  positive: number;
  neutral: number;
  negative: number;
  /** Mentions in a language sentiment does not read (see docs/listening.md). */
  notAnalysed: number;
}

/** Positive, neutral, negative and not analysed mentions per interval, over every query of the chart. */
export function sentimentOverTime(chart: VolumeChart): SentimentPoint[] {
  return chart.at.map((at, i) => {
    const point = { at, positive: 0, neutral: 0, negative: 0, notAnalysed: 0 };
    for (const s of chart.series) {
      point.positive += s.positive[i] ?? 0;
      point.neutral += s.neutral[i] ?? 0;
      point.negative += s.negative[i] ?? 0;
      point.notAnalysed += notAnalysedOf(s.mentions[i] ?? 0, s.positive[i] ?? 0, s.neutral[i] ?? 0, s.negative[i] ?? 0);
    }
    return point;
  });
}

export interface ShareSlice {
  queryId: string;
  name: string;
  kind: string;
  mentions: number;
  share: number;
}

/** The share-of-voice totals (the rows without an interval), largest first. */
export function shareTotals(rows: readonly Row[]): ShareSlice[] {
  return rows
    .filter((row) => row.at === null || row.at === undefined)
    .map((row) => ({
      queryId: textOf(row.queryId),
      name: textOf(row.query),
      kind: textOf(row.kind),
      mentions: numberOf(row.mentions),
      share: numberOf(row.share),
    }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

export interface BreakdownBar {
  name: string;
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  notAnalysed: number;
}

/** Bars for a breakdown by `by` (network or language), largest first. */
export function breakdownBars(rows: readonly Row[], by: string): BreakdownBar[] {
  return rows
    .map((row) => ({
      name: textOf(row[by]) || 'unknown',
      mentions: numberOf(row.mentions),
      positive: numberOf(row.positive),
      neutral: numberOf(row.neutral),
      negative: numberOf(row.negative),
      notAnalysed: notAnalysedOf(numberOf(row.mentions), numberOf(row.positive), numberOf(row.neutral), numberOf(row.negative)),
    }))
    .sort((a, b) => b.mentions - a.mentions);
}

/** A ranked list of terms (hashtags, entities, keywords) and how often they were heard. */
export function rankedTerms(rows: readonly Row[], of: string): { name: string; value: number }[] {
  return rows
    .map((row) => ({ name: textOf(row[of]), value: numberOf(row.mentions) }))
    .filter((term) => term.name !== '')
    .sort((a, b) => b.value - a.value);
}

export interface RankedAuthor {
  identityId: string;
  name: string;
  handle: string;
  network: string;
  contactId: string | null;
  mentions: number;
  followers: number | null;
  influence: number;
  influenceWhy: string;
}

export function rankedAuthors(rows: readonly Row[]): RankedAuthor[] {
  return rows.map((row) => ({
    identityId: textOf(row.identityId),
    name: textOf(row.name) || textOf(row.handle) || 'Unknown author',
    handle: textOf(row.handle),
    network: textOf(row.network),
    contactId: row.contactId ? textOf(row.contactId) : null,
    mentions: numberOf(row.mentions),
    followers: row.followers === null || row.followers === undefined ? null : numberOf(row.followers),
    influence: numberOf(row.influence),
    influenceWhy: textOf(row.influenceWhy),
  }));
}
