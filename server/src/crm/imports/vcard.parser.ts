/**
 * A tolerant reader of vCard 2.1 (vCard 2.1 spec), 3.0 (RFC 2426) and 4.0 (RFC 6350) files. It
 * only turns text into properties — unfolding, groups, parameters, quoted-printable with its
 * charset, escapes — and leaves their meaning to `vcard.contact.ts`. Written here rather than
 * taken from npm because the maintained parsers either reject 2.1 files or do not decode
 * quoted-printable, and real exports (Outlook, phones, XING) still use both.
 */

export interface VCardProperty {
  /** `item1` in `item1.EMAIL`: Apple and Google tie a label (X-ABLabel) to a property this way. */
  group: string | null;
  /** Upper-cased: EMAIL, TEL, X-SOCIALPROFILE. */
  name: string;
  /** Upper-cased parameter names; values unquoted, TYPE lists split on commas. */
  params: Record<string, string[]>;
  /** The raw value: escapes left in place, so structured values can still be split on `;`. */
  value: string;
}

export interface VCard {
  /** 1-based position of the card in the file, used to name it in reports. */
  index: number;
  version: string | null;
  properties: VCardProperty[];
}

/**
 * Joins folded lines. 3.0/4.0 fold with CRLF + one space or tab; 2.1 quoted-printable values
 * instead end a line with a soft break `=` and continue on the next line without indentation.
 */
export function unfold(text: string): string[] {
  const physical = text.split(/\r\n|\r|\n/);
  const lines: string[] = [];
  let quotedPrintable = false;
  for (const line of physical) {
    const previous = lines.length - 1;
    if (previous >= 0 && (line.startsWith(' ') || line.startsWith('\t'))) {
      lines[previous] += line.slice(1);
      continue;
    }
    if (previous >= 0 && quotedPrintable && lines[previous]!.endsWith('=')) {
      lines[previous] = lines[previous]!.slice(0, -1) + line;
      continue;
    }
    lines.push(line);
    quotedPrintable = /;(ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(line.slice(0, nameEnd(line) + 1));
  }
  return lines;
}

/** Index of the colon ending the name and parameters (colons inside quoted values do not count). */
function nameEnd(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return i;
  }
  return -1;
}

/** RFC 6868 caret escapes in parameter values: ^n newline, ^' double quote, ^^ caret. */
function decodeParamValue(value: string): string {
  const unquoted = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  return unquoted.replace(/\^(n|N|'|\^)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c === "'" ? '"' : '^'));
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === sep && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

export function parseProperty(line: string): VCardProperty | null {
  const end = nameEnd(line);
  if (end <= 0) return null;
  const [head = '', ...rawParams] = splitOutsideQuotes(line.slice(0, end), ';');
  const dot = head.lastIndexOf('.');
  const group = dot > 0 ? head.slice(0, dot) : null;
  const name = head
    .slice(dot + 1)
    .trim()
    .toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params: Record<string, string[]> = {};
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    // vCard 2.1 allows bare parameters: `TEL;WORK;VOICE:` means TYPE=WORK,VOICE, `;QUOTED-PRINTABLE` an encoding.
    const key = (eq === -1 ? bareParamName(raw) : raw.slice(0, eq)).trim().toUpperCase();
    const values = eq === -1 ? [raw.trim()] : splitOutsideQuotes(raw.slice(eq + 1), ',').map(decodeParamValue);
    if (!key) continue;
    // TYPE="work,voice" (quoted, as 4.0 writers do) is the same list as TYPE=work,voice.
    const list = key === 'TYPE' ? values.flatMap((v) => v.split(',')) : values;
    (params[key] ??= []).push(...list.map((v) => v.trim()).filter(Boolean));
  }
  return { group, name, params, value: line.slice(end + 1) };
}

function bareParamName(value: string): string {
  const upper = value.trim().toUpperCase();
  if (['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT'].includes(upper)) return 'ENCODING';
  return 'TYPE';
}

/** Decodes quoted-printable bytes with the property's charset (UTF-8 when none is named). */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (char === '=' && i === value.length - 1) {
      // A trailing soft line break.
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.toLowerCase());
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(Uint8Array.from(bytes));
}

/** Undoes text escapes (\n, \, \; \\) once a value has been split into its components. */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value (N, ADR, ORG) on unescaped `sep`, unescaping each part. */
export function splitValue(value: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\' && i + 1 < value.length) {
      current += char + value[i + 1];
      i++;
    } else if (char === sep) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map(unescapeText);
}

/** Returns the property with quoted-printable decoded, so later steps see plain text. */
function decoded(property: VCardProperty): VCardProperty {
  const encoding = property.params.ENCODING?.[0]?.toUpperCase();
  if (encoding !== 'QUOTED-PRINTABLE') return property;
  return { ...property, value: decodeQuotedPrintable(property.value, property.params.CHARSET?.[0]) };
}

/**
 * Reads every card in `text`. Lines that are not properties are skipped (real files carry stray
 * blank lines and base64 photo bodies); a card with no END at the end of the file still counts.
 * Nested cards (2.1 AGENT) are skipped whole.
 */
export function parseVCards(text: string): VCard[] {
  const cards: VCard[] = [];
  let current: VCard | null = null;
  let nested = 0;
  for (const line of unfold(text)) {
    if (!line.trim()) continue;
    const property = parseProperty(line);
    if (!property) continue;
    const value = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      if (current) nested++;
      else current = { index: cards.length + 1, version: null, properties: [] };
      continue;
    }
    if (property.name === 'END' && value === 'VCARD') {
      if (nested > 0) nested--;
      else if (current) {
        cards.push(current);
        current = null;
      }
      continue;
    }
    if (!current || nested > 0) continue;
    if (property.name === 'VERSION') current.version = property.value.trim();
    else current.properties.push(decoded(property));
  }
  if (current) cards.push(current);
  return cards;
}
