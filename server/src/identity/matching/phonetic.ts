/**
 * American Soundex of a folded name: a short code that spelling variants ("smith", "smyth") share.
 * Used for blocking keys and as a weak agreement level; digits and spaces are ignored.
 */

// prettier-ignore
const CODES: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

const A = 97;
const Z = 122;
const H = 104;
const W = 119;
const ZERO = 48;
/** The digit of each letter a–z as a character code, 0 for letters without one (vowels, h, w, y). */
const DIGITS = Array.from({ length: Z - A + 1 }, (_, offset) => CODES[String.fromCharCode(A + offset)]?.charCodeAt(0) ?? 0);

/** Reads character codes and writes the code once: it runs twice for every person normalised. */
export function soundex(folded: string): string | null {
  let first = 0;
  let previous = 0;
  const digits = [ZERO, ZERO, ZERO];
  let count = 0;
  for (let index = 0; index < folded.length && count < digits.length; index++) {
    const char = folded.charCodeAt(index);
    if (char < A || char > Z) continue;
    const digit = DIGITS[char - A]!;
    if (first === 0) {
      first = char;
      previous = digit;
      continue;
    }
    if (digit !== 0 && digit !== previous) digits[count++] = digit;
    // "h" and "w" do not separate two letters with the same code; vowels do.
    if (char !== H && char !== W) previous = digit;
  }
  return first === 0 ? null : String.fromCharCode(first, digits[0]!, digits[1]!, digits[2]!);
}
