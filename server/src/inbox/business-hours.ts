/**
 * Business-hours arithmetic for SLA clocks: "4 working hours after Friday 16:00" is Monday 12:00
 * when the team works 9 to 17 on weekdays. Days are walked in the policy's time zone (luxon), so
 * daylight-saving changes and weekends fall where the team sees them.
 */
import { DateTime, IANAZone } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening windows per weekday as ["HH:MM", "HH:MM"]; "24:00" closes at midnight. */
export interface BusinessHours {
  timezone: string;
  days: Partial<Record<Weekday, [string, string][]>>;
}

/** A saved policy opens at least once a week, so the walk ends long before this. */
const MAX_DAYS = 400;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The wall-clock time on `day` (set, not added, so a daylight-saving day still opens at 09:00). */
const at = (day: DateTime, time: string) =>
  time === '24:00' ? day.plus({ days: 1 }).startOf('day') : day.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) });

/** Problems with a business-hours definition, as field/reason pairs. */
export function businessHoursProblems(hours: BusinessHours): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (!IANAZone.isValidZone(hours.timezone)) problems.push({ field: 'businessHours.timezone', reason: 'is not an IANA time zone' });
  let open = 0;
  for (const day of WEEKDAYS) {
    const windows = [...(hours.days[day] ?? [])].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    windows.forEach(([from, to], i) => {
      if (minutesOf(from) >= minutesOf(to))
        problems.push({ field: `businessHours.days.${day}`, reason: `${from}–${to} must open before it closes` });
      else open++;
      const next = windows[i + 1];
      if (next && minutesOf(next[0]) < minutesOf(to)) {
        problems.push({ field: `businessHours.days.${day}`, reason: `${from}–${to} overlaps ${next[0]}–${next[1]}` });
      }
    });
  }
  if (open === 0 && problems.length === 0) problems.push({ field: 'businessHours.days', reason: 'must have at least one opening window' });
  return problems;
}

/** `minutes` of working time after `start`; around the clock when there are no business hours. */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours | null): Date {
  if (!hours) return new Date(start.getTime() + minutes * 60_000);
  const begin = DateTime.fromJSDate(start, { zone: hours.timezone });
  let remaining = minutes;
  let day = begin.startOf('day');
  for (let i = 0; i < MAX_DAYS; i++) {
    const windows = [...(hours.days[WEEKDAYS[day.weekday - 1]!] ?? [])].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    for (const [from, to] of windows) {
      const opens = at(day, from);
      const closes = at(day, to);
      const counting = opens < begin ? begin : opens;
      if (closes <= counting) continue;
      const available = closes.diff(counting, 'minutes').minutes;
      if (remaining <= available) return counting.plus({ minutes: remaining }).toJSDate();
      remaining -= available;
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  throw new Error('business hours have no opening window');
}
