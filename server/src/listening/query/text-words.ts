/**
 * What a word is, for both sides of matching: message text and query terms are cut with the same
 * rules so they agree. A word is a run of letters, digits and combining marks; each Han, hiragana
 * and katakana character is a word of its own (those scripts put no spaces between words).
 * Folding lower-cases and strips Latin, Greek and Cyrillic accents (café → cafe) so that queries
 * find posts typed without accents; it never strips the vowel signs of Indic or other scripts.
 */

const SEPARATOR = 1;
export const WORD = 2;
export const IDEOGRAPH = 3;
/** Set in what `classAt` returns when the character is a surrogate pair (two UTF-16 units). */
export const PAIR = 4;

/** Per-BMP-code-unit class, filled on first sight (0 = not classified yet). */
const classes = new Uint8Array(65_536);
/** The same for planes 1 and 2 (emoji, historic scripts, rare Han), which posts are full of. */
const ASTRAL_KEPT = 0x20000;
const astralClasses = new Uint8Array(ASTRAL_KEPT);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const IDEOGRAPH_CHAR = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u;

function classify(char: string): number {
  if (IDEOGRAPH_CHAR.test(char)) return IDEOGRAPH;
  return WORD_CHAR.test(char) ? WORD : SEPARATOR;
}

for (let code = 0; code < 128; code++) classes[code] = classify(String.fromCharCode(code));

/** The class of the character starting at `index`, with `PAIR` set when it takes two UTF-16 units. */
export function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const offset = ((code - 0xd800) << 10) + (low - 0xdc00);
      if (offset >= ASTRAL_KEPT) return classify(text.slice(index, index + 2)) | PAIR;
      let astral = astralClasses[offset]!;
      if (astral === 0) astralClasses[offset] = astral = classify(text.slice(index, index + 2));
      return astral | PAIR;
    }
  }
  let known = classes[code]!;
  if (known === 0) {
    known = classify(String.fromCharCode(code));
    classes[code] = known;
  }
  return known;
}

/**
 * Calls `visit(start, end)` for each word of `text[from, to)`, in order. With `wildcards`, `*` and
 * `?` count as word characters (query terms such as `colo?r` or `brand*`).
 */
export function forEachWord(
  text: string,
  visit: (start: number, end: number) => void,
  options: { from?: number; to?: number; wildcards?: boolean } = {},
): void {
  const to = options.to ?? text.length;
  let start = -1;
  let index = options.from ?? 0;
  while (index < to) {
    const code = text.charCodeAt(index);
    let kind: number;
    if (options.wildcards && (code === 42 || code === 63)) kind = WORD;
    else kind = code < 128 ? classes[code]! : classAt(text, index);
    const width = kind & PAIR ? 2 : 1;
    kind &= 3;
    if (kind === WORD) {
      if (start === -1) start = index;
    } else {
      if (start !== -1) visit(start, index);
      start = -1;
      if (kind === IDEOGRAPH) visit(index, index + width);
    }
    index += width;
  }
  if (start !== -1) visit(start, to);
}

/** The words of a short text (a query term), in order. */
export function splitWords(text: string, wildcards = false): string[] {
  const words: string[] = [];
  forEachWord(text, (start, end) => words.push(text.slice(start, end)), { wildcards });
  return words;
}

/** Whether a code unit is a word character in the ASCII range (used to find where a #tag or @handle starts). */
export function isAsciiWordChar(code: number): boolean {
  return code < 128 && classes[code] === WORD;
}

const COMBINING_ACCENTS = /[\u0300-\u036f]/g;
// eslint-disable-next-line no-control-regex
const NOT_ASCII = /[^\u0000-\u007f]/;

/**
 * Folded forms of the non-ASCII words seen lately: normalising costs far more than a look-up, and
 * the words of a language recur from post to post. Emptied when full, so memory stays bounded.
 * Only short words are kept: V8 makes a longer slice a view into the whole text, which a cached
 * key would keep alive.
 */
const accentedFolds = new Map<string, string>();
const ACCENTED_FOLDS_KEPT = 8_192;
const CACHED_WORD_LENGTH = 12;

/** Lower case without Latin/Greek/Cyrillic accents: the form words are compared in unless `{Exact}`. */
export function foldWord(word: string): string {
  // Most words of most posts are already lower-case ASCII: return them as they are, without a copy.
  let plain = true;
  for (let i = 0; i < word.length && plain; i++) {
    const code = word.charCodeAt(i);
    plain = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  }
  if (plain) return word;
  const lower = word.toLowerCase();
  return NOT_ASCII.test(lower) ? foldAccentedWord(word) : lower;
}

/** `foldWord` for a word that holds characters outside ASCII. */
export function foldAccentedWord(word: string): string {
  if (word.length > CACHED_WORD_LENGTH) return withoutAccents(word);
  let folded = accentedFolds.get(word);
  if (folded === undefined) {
    if (accentedFolds.size >= ACCENTED_FOLDS_KEPT) accentedFolds.clear();
    folded = withoutAccents(word);
    accentedFolds.set(word, folded);
  }
  return folded;
}

function withoutAccents(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(COMBINING_ACCENTS, '').normalize('NFC');
}
