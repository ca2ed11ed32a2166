/**
 * Turning source markup into the plain text search and NLP read. HTML goes through html-to-text
 * (built on htmlparser2, which never executes anything and tolerates any tag soup): it drops
 * script/style bodies, decodes entities and keeps the reading order of blocks and lists, which a
 * hand-written regex stripper gets wrong on real mail. Its limits stop hostile nesting from
 * exhausting the stack.
 */
import { decodeHTML } from 'entities';
import { compile } from 'html-to-text';
import { MAX_HTML, MAX_TEXT } from '../message.schema.js';
import { windows1252Byte } from './windows-1252.js';

/** html-to-text walks the tree recursively; 10,000 nested divs would overflow the stack without a bound. */
const MAX_DEPTH = 200;

const SKIPPED = ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'head', 'title', 'img', 'svg', 'video', 'audio'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const convert = compile({
  wordwrap: false,
  decodeEntities: true,
  limits: { maxInputLength: MAX_HTML, maxDepth: MAX_DEPTH, ellipsis: '' },
  selectors: [
    // Link targets are noise in a message's text (Mastodon wraps every mention in one); the URL stays in `html`.
    { selector: 'a', options: { ignoreHref: true } },
    ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
});

/** Plain text from HTML: never markup, never the body of a script. */
export function htmlToText(html: string): string {
  const input = html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html;
  try {
    return normaliseText(convert(input));
  } catch {
    return normaliseText(stripTags(input));
  }
}

/** Last resort when the converter gives up: drop elements whose content is code, then every tag. */
function stripTags(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(/<\/?(?:p|div|br|li|tr|h[1-6]|blockquote)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>?/g, ' '),
  );
}

/** Decodes HTML entities, named or numeric, including the legacy forms without a semicolon. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/** Markup rather than prose: a tag, or an entity that only makes sense in HTML. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i.test(text) || /&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});/i.test(text);
}

/** Text that may or may not be HTML (RSS descriptions are either) to plain text. */
export function anyToText(value: string): string {
  return looksLikeHtml(value) ? htmlToText(value) : normaliseText(value);
}

// Control characters other than tab and newline; they break terminals, JSON consumers and PostgreSQL (NUL).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const SPACES = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * One text form for all channels: NFC, LF line ends, no control characters, runs of spaces made
 * one, no trailing spaces, at most one blank line in a row, trimmed, capped at `MAX_TEXT`.
 */
export function normaliseText(text: string): string {
  const capped = text.length > MAX_TEXT * 2 ? text.slice(0, MAX_TEXT * 2) : text;
  const clean = capped
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(SPACES, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
  // Trimmed again after the cut, so normalising twice gives the same text.
  return truncate(clean, MAX_TEXT).trimEnd();
}

/** A one-line field (title, name): whitespace collapsed to single spaces. */
export function normaliseLine(text: string, max = 2_000): string {
  return truncate(normaliseText(text).replace(/\s+/g, ' '), max);
}

/** Cuts at a code-point boundary, so no lone surrogate reaches the database. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * UTF-8 read as Latin-1 or Windows-1252 ("cafÃ©", "donâ€™t") is the commonest wrong-charset damage:
 * a message labelled ISO-8859-1 by a client that wrote UTF-8. When every character maps back to one
 * byte, a UTF-8 lead byte is followed by a continuation byte, and the bytes re-read as valid UTF-8,
 * the re-read is what the author wrote. Anything else is left alone.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00C2-\u00F4]/.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  let pair = false;
  for (let i = 0; i < text.length; i++) {
    const byte = windows1252Byte(text[i]!);
    if (byte === undefined) return text;
    bytes[i] = byte;
    if (i > 0 && byte >= 0x80 && byte <= 0xbf && bytes[i - 1]! >= 0xc2 && bytes[i - 1]! <= 0xf4) pair = true;
  }
  if (!pair) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return text;
  }
}
