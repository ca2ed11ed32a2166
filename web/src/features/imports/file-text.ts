/**
 * The text of an uploaded file. `File.text()` always reads UTF-8 and puts U+FFFD where bytes are
 * not UTF-8, so a CSV that Excel saved as "CSV (Comma delimited)" on Windows (Windows-1252) lost
 * every accent on import: José became Jos�. Here a byte-order mark decides the encoding (UTF-8 or
 * Excel's "Unicode Text", UTF-16); without one, text that is not valid UTF-8 is read as
 * Windows-1252, the encoding of such files in Western Europe and the Americas.
 */
function decoderFor(bytes: Uint8Array): { encoding: string; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return { encoding: 'utf-8', skip: 0 };
}

/** Windows-1252's characters at bytes 0x80-0x9F (undefined ones stay as they are). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 by hand: some runtimes' TextDecoder reads that label as ISO-8859-1, which lacks €, “ ” and the like. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return text;
}

export function decodeFileText(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  const { encoding, skip } = decoderFor(bytes);
  const body = bytes.subarray(skip);
  if (encoding !== 'utf-8' || skip > 0) return new TextDecoder(encoding).decode(body);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

export async function readFileText(file: Blob): Promise<string> {
  return decodeFileText(await file.arrayBuffer());
}
