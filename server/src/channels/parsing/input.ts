/**
 * From what a caller hands a parser (text, bytes or already-parsed JSON) to text the parser can
 * read, with the size limit applied first so a hostile file costs nothing more to refuse.
 */
import type { ParseOptions } from './parse-result.js';
import { decodeWindows1252, isWindows1252Label } from './windows-1252.js';

export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

export function isBytes(input: unknown): input is Uint8Array {
  return input instanceof Uint8Array;
}

/** Bytes (or UTF-16 code units for a string, an upper bound on nothing but a fair measure) over the limit. */
export function tooLarge(input: string | Uint8Array, options: ParseOptions | undefined): string | null {
  const limit = options?.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  return size > limit ? `input is ${size} bytes, more than the limit of ${limit}` : null;
}

/** JSON is UTF-8 by definition (RFC 8259); a UTF-16 file announces itself with a BOM. Bad bytes become U+FFFD. */
export function decodeUtf8(input: string | Uint8Array): string {
  if (typeof input === 'string') return stripBom(input);
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input.subarray(2));
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input.subarray(2));
  return stripBom(new TextDecoder('utf-8').decode(input));
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The charset of an XML document: a BOM wins; then bytes that are valid UTF-8 are UTF-8 whatever the
 * declaration says (a Latin-1 declaration on UTF-8 bytes is the common lie, and Latin-1 text is
 * almost never valid UTF-8 by accident); then the declared encoding, if the platform knows it; then
 * Windows-1252, which reads any byte and is what browsers assume for unlabelled legacy text.
 */
export function decodeXml(input: string | Uint8Array): string {
  if (typeof input === 'string') return stripBom(input);
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) return new TextDecoder('utf-8').decode(input.subarray(3));
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input.subarray(2));
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input.subarray(2));
  const declared = declaredEncoding(input);
  if (declared && /^utf-?16/i.test(declared)) {
    // No BOM: the byte order shows in where the NULs of "<?" fall.
    const order = input[0] === 0 ? 'utf-16be' : 'utf-16le';
    if (input[0] === 0 || input[1] === 0) return new TextDecoder(order).decode(input);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    // Not UTF-8: fall through to what the document claims.
  }
  if (declared && !/^utf-?8$/i.test(declared) && !isWindows1252Label(declared)) {
    try {
      return new TextDecoder(declared).decode(input);
    } catch {
      // An encoding name the platform does not know.
    }
  }
  return decodeWindows1252(input);
}

function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/\0/g, '');
  const match = /<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}
