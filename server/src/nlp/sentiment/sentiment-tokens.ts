/**
 * Splits a message into the units the sentiment scorer weighs: words (outer punctuation removed,
 * case ignored), emoticons kept whole (":-(", "<3"), and each emoji on its own even when glued to a
 * word ("great😍"). One pass over the characters, looking words up in place without copying them,
 * so it stays linear and fast on any input.
 */
import {
  CONTRACTED_NEGATOR,
  emojiWord,
  emoticonMarks,
  findEmoticon,
  findHashedWord,
  phraseWord,
  UNKNOWN_WORD,
  unstretchedWord,
  type WordInfo,
} from './vocabulary.js';
import { FOLDED_HASH_START, foldedHash, foldedHashStep } from './word-table.js';

/** A token's flags: written in capitals ("GREAT"), emphasis only when the message also has lower case. */
export const SHOUTED = 1;
/** Punctuation after it closes a clause, so negation and intensifiers do not reach past it. */
export const CLOSES_CLAUSE = 2;
/** Stretched ("goooood"), which the writer meant as emphasis. */
export const ELONGATED = 4;
/** A word the lexicon does not know, written with a capital or as an @handle: a name ("Acme", "@globex"). */
export const NAME = 8;

/**
 * The tokens of a message as two parallel lists, `words[i]` and `flags[i]` for i below `count`:
 * a token is a word and three flags, and an object per token made most of the scorer's garbage.
 * Unknown words only hold a place (they count in the reach of "not") as UNKNOWN_WORD.
 */
export interface TokenisedMessage {
  readonly words: readonly WordInfo[];
  readonly flags: Uint8Array;
  readonly count: number;
  readonly exclamationMarks: number;
  readonly questionMarks: number;
  /** Capitals only stand out against lower case: "THIS IS GREAT" is shouting throughout, so no word is stressed. */
  readonly hasMixedCase: boolean;
}

/** Emoticons are at most this long, so longer chunks are not looked up as written. */
const MAX_EMOTICON_LENGTH = 8;
const CURLY_APOSTROPHE = 0x2019;
const APOSTROPHE = 0x27;
// Local alias: a loader that turns imports into property reads would pay a lookup per character.
const hashStep = foldedHashStep;

function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x2028;
}

/** Emoji and pictographs, which read as a word of their own wherever they are written. */
function isPictograph(codePoint: number): boolean {
  return (
    (codePoint >= 0x1f000 && codePoint <= 0x1faff) ||
    (codePoint >= 0x2600 && codePoint <= 0x27bf) ||
    (codePoint >= 0x2b00 && codePoint <= 0x2bff) ||
    codePoint === 0x2122 ||
    codePoint === 0x2139 ||
    (codePoint >= 0x2194 && codePoint <= 0x21aa) ||
    (codePoint >= 0x231a && codePoint <= 0x23ff)
  );
}

/** Joiners, variation selectors and skin tones change how an emoji looks, not what it says. */
function isEmojiModifier(codePoint: number): boolean {
  return (
    codePoint === 0x200d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  );
}

function isWordCharacter(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  }
  return true;
}

function closesClause(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f;
}

/** "didn't", "isn’t": the chunk `text[start, end)` ends in a negating contraction. */
function endsInNot(text: string, start: number, end: number): boolean {
  if (end - start < 4) return false;
  const apostrophe = text.charCodeAt(end - 2);
  return (
    (text.charCodeAt(end - 1) | 0x20) === 0x74 &&
    (apostrophe === 0x27 || apostrophe === 0x2019) &&
    (text.charCodeAt(end - 3) | 0x20) === 0x6e
  );
}

function hasEmoticonMark(text: string, start: number, end: number): boolean {
  const marks = emoticonMarks;
  for (let index = start; index < end; index++) if (marks[text.charCodeAt(index)] === 1) return true;
  return false;
}

/** Three equal characters in a row: a stretched word ("soooo") to shorten before looking it up again. */
function hasRunOfThree(text: string, start: number, end: number): boolean {
  for (let index = start + 2; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === text.charCodeAt(index - 1) && code === text.charCodeAt(index - 2)) return true;
  }
  return false;
}

/** Has capitals and no lower-case letter ("GREAT", "WTF!"). */
function isShouted(text: string, start: number, end: number): boolean {
  let upper = false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x41 && code <= 0x5a) upper = true;
  }
  return upper;
}

/**
 * One tokeniser serves every message: scoring is synchronous, so no two calls overlap, and its lists
 * keep their room from one message to the next. Entries past `count` are left over from earlier
 * messages and never read.
 */
class Tokeniser implements TokenisedMessage {
  readonly words: WordInfo[] = [];
  flags = new Uint8Array(64);
  count = 0;
  exclamationMarks = 0;
  questionMarks = 0;
  hasMixedCase = false;
  private text = '';
  private singleLetters = 0;

  /** Tokenises `text` into this tokeniser's lists, at most `maxTokens` tokens. */
  run(text: string, maxTokens: number): void {
    this.text = text;
    this.count = 0;
    this.singleLetters = 0;
    if (this.flags.length < maxTokens) this.flags = new Uint8Array(maxTokens);
    // Counted in locals and stored once at the end: a field write per character costs more than the rest of the loop.
    let hasLower = false;
    let hasUpper = false;
    let exclamationMarks = 0;
    let questionMarks = 0;
    let start = -1;
    let plain = true;
    // While a chunk is read, its hash for the word table and whether it has three equal units in a
    // row ("soooo") are kept, so a chunk looked up whole is not read a second time.
    let hash = FOLDED_HASH_START;
    let stretched = false;
    let previous = -1;
    let beforePrevious = -1;
    // Tokens are only added at a chunk's end or an emoji, so the token cap is checked there, not per character.
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x80) {
        let folded = code;
        if (code >= 0x61 && code <= 0x7a) hasLower = true;
        else if (code >= 0x41 && code <= 0x5a) {
          hasUpper = true;
          folded = code + 0x20;
        } else if (code <= 0x20) {
          if (start >= 0) {
            this.addChunk(start, index, plain, hash, stretched);
            if (this.count >= maxTokens) break;
          }
          start = -1;
          plain = true;
          continue;
        } else if (code > 0x39 || code < 0x30) {
          plain = false;
          if (code === 0x21) exclamationMarks++;
          else if (code === 0x3f) questionMarks++;
        }
        if (start < 0) {
          start = index;
          hash = FOLDED_HASH_START;
          stretched = false;
          previous = -1;
        }
        hash = hashStep(hash, folded);
        if (code === previous && code === beforePrevious) stretched = true;
        beforePrevious = previous;
        previous = code;
        continue;
      }
      if (isSpace(code)) {
        if (start >= 0) {
          this.addChunk(start, index, plain, hash, stretched);
          if (this.count >= maxTokens) break;
        }
        start = -1;
        plain = true;
        continue;
      }
      const codePoint = code >= 0xd800 && code <= 0xdbff ? (text.codePointAt(index) ?? code) : code;
      const width = codePoint > 0xffff ? 2 : 1;
      if (isPictograph(codePoint) || isEmojiModifier(codePoint)) {
        if (start >= 0) this.addChunk(start, index, plain, hash, stretched);
        start = -1;
        plain = true;
        if (!isEmojiModifier(codePoint)) this.push(emojiWord(codePoint), 0);
        if (this.count >= maxTokens) break;
      } else {
        if (start < 0) {
          start = index;
          hash = FOLDED_HASH_START;
          stretched = false;
          previous = -1;
        }
        if (code === CURLY_APOSTROPHE) {
          plain = false;
          hash = hashStep(hash, APOSTROPHE);
        } else {
          hash = hashStep(hash, code);
        }
        if (code === previous && code === beforePrevious) stretched = true;
        beforePrevious = previous;
        previous = code;
        if (width === 2) {
          const low = text.charCodeAt(index + 1);
          hash = hashStep(hash, low);
          if (low === previous && low === beforePrevious) stretched = true;
          beforePrevious = previous;
          previous = low;
        }
      }
      index += width - 1;
    }
    if (start >= 0 && this.count < maxTokens) this.addChunk(start, text.length, plain, hash, stretched);
    this.hasMixedCase = hasLower && hasUpper;
    this.exclamationMarks = exclamationMarks;
    this.questionMarks = questionMarks;
    this.dropSingleLetters();
  }

  /**
   * Lone letters ("a", "I", "x") carry nothing, and leaving them in would shorten the reach of "not"
   * and "very". They are taken out after the phrases are joined ("a bit"), moving the others up.
   */
  private dropSingleLetters(): void {
    if (this.singleLetters === 0) return;
    const { words, flags } = this;
    let kept = 0;
    for (let token = 0; token < this.count; token++) {
      const word = words[token]!;
      if (word.text.length !== 1 || word.isEmoji) {
        words[kept] = word;
        flags[kept++] = flags[token]!;
      } else if ((flags[token]! & CLOSES_CLAUSE) !== 0) this.endClauseAt(kept - 1);
    }
    this.count = kept;
  }

  /**
   * `plain` when the chunk has only letters and digits, so it cannot be an emoticon or carry
   * punctuation; `hash` and `stretched` describe the whole chunk, as `run` read it.
   */
  private addChunk(start: number, end: number, plain: boolean, hash: number, stretched: boolean): void {
    const { text } = this;
    if (!plain && end - start <= MAX_EMOTICON_LENGTH && hasEmoticonMark(text, start, end)) {
      const emoticon = findEmoticon(text, start, end);
      if (emoticon) {
        this.push(emoticon, 0);
        return;
      }
    }
    let first = start;
    let last = end;
    if (!plain) {
      while (first < last && !isWordCharacter(text.charCodeAt(first))) first++;
      while (last > first && !isWordCharacter(text.charCodeAt(last - 1))) last--;
    }
    const clauseEnd = last < end && closesClause(text.charCodeAt(last));
    if (first === last) {
      if (clauseEnd) this.endClauseAt(this.count - 1);
      return;
    }
    if (first === start && last === end) this.addWord(first, last, clauseEnd, hash, stretched);
    // A stretch in the punctuation cut off ("good!!!") does not count, but none in the chunk means none in the word.
    else this.addWord(first, last, clauseEnd, foldedHash(text, first, last), stretched && hasRunOfThree(text, first, last));
  }

  /** `hash` is the word's `foldedHash`; `stretched` whether it has three equal units in a row. */
  private addWord(start: number, end: number, clauseEnd: boolean, hash: number, stretched: boolean): void {
    const { text } = this;
    let word = findHashedWord(text, start, end, hash);
    let elongated = false;
    if (!word && stretched) {
      word = unstretchedWord(text.slice(start, end).toLowerCase());
      elongated = word !== undefined && word.valence !== 0;
    }
    if (!word && endsInNot(text, start, end)) word = CONTRACTED_NEGATOR;
    const clauseFlag = clauseEnd ? CLOSES_CLAUSE : 0;
    if (!word) {
      const first = text.charCodeAt(start);
      const named = (first >= 0x41 && first <= 0x5a) || (start > 0 && text.charCodeAt(start - 1) === 0x40);
      if (end - start > 1) this.push(UNKNOWN_WORD, clauseFlag | (named ? NAME : 0));
      return;
    }
    const shouted = word.text.length > 1 && isShouted(text, start, end);
    this.push(word, (shouted ? SHOUTED : 0) | clauseFlag | (elongated ? ELONGATED : 0));
  }

  private push(word: WordInfo, flags: number): void {
    const last = this.count - 1;
    if (last >= 0 && this.words[last]!.startsPhrase && (this.flags[last]! & CLOSES_CLAUSE) === 0) {
      const phrase = phraseWord(this.words[last]!, word);
      if (phrase) {
        this.words[last] = phrase;
        this.flags[last] = flags & CLOSES_CLAUSE;
        return;
      }
    }
    if (word.text.length === 1 && !word.isEmoji) this.singleLetters++;
    this.words[this.count] = word;
    this.flags[this.count++] = flags;
  }

  private endClauseAt(token: number): void {
    if (token >= 0) this.flags[token]! |= CLOSES_CLAUSE;
  }
}

const tokeniser = new Tokeniser();

/**
 * At most `maxTokens` tokens are produced, which bounds the work on enormous messages. The result
 * is shared and overwritten by the next call: read it before tokenising another message.
 */
export function tokeniseForSentiment(text: string, maxTokens: number): TokenisedMessage {
  tokeniser.run(text, maxTokens);
  return tokeniser;
}
