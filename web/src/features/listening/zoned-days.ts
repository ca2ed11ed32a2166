/**
 * Days and weeks as the analytics API counts them in a time zone: from local midnight (weeks from
 * Monday), so the quiet days the volume chart adds between the API's are the same days. Read from
 * the wall clock Intl gives for the zone, so a day of 23 or 25 hours (clocks changing) stays a day.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Time since local midnight at `time`, and the weekday (Monday 0). */
function wallClock(time: number, timeZone: string): { sinceMidnight: number; weekday: number } {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    clocks.set(timeZone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(new Date(time)).map((part) => [part.type, part.value]));
  const sinceMidnight =
    ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + (((time % 1000) + 1000) % 1000);
  return { sinceMidnight, weekday: WEEKDAYS.indexOf(parts.weekday ?? '') };
}

/** The local midnight that starts the day holding `time` in `timeZone`. */
export function startOfDayIn(time: number, timeZone: string): number {
  const start = time - wallClock(time, timeZone).sinceMidnight;
  // Clocks changed between midnight and `time`: `start` is that change off midnight, either way.
  const off = wallClock(start, timeZone).sinceMidnight;
  return off === 0 ? start : start - (off > DAY / 2 ? off - DAY : off);
}

/** The local midnight starting the Monday of the week holding `time`. */
export function startOfWeekIn(time: number, timeZone: string): number {
  const day = startOfDayIn(time, timeZone);
  // From the middle of the day, whole days back land inside the Monday whatever the clocks did.
  return startOfDayIn(day + DAY / 2 - wallClock(day, timeZone).weekday * DAY, timeZone);
}

/** The start of the day or week after the one starting at `start`. */
export function nextStartIn(start: number, interval: 'day' | 'week', timeZone: string): number {
  return startOfDayIn(start + (interval === 'day' ? DAY : 7 * DAY) + DAY / 2, timeZone);
}
