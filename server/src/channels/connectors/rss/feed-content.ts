/**
 * Reading values out of parsed feed elements. Plain elements arrive as strings (or as objects with
 * `#text` when they carry attributes) with entities still encoded; the content elements arrive as
 * raw inner markup, CDATA sections included, and are interpreted here by their declared `type`.
 */
import { anyToText, decodeEntities, htmlToText, normaliseLine, normaliseText, repairMojibake } from '../../parsing/text.js';
import { asArray, isNode, type XmlNode } from './feed-xml.js';

export interface Content {
  /** Markup as the feed gave it, when the content is HTML or XHTML. */
  html?: string;
  text: string;
}

/** The text of a plain element (first one, if repeated), entities decoded. */
export function textOf(value: unknown): string | undefined {
  for (const item of asArray(value)) {
    const raw = typeof item === 'string' ? item : isNode(item) && typeof item['#text'] === 'string' ? item['#text'] : undefined;
    if (raw === undefined) continue;
    const text = repairMojibake(decodeEntities(stripCdata(raw))).trim();
    if (text) return text;
  }
  return undefined;
}

export function attr(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const value = node[`@${name}`];
  return typeof value === 'string' && value.trim() ? decodeEntities(value.trim()) : undefined;
}

/** A title-like element: one line of plain text, whatever markup the feed put in it. */
export function lineOf(value: unknown): string | undefined {
  const content = contentOf(value);
  const line = content ? normaliseLine(content.text) : '';
  return line || undefined;
}

/**
 * A content element (Atom content/summary/title, RSS description, content:encoded) by its `type`:
 * "xhtml" is inline markup, "html" (or Atom 0.3 mode="escaped") is escaped markup, "text" is
 * text; RSS says nothing, so escaped or inline markup is recognised by sight.
 */
export function contentOf(value: unknown): Content | undefined {
  const item = asArray(value)[0];
  const raw = typeof item === 'string' ? item : isNode(item) && typeof item['#text'] === 'string' ? item['#text'] : undefined;
  if (raw === undefined || raw.trim() === '') return undefined;
  const type = (attr(item, 'type') ?? '').toLowerCase();
  const mode = (attr(item, 'mode') ?? '').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') {
    const html = unwrapXhtml(raw);
    return { html, text: htmlToText(html) };
  }
  if (mode === 'base64') return fromMarkup(decodeBase64(raw), type);
  return fromMarkup(repairMojibake(unescapeRaw(raw)), type);
}

function fromMarkup(markup: string, type: string): Content {
  if (type === 'text' || type === 'text/plain') return { text: normaliseText(markup) };
  if (type === 'html' || type === 'text/html' || type.endsWith('+xml') || looksLikeMarkup(markup)) {
    return { html: markup.trim(), text: htmlToText(markup) };
  }
  return { text: anyToText(markup) };
}

function looksLikeMarkup(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i.test(text);
}

/**
 * Raw inner XML to the string the author meant: CDATA sections are literal; outside them, escaped
 * markup ("&lt;p&gt;") is decoded, while inline tags (invalid in RSS, common anyway) are kept as they are.
 */
function unescapeRaw(raw: string): string {
  return splitCdata(raw)
    .map(({ text, cdata }) => (cdata || looksLikeMarkup(text) ? text : decodeEntities(text)))
    .join('');
}

function splitCdata(raw: string): { text: string; cdata: boolean }[] {
  const parts: { text: string; cdata: boolean }[] = [];
  let rest = raw;
  for (;;) {
    const start = rest.indexOf('<![CDATA[');
    if (start < 0) break;
    const end = rest.indexOf(']]>', start + 9);
    if (start > 0) parts.push({ text: rest.slice(0, start), cdata: false });
    parts.push({ text: rest.slice(start + 9, end < 0 ? undefined : end), cdata: true });
    if (end < 0) return parts;
    rest = rest.slice(end + 3);
  }
  if (rest) parts.push({ text: rest, cdata: false });
  return parts;
}

function stripCdata(raw: string): string {
  return raw.includes('<![CDATA[')
    ? splitCdata(raw)
        .map((p) => p.text)
        .join('')
    : raw;
}

/** Atom xhtml content is wrapped in one `<div xmlns=…>`; the content is what is inside it. */
function unwrapXhtml(raw: string): string {
  const markup = raw.trim().replace(/<(\/?)[A-Za-z][\w.-]*:/g, '<$1');
  const inner = /^<div\b[^>]*>([\s\S]*)<\/div>$/i.exec(markup)?.[1];
  // Only one wrapper: "<div>a</div><div>b</div>" is two divs, not one around "a</div><div>b".
  const balanced = inner !== undefined && count(inner, /<div\b/gi) === count(inner, /<\/div>/gi);
  return (balanced ? inner : markup).trim();
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function decodeBase64(raw: string): string {
  return Buffer.from(stripCdata(raw).replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** Every `node[name]` element that is an element (repeated elements arrive as arrays). */
export function nodesOf(node: XmlNode, name: string): XmlNode[] {
  return asArray(node[name]).filter(isNode);
}
