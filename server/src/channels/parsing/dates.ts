/**
 * Dates as channels write them: RFC 822/2822 (RSS, e-mail, with the zone names and two-digit years
 * real feeds still use), ISO 8601 / RFC 3339 / W3CDTF (Atom, APIs), asctime (mbox "From " lines)
 * and Unix epochs. Hand-written rather than `Date.parse`, whose fallback guesses at junk
 * ("1" is a date to V8) and reads zone-less strings in the machine's local time: a parser must give
 * the same answer on every machine. Anything else is "no date", never a guess.
 */

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** Zone names seen in the wild, in minutes east of UTC. RFC 2822 reads military letters as unknown, i.e. UTC. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  bst: 60,
  cet: 60,
  met: 60,
  west: 60,
  cest: 120,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

/** Dates outside this window are errors in the source (a zero timestamp in seconds read as ms, year 20xx typos). */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;
const RFC822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:([+-]\d{2}:?\d{2})|([a-z]{1,5}))?\s*(?:\(.*\))?$/i;
/** "Tue May 10 11:28:07 2005", as mbox separators and ctime() write it. */
const ASCTIME = /^(?:[a-z]{3}\s+)?([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([a-z]{1,5}|[+-]\d{4})\s+)?(\d{4})$/i;

export function parseDate(value: unknown): Date | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 100) return undefined;
  if (/^\d{9,16}(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  return parseIso(text) ?? parseRfc822(text) ?? parseAsctime(text);
}

/** Seconds or milliseconds since the epoch, told apart by size (ms passed 1e11 in 1973). */
export function fromEpoch(value: number): Date | undefined {
  if (!Number.isFinite(value)) return undefined;
  return checked(Math.abs(value) >= 1e11 ? value : value * 1000);
}

export function fromEpochMillis(value: unknown): Date | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? checked(value) : undefined;
}

export function fromEpochSeconds(value: unknown): Date | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? checked(value * 1000) : undefined;
}

function parseIso(text: string): Date | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const millis = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return build(
    Number(y),
    mo ? Number(mo) - 1 : 0,
    d ? Number(d) : 1,
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
    millis,
    offsetOf(zone),
  );
}

function parseRfc822(text: string): Date | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const [, d, monthName, y, h, mi, s, numericZone, namedZone] = m;
  const month = MONTHS[monthName!.slice(0, 3).toLowerCase()];
  if (month === undefined) return undefined;
  return build(fullYear(y!), month, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), 0, offsetOf(numericZone ?? namedZone));
}

function parseAsctime(text: string): Date | undefined {
  const m = ASCTIME.exec(text);
  if (!m) return undefined;
  const [, monthName, d, h, mi, s, zone, y] = m;
  const month = MONTHS[monthName!.toLowerCase()];
  if (month === undefined) return undefined;
  return build(Number(y), month, Number(d), Number(h), Number(mi), Number(s ?? 0), 0, offsetOf(zone));
}

/** RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx; three digits add 1900. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

/** Minutes east of UTC; a missing or unknown zone is UTC rather than the machine's zone. */
function offsetOf(zone: string | undefined): number {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone.toLowerCase()] ?? 0;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): Date | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  // A leap second (":60") is the last second of its minute for our purposes.
  const time = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), millis);
  // Date.UTC rolls 31 February over into March; such a date is wrong, not March.
  if (new Date(time).getUTCDate() !== day && hour < 24) return undefined;
  return checked(time - offsetMinutes * 60_000);
}

function checked(time: number): Date | undefined {
  if (!Number.isFinite(time) || time < EARLIEST || time >= LATEST) return undefined;
  return new Date(time);
}
