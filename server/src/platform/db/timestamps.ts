/**
 * `timestamptz` text as PostgreSQL writes it (DateStyle ISO: `2024-10-14 01:38:53.332+00`, the
 * offset `±HH[:MM[:SS]]` of the session's time zone) read by position. The pg driver's parser runs
 * three regular expressions per value; a page of contacts holds a hundred timestamps, and reading
 * them was a tenth of the server's time serving contact lists. Anything else (BC, infinity, years
 * after 9999) goes to `fallback`. Years 1-99 are read here too: PGlite's own parser turns them into
 * 2001 or an invalid date.
 */
const ZERO = 48;
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function timestamptzParser<T>(fallback: (text: string) => T): (text: string) => Date | T {
  return (text) => {
    const length = text.length;
    if (length < 22 || text[4] !== '-' || text[7] !== '-' || text[10] !== ' ' || text[13] !== ':' || text[16] !== ':')
      return fallback(text);
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return fallback(text);
    let at = 19;
    let millis = 0;
    if (text[at] === '.') {
      // Milliseconds from the first three digits; finer digits are dropped, as Date keeps none.
      let scale = 100;
      for (at++; at < length; at++, scale /= 10) {
        const digit = text.charCodeAt(at) - ZERO;
        if (digit < 0 || digit > 9) break;
        if (scale >= 1) millis += digit * scale;
      }
    }
    const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
    const hours = digits(text, at + 1, 2);
    if (sign === 0 || hours < 0) return fallback(text);
    let offset = hours * 3600;
    at += 3;
    for (let unit = 60; unit >= 1 && text[at] === ':'; unit /= 60) {
      const part = digits(text, at + 1, 2);
      if (part < 0) return fallback(text);
      offset += part * unit;
      at += 3;
    }
    if (at !== length) return fallback(text);
    // Date.UTC reads years 0-99 as 1900-1999; four hundred years later the calendar repeats exactly.
    const early = year < 100;
    const utc = early
      ? Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES_MS
      : Date.UTC(year, month - 1, day, hour, minute, second, millis);
    return new Date(utc - sign * offset * 1000);
  };
}
