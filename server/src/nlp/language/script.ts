// Writing-system detection: the first and cheapest step of language identification. Many scripts
// belong to one language (Hangul → Korean, Thai → Thai), so most non-Latin texts are decided here
// without any n-gram scoring; the others narrow the candidates to that script's languages.

import { WORD_LETTER } from '../text/char-tables.js';

export const SCRIPTS = [
  'none',
  'latin',
  'cyrillic',
  'greek',
  'armenian',
  'hebrew',
  'arabic',
  'devanagari',
  'bengali',
  'gurmukhi',
  'gujarati',
  'tamil',
  'telugu',
  'kannada',
  'malayalam',
  'sinhala',
  'thai',
  'lao',
  'myanmar',
  'georgian',
  'hangul',
  'ethiopic',
  'khmer',
  'kana',
  'han',
] as const;
export type Script = (typeof SCRIPTS)[number];

const BLOCKS: readonly [from: number, to: number, script: Script][] = [
  [0x0041, 0x024f, 'latin'],
  [0x1e00, 0x1eff, 'latin'],
  [0xff21, 0xff5a, 'latin'],
  [0x0370, 0x03ff, 'greek'],
  [0x1f00, 0x1fff, 'greek'],
  [0x0400, 0x052f, 'cyrillic'],
  [0x0530, 0x058f, 'armenian'],
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x08a0, 0x08ff, 'arabic'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x0980, 0x09ff, 'bengali'],
  [0x0a00, 0x0a7f, 'gurmukhi'],
  [0x0a80, 0x0aff, 'gujarati'],
  [0x0b80, 0x0bff, 'tamil'],
  [0x0c00, 0x0c7f, 'telugu'],
  [0x0c80, 0x0cff, 'kannada'],
  [0x0d00, 0x0d7f, 'malayalam'],
  [0x0d80, 0x0dff, 'sinhala'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x0e80, 0x0eff, 'lao'],
  [0x1000, 0x109f, 'myanmar'],
  [0x10a0, 0x10ff, 'georgian'],
  [0x1100, 0x11ff, 'hangul'],
  [0x3130, 0x318f, 'hangul'],
  [0xac00, 0xd7af, 'hangul'],
  [0x1200, 0x139f, 'ethiopic'],
  [0x1780, 0x17ff, 'khmer'],
  [0x3040, 0x30ff, 'kana'],
  [0x31f0, 0x31ff, 'kana'],
  [0xff66, 0xff9f, 'kana'],
  [0x3400, 0x4dbf, 'han'],
  [0x4e00, 0x9fff, 'han'],
  [0xf900, 0xfaff, 'han'],
];

/** Script index (into SCRIPTS) of each BMP letter; 0 for non-letters and unlisted scripts. */
export const SCRIPT_OF = new Uint8Array(0x10000);
for (const [from, to, script] of BLOCKS) {
  const index = SCRIPTS.indexOf(script);
  for (let code = from; code <= to; code++) if (WORD_LETTER[code] === 1) SCRIPT_OF[code] = index;
}

/** The one language written in a script of its own; scripts missing here need n-gram scoring. */
export const SINGLE_LANGUAGE_SCRIPTS: Partial<Record<Script, string>> = {
  greek: 'el',
  armenian: 'hy',
  hebrew: 'he',
  bengali: 'bn',
  gurmukhi: 'pa',
  gujarati: 'gu',
  tamil: 'ta',
  telugu: 'te',
  kannada: 'kn',
  malayalam: 'ml',
  sinhala: 'si',
  thai: 'th',
  lao: 'lo',
  myanmar: 'my',
  georgian: 'ka',
  hangul: 'ko',
  ethiopic: 'am',
  khmer: 'km',
  kana: 'ja',
  han: 'zh',
};

const SPACE = 0x20;
const AT = 0x40;
const SLASH = 0x2f;
// Local alias: see letter-stream.ts (loaders that turn imports into property reads).
const scriptOf = SCRIPT_OF;

/**
 * Counts the letters of each script among the first `maxChars` characters of `text` into `counts`
 * (indexed like SCRIPTS, zeroed first) and returns the number of letters counted.
 */
export function countScripts(text: string, maxChars: number, counts: Uint32Array): number {
  counts.fill(0);
  const end = Math.min(text.length, maxChars);
  let counted = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    // Every character is counted, non-letters under script 0, so that the loop takes no branch on
    // letter or not: one would be mispredicted at every word's edge.
    counts[scriptOf[code]!]! += 1;
    counted++;
    if (code === AT || code === SLASH) {
      // @mentions and the paths of links name things; they say nothing about the language.
      while (i < end && text.charCodeAt(i) > SPACE) i++;
    }
  }
  const letters = counted - counts[0]!;
  counts[0] = 0;
  return letters;
}
