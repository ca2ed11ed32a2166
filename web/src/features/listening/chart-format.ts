/** Labels and colours shared by the dashboard's charts. */
import { UNANALYSED_LABEL } from './labels';
import type { ChartTable, SavedQuery } from './types';

const hourFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric' });
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** How an interval's start is shown on an axis: hours with their day, days and weeks by date. */
export function bucketLabel(at: string, interval: ChartTable['interval']): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  if (interval === 'hour') return hourFormat.format(date);
  return interval === 'week' ? `Week of ${dayFormat.format(date)}` : dayFormat.format(date);
}

/** Distinct in both colour schemes and in order of how far apart they look. */
const SERIES_COLORS = ['blue.6', 'orange.6', 'teal.6', 'grape.6', 'red.6', 'lime.7', 'cyan.6', 'pink.6', 'yellow.7', 'indigo.6'];

/** Before the queries are known, or for one deleted since: a neutral colour, never another query's. */
const UNKNOWN_QUERY_COLOR = 'gray.5';

/**
 * One colour per query on every chart: by its place among the workspace's queries in the order they
 * were created. Not by a chart's own order (series by name, slices largest first) nor by the name, so
 * a query keeps its colour from chart to chart, as its counts change and when it is renamed.
 */
export function queryColors(queries: readonly Pick<SavedQuery, 'id' | 'createdAt'>[]): (queryId: string) => string {
  const created = [...queries].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
  const colors = new Map(created.map((query, index) => [query.id, SERIES_COLORS[index % SERIES_COLORS.length]!]));
  return (queryId) => colors.get(queryId) ?? UNKNOWN_QUERY_COLOR;
}

export const SENTIMENT_SERIES = [
  { name: 'positive', label: 'Positive', color: 'teal.6' },
  { name: 'neutral', label: 'Neutral', color: 'gray.5' },
  { name: 'negative', label: 'Negative', color: 'red.6' },
  { name: 'notAnalysed', label: UNANALYSED_LABEL, color: 'gray.3' },
];
