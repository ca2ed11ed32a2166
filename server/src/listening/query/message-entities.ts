/**
 * Finds the `#tags` and `@handles` written in a message's text. They are looked for from each `#`
 * or `@` outwards instead of by a regular expression over the whole text, which cost more than
 * cutting the text into words. The rules are those of these expressions (the tests hold the two
 * side by side on random text):
 *
 *   hashtag  (?:^|[^\p{L}\p{N}\p{M}_&])#([\p{L}\p{N}\p{M}_]+)
 *   mention  (?:^|[^\p{L}\p{N}\p{M}_.@-])@([\p{L}\p{N}\p{M}_.-]+(?:@[\p{L}\p{N}\p{M}_.-]+)?)
 *
 * so `&#39;` is no hashtag and `bob@example.com` no mention.
 */
import { classAt, IDEOGRAPH, isAsciiWordChar, PAIR, WORD } from './text-words.js';

const AT = 64;
const AMPERSAND = 38;
const UNDERSCORE = 95;
const DOT = 46;
const HYPHEN = 45;

/** How many UTF-16 units the letter, digit or mark at `index` takes, 0 if it is none. */
function wordCharWidth(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return isAsciiWordChar(code) ? 1 : 0;
  const found = classAt(text, index);
  const kind = found & 3;
  if (kind !== WORD && kind !== IDEOGRAPH) return 0;
  return found & PAIR ? 2 : 1;
}

/** Whether the character just before `index` (a whole surrogate pair if it ends one) is a letter, digit or mark. */
function followsWordChar(text: string, index: number): boolean {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return wordCharWidth(text, index - 2) === 2;
  }
  return wordCharWidth(text, index - 1) === 1;
}

/** Where the run of tag characters (letters, digits, marks, `_`, and with `handle` also `.` and `-`) from `index` ends. */
function runEnd(text: string, index: number, handle: boolean): number {
  let end = index;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === UNDERSCORE || (handle && (code === DOT || code === HYPHEN))) end++;
    else {
      const width = wordCharWidth(text, end);
      if (width === 0) break;
      end += width;
    }
  }
  return end;
}

/** Adds the hashtags of the text, without their `#`, to `found` (at most `limit` of them). */
export function hashtagsInText(text: string, found: string[], limit: number): void {
  let from = 0;
  for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', from)) {
    from = at + 1;
    if (at > 0) {
      const before = text.charCodeAt(at - 1);
      if (before === UNDERSCORE || before === AMPERSAND || followsWordChar(text, at)) continue;
    }
    const end = runEnd(text, at + 1, false);
    if (end === at + 1) continue;
    if (found.length >= limit) return;
    found.push(text.slice(at + 1, end));
    from = end;
  }
}

/** Adds the mentions of the text, without their leading `@`, to `found` (at most `limit` of them). */
export function mentionsInText(text: string, found: string[], limit: number): void {
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', from)) {
    from = at + 1;
    if (at > 0) {
      const before = text.charCodeAt(at - 1);
      if (before === UNDERSCORE || before === DOT || before === AT || before === HYPHEN || followsWordChar(text, at)) continue;
    }
    let end = runEnd(text, at + 1, true);
    if (end === at + 1) continue;
    if (text.charCodeAt(end) === AT) {
      const server = runEnd(text, end + 1, true);
      if (server > end + 1) end = server;
    }
    if (found.length >= limit) return;
    found.push(text.slice(at + 1, end));
    from = end;
  }
}
