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

export interface SentimentToken {
  word: WordInfo;
  /** Written in capitals ("GREAT"); emphasis only when the message also has lower case. */
  shouted: boolean;
  /** Punctuation after it closes a clause, so negation and intensifiers do not reach past it. */
  closesClause: boolean;
  /** Stretched ("goooood"), which the writer meant as emphasis. */
  elongated: boolean;
}

export interface TokenisedMessage {
  tokens: SentimentToken[];
  exclamationMarks: number;
  questionMarks: number;
  /** Capitals only stand out against lower case: "THIS IS GREAT" is shouting throughout, so no word is stressed. */
  hasMixedCase: boolean;
}

/** Unknown words only hold a place (they count in the reach of "not"), so two shared tokens serve them all. */
const UNKNOWN: SentimentToken = { word: UNKNOWN_WORD, shouted: false, closesClause: false, elongated: false };
const UNKNOWN_AT_CLAUSE_END: SentimentToken = { ...UNKNOWN, closesClause: true };
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

class Tokeniser {
  readonly tokens: SentimentToken[] = [];
  exclamationMarks = 0;
  questionMarks = 0;
  hasLower = false;
  hasUpper = false;
  private singleLetters = 0;

  constructor(
    private readonly text: string,
    private readonly maxTokens: number,
  ) {}

  run(): void {
    const { text, tokens, maxTokens } = this;
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
            if (tokens.length >= maxTokens) break;
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
          if (tokens.length >= maxTokens) break;
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
        if (!isEmojiModifier(codePoint)) this.push(this.token(emojiWord(String.fromCodePoint(codePoint))));
        if (tokens.length >= maxTokens) break;
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
    if (start >= 0 && tokens.length < maxTokens) this.addChunk(start, text.length, plain, hash, stretched);
    this.hasLower = hasLower;
    this.hasUpper = hasUpper;
    this.exclamationMarks = exclamationMarks;
    this.questionMarks = questionMarks;
  }

  /** Lone letters ("a", "I", "x") carry nothing, and leaving them in would shorten the reach of "not" and "very". */
  withoutSingleLetters(): SentimentToken[] {
    if (this.singleLetters === 0) return this.tokens;
    const kept: SentimentToken[] = [];
    for (const token of this.tokens) {
      if (token.word.text.length !== 1 || token.word.isEmoji) kept.push(token);
      else if (token.closesClause) endClauseAt(kept, kept.length - 1);
    }
    return kept;
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
        this.push(this.token(emoticon));
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
      if (clauseEnd) endClauseAt(this.tokens, this.tokens.length - 1);
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
    if (!word) {
      if (end - start > 1) this.push(clauseEnd ? UNKNOWN_AT_CLAUSE_END : UNKNOWN);
      return;
    }
    this.push({ word, shouted: word.text.length > 1 && isShouted(text, start, end), closesClause: clauseEnd, elongated });
  }

  private token(word: WordInfo): SentimentToken {
    return { word, shouted: false, closesClause: false, elongated: false };
  }

  private push(token: SentimentToken): void {
    const last = this.tokens.length - 1;
    const previous = this.tokens[last];
    const phrase = previous && previous.word.startsPhrase && !previous.closesClause ? phraseWord(previous.word, token.word) : undefined;
    if (phrase) {
      this.tokens[last] = { word: phrase, shouted: false, closesClause: token.closesClause, elongated: false };
      return;
    }
    if (token.word.text.length === 1 && !token.word.isEmoji) this.singleLetters++;
    this.tokens.push(token);
  }
}

/** Marks a token as closing its clause; tokens may be shared, so it is replaced by a copy, not changed. */
function endClauseAt(tokens: SentimentToken[], index: number): void {
  const token = tokens[index];
  if (token && !token.closesClause) tokens[index] = { ...token, closesClause: true };
}

/** At most `maxTokens` tokens are produced, which bounds the work on enormous messages. */
export function tokeniseForSentiment(text: string, maxTokens: number): TokenisedMessage {
  const tokeniser = new Tokeniser(text, maxTokens);
  tokeniser.run();
  return {
    tokens: tokeniser.withoutSingleLetters(),
    exclamationMarks: tokeniser.exclamationMarks,
    questionMarks: tokeniser.questionMarks,
    hasMixedCase: tokeniser.hasLower && tokeniser.hasUpper,
  };
}
