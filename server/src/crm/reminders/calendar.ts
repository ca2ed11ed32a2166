/**
 * Calendar arithmetic on plain dates ('YYYY-MM-DD'), for yearly important dates. Plain dates have
 * no time zone: a birthday is on the 10th wherever you are, so all of this works in UTC.
 */

const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function parse(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function epochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The date's anniversary in `year`; 29 February falls on the 28th in years without one. */
export function anniversaryIn(date: string, year: number): string {
  const { month, day } = parse(date);
  if (month === 2 && day === 29 && !isLeapYear(year)) return format(year, 2, 28);
  return format(year, month, day);
}

/**
 * The first yearly occurrence of `date` on or after `from`. A date still ahead (a renewal next
 * spring) first occurs on the date itself, not on earlier anniversaries.
 */
export function nextOccurrence(date: string, from: string): string {
  if (date >= from) return date;
  const year = parse(from).year;
  const thisYear = anniversaryIn(date, year);
  return thisYear >= from ? thisYear : anniversaryIn(date, year + 1);
}

/**
 * The month-days ('MM-DD') whose yearly occurrence can fall between `from` and `from + days`
 * (inclusive): a cheap SQL pre-filter before nextOccurrence decides. Includes 02-29 when 28 February
 * of a year without a 29th is in the window.
 */
export function monthDaysWithin(from: string, days: number): string[] {
  const result = new Set<string>();
  for (let i = 0; i <= days; i++) {
    const date = addDays(from, i);
    result.add(date.slice(5));
    if (date.slice(5) === '02-28' && !isLeapYear(parse(date).year)) result.add('02-29');
  }
  return [...result];
}
