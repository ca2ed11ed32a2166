/**
 * Fields of contacts and companies that are one line of text: names, titles, labels, tags, address
 * lines. A line break or other control character stored in one comes back out inside a display
 * name, a list row, the duplicate queue and a CSV cell, so the API refuses it (free text such as
 * notes and text custom values may hold lines). Imports validate with the same schemas.
 */
import { Type, type TStringOptions } from 'typebox';

/**
 * No C0 or C1 control character (tab, CR and LF among them, DEL too) and no Unicode line or
 * paragraph separator. Written as ranges, not `\p{Cc}`, so it reads the same with or without the
 * `u` flag, in Ajv, TypeBox and any client of the OpenAPI document.
 */
const NOT_ONE_LINE = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029';
export const ONE_LINE_PATTERN = `^[^${NOT_ONE_LINE}]*$`;

export const ONE_LINE_REASON = 'must be one line of text, without line breaks, tabs or other control characters';

/** True when `text` may be stored in a single-line field. */
const oneLine = new RegExp(ONE_LINE_PATTERN);
export const isOneLine = (text: string): boolean => oneLine.test(text);

/** A string schema for a single-line field, refused with the reason in words. */
export function SingleLine(options: TStringOptions = {}) {
  return Type.String({ ...options, pattern: ONE_LINE_PATTERN, patternReason: ONE_LINE_REASON });
}

const wordBreaks = new RegExp(`[\\s${NOT_ONE_LINE}]+`);

/**
 * First and last name from a name a channel gives (a display name, a sender's name): its words,
 * split at spaces, line breaks and control characters alike, so what a contact is made from is
 * always one line. The last word is the last name.
 */
export function namePartsOf(name: string): { firstName: string; lastName: string } {
  const words = name.split(wordBreaks).filter(Boolean);
  if (words.length <= 1) return { firstName: (words[0] ?? '').slice(0, 200), lastName: '' };
  return { firstName: words.slice(0, -1).join(' ').slice(0, 200), lastName: words.at(-1)!.slice(0, 200) };
}
