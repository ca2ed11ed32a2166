/**
 * Windows-1252, the charset of most mislabelled legacy text (browsers read "ISO-8859-1" and
 * unlabelled bytes as it). Node 20's TextDecoder treats the label as plain Latin-1 and turns the
 * typographic bytes 0x80–0x9F (’ “ ” – € …) into invisible C1 controls, so they are mapped here.
 */

/** Bytes 0x80–0x9F; the five undefined ones keep their Latin-1 (C1) meaning. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Labels that mean Windows-1252 on the web (WHATWG Encoding), whatever they say. */
const LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
  'cp819',
  'ibm819',
]);

export function isWindows1252Label(label: string): boolean {
  return LABELS.has(label.toLowerCase());
}

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8_192) {
    const chunk = bytes.subarray(start, start + 8_192);
    text += String.fromCharCode(...chunk.map((b) => b));
  }
  return text.replace(/[\u0080-\u009F]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * The byte a character came from when bytes were read as Windows-1252 or as plain Latin-1 (a C1
 * control is what Latin-1 makes of 0x80–0x9F), or undefined when no single byte gives it.
 */
export function windows1252Byte(char: string): number | undefined {
  const code = char.charCodeAt(0);
  if (code <= 0xff) return code;
  const high = HIGH.indexOf(char);
  return high >= 0 ? 0x80 + high : undefined;
}
