/**
 * Date ranges for the mention stream and the dashboards. A preset ("last 7 days") is kept as a
 * preset, not as dates, so a bookmarked dashboard shows the last 7 days whenever it is opened; it
 * becomes timestamps only when data is fetched. Custom ranges are whole local days, both included.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RANGE_PRESETS = [
  { value: '24h', label: 'Last 24 hours', span: DAY },
  { value: '7d', label: 'Last 7 days', span: 7 * DAY },
  { value: '30d', label: 'Last 30 days', span: 30 * DAY },
  { value: '90d', label: 'Last 90 days', span: 90 * DAY },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]['value'];

/** A preset, or a custom range of days written `YYYY-MM-DD`. */
export type DateRange = { preset: RangePreset } | { fromDay: string; toDay: string };

export interface ResolvedRange {
  from: string;
  to: string;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local midnight that starts a `YYYY-MM-DD` day, or null for anything that is not a real day. */
export function startOfDay(day: string): Date | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, date);
  return start.getFullYear() === year && start.getMonth() === month - 1 && start.getDate() === date ? start : null;
}

/** A date as `YYYY-MM-DD` in local time, for date inputs. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isPreset(value: string | undefined): value is RangePreset {
  return RANGE_PRESETS.some((p) => p.value === value);
}

/**
 * The timestamps to ask the API for, or null for a custom range that is not a valid range. Presets
 * end at the current minute, so the charts of one dashboard, fetched a moment apart, agree.
 */
export function resolveRange(range: DateRange, now: Date = new Date()): ResolvedRange | null {
  if ('preset' in range) {
    const preset = RANGE_PRESETS.find((p) => p.value === range.preset)!;
    const to = Math.ceil(now.getTime() / 60_000) * 60_000;
    return { from: new Date(to - preset.span).toISOString(), to: new Date(to).toISOString() };
  }
  const from = startOfDay(range.fromDay);
  const lastDay = startOfDay(range.toDay);
  if (!from || !lastDay || lastDay < from) return null;
  const to = new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

export { LONGEST_CHART_RANGE_DAYS } from '../../../../server/src/listening/analytics/longest-range';

/** What is wrong with a custom range: said at the day to change (`message`), and for the page (`summary`). */
export interface RangeProblem {
  field: 'from' | 'to';
  message: string;
  summary: string;
}

/**
 * Why a range cannot be asked for, or null: a day that is not one, an end before the start, or
 * (given `longestDays`) a span longer than that. Presets are always fine.
 */
export function rangeProblem(range: DateRange, longestDays?: number): RangeProblem | null {
  if ('preset' in range) return null;
  const missing = 'The range needs a first and a last day';
  if (!startOfDay(range.fromDay)) return { field: 'from', message: 'Choose a day', summary: missing };
  if (!startOfDay(range.toDay)) return { field: 'to', message: 'Choose a day', summary: missing };
  const resolved = resolveRange(range);
  if (!resolved) return { field: 'from', message: 'Must be on or before the end', summary: 'The range ends before it starts' };
  const days = (Date.parse(resolved.to) - Date.parse(resolved.from)) / DAY;
  if (longestDays !== undefined && days > longestDays)
    return {
      field: 'to',
      message: `At most ${longestDays} days from the start`,
      summary: `The range spans ${Math.round(days)} days; the charts cover at most ${longestDays}`,
    };
  return null;
}

/** The URL form of a range: `range=7d`, or `range=custom&from=…&to=…`. */
export interface RangeParams {
  range?: string;
  from?: string;
  to?: string;
}

export function rangeFromParams(params: RangeParams, fallback: DateRange | null): DateRange | null {
  if (isPreset(params.range)) return { preset: params.range };
  if (params.range === 'custom' && params.from && params.to) return { fromDay: params.from, toDay: params.to };
  return fallback;
}

export function rangeToParams(range: DateRange | null): { range: string | undefined; from: string | undefined; to: string | undefined } {
  if (!range) return { range: undefined, from: undefined, to: undefined };
  if ('preset' in range) return { range: range.preset, from: undefined, to: undefined };
  return { range: 'custom', from: range.fromDay, to: range.toDay };
}
