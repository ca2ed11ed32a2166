/**
 * American Soundex of a folded name: a short code that spelling variants ("smith", "smyth") share.
 * Used for blocking keys and as a weak agreement level; digits and spaces are ignored.
 */

// prettier-ignore
const CODES: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

export function soundex(folded: string): string | null {
  const letters = folded.replace(/[^a-z]/g, '');
  if (letters.length === 0) return null;
  let code = letters.charAt(0);
  let previous = CODES[code] ?? '';
  for (let index = 1; index < letters.length && code.length < 4; index++) {
    const char = letters.charAt(index);
    const digit = CODES[char] ?? '';
    if (digit !== '' && digit !== previous) code += digit;
    // "h" and "w" do not separate two letters with the same code; vowels do.
    if (char !== 'h' && char !== 'w') previous = digit;
  }
  return code.padEnd(4, '0');
}
