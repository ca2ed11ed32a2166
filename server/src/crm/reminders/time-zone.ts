/**
 * Days in a member's time zone, from the IANA database built into Node (Intl), so "today" in
 * My day starts at local midnight, including on days when clocks change.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `name` is a time zone this server knows (IANA names such as Europe/Berlin, or UTC). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date ('YYYY-MM-DD') at `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const MINUTE_MS = 60_000;
/** Every UTC offset in use lies within ±14 hours. */
const WIDEST_OFFSET_MS = 15 * 3_600_000;

/**
 * The first instant of `date` in `timeZone`: usually local midnight, or the moment clocks jump
 * forward on days whose midnight does not exist. Found by bisecting on whole minutes (every offset
 * in use is a whole number of minutes), so no offset arithmetic can go wrong around a change.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let low = (utcMidnight - WIDEST_OFFSET_MS) / MINUTE_MS;
  let high = (utcMidnight + WIDEST_OFFSET_MS) / MINUTE_MS;
  // Invariant: the local date at `low` is before `date`, at `high` it is `date` or later.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localDate(new Date(middle * MINUTE_MS), timeZone) < date) low = middle;
    else high = middle;
  }
  return new Date(high * MINUTE_MS);
}
