/** Labels and colours shared by the dashboard's charts. */
import type { ChartTable } from './types';

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
export const SERIES_COLORS = ['blue.6', 'orange.6', 'teal.6', 'grape.6', 'red.6', 'lime.7', 'cyan.6', 'pink.6', 'yellow.7', 'indigo.6'];

export const seriesColor = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length]!;

export const SENTIMENT_SERIES = [
  { name: 'positive', label: 'Positive', color: 'teal.6' },
  { name: 'neutral', label: 'Neutral', color: 'gray.5' },
  { name: 'negative', label: 'Negative', color: 'red.6' },
];
