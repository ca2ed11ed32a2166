/**
 * Which texts the sentiment scorer can read. Its lexicons (VADER, the slang, the service words, the
 * politeness formulas) are English: a text in another language would score neutral for knowing none
 * of its words and count as a neutral mention. It is "not analysed" instead (score and label null),
 * so that counts can tell it from a neutral one.
 *
 * The detected language alone cannot decide, because the detector takes short English posts for
 * another language ("A vivid cinematic portrait." for French: 195 of the movie set's 10,605
 * snippets). So a text given a language written in Latin letters is read unless more of its words
 * are that language's common words than English words; a text given a language of another script
 * (Cyrillic, Arabic, kana, Han, …) is not read, since its letters are mostly not English ones.
 */
import { STOP_WORDS_BY_LANGUAGE } from '../extraction/stop-words.js';
import type { DetectedLanguage } from '../language/language.js';
import { languageProfiles } from '../language/language-profiles.data.js';
import { WORD_LETTER } from '../text/char-tables.js';
import { lowerCaseRangeHash, WordSet } from '../text/word-set.js';
import { notAnalysed, scoreSentiment, type Sentiment } from './sentiment.js';
import { findWord } from './vocabulary.js';

/** The languages the lexicons are written in (ISO 639-1). */
const SENTIMENT_LANGUAGES: readonly string[] = ['en'];
/** The detector's answer for text too short or without letters: emoji and emoticons say what they say in any language. */
const UNDETERMINED = 'und';
/** Words are counted as far as the detector reads. */
const MAX_COUNTED_CHARS = 2000;
/**
 * A text with no common word of either language is left to the detector only when it is this sure: short
 * English posts of rarer words reach 0.96 ("A genuine mind bender." as German), posts in other languages 0.99.
 */
const SURE_WITHOUT_WORDS = 0.98;
const APOSTROPHE = 0x27;
const CURLY_APOSTROPHE = 0x2019;

/** A language's most frequent words in its profile's training text, and its stop words: mostly function words. */
function commonWords(language: string): string[] {
  const profile = languageProfiles.find((candidate) => candidate.language === language);
  const counted = profile ? profile.words.split('\n').map((line) => line.slice(0, line.indexOf('\t'))) : [];
  return [...counted, ...(STOP_WORDS_BY_LANGUAGE.get(language) ?? [])].filter((word) => word.length > 1);
}

const englishCommonWords = new WordSet(commonWords('en'));
const isEnglish = (word: string): boolean => englishCommonWords.has(word) || findWord(word, 0, word.length) !== undefined;

/**
 * A language written in Latin letters: its common words that English does not use, and those it
 * shares with English ("in", "is", "me") or with the lexicon ("die", "no", "super"), which say neither.
 */
interface LatinLanguage {
  own: WordSet;
  shared: WordSet;
}

const latinLanguages: ReadonlyMap<string, LatinLanguage> = new Map(
  languageProfiles
    .filter((profile) => profile.script === 'latin' && !SENTIMENT_LANGUAGES.includes(profile.language))
    .map((profile) => {
      const words = commonWords(profile.language);
      return [
        profile.language,
        { own: new WordSet(words.filter((word) => !isEnglish(word))), shared: new WordSet(words.filter(isEnglish)) },
      ];
    }),
);

function isEnglishRange(text: string, start: number, end: number, hash: number): boolean {
  return englishCommonWords.hasLowerCasedRange(text, start, end, hash) || findWord(text, start, end) !== undefined;
}

function isWordUnit(text: string, index: number, inWord: boolean): boolean {
  const code = text.charCodeAt(index);
  if (WORD_LETTER[code] === 1) return true;
  // "don't", "c'est": an apostrophe between letters belongs to the word.
  return inWord && (code === APOSTROPHE || code === CURLY_APOSTROPHE) && WORD_LETTER[text.charCodeAt(index + 1)] === 1;
}

/**
 * Whether the lexicons read `text`, given a language written in Latin letters: unless more of its words are that
 * language's own common words than English words (common or in the lexicon), or it has neither and the detector is
 * all but sure.
 */
function readsLatinText(text: string, language: LatinLanguage, confidence: number): boolean {
  const end = Math.min(text.length, MAX_COUNTED_CHARS);
  let english = 0;
  let foreign = 0;
  let start = -1;
  for (let index = 0; index <= end; index++) {
    if (index < end && isWordUnit(text, index, start >= 0)) {
      if (start < 0) start = index;
      continue;
    }
    if (start >= 0 && index - start > 1) {
      const hash = lowerCaseRangeHash(text, start, index);
      if (language.own.hasLowerCasedRange(text, start, index, hash)) foreign++;
      // A word of both languages counts for neither.
      else if (!language.shared.hasLowerCasedRange(text, start, index, hash) && isEnglishRange(text, start, index, hash)) english++;
    }
    start = -1;
  }
  if (foreign === 0 && english === 0) return confidence < SURE_WITHOUT_WORDS;
  return foreign <= english;
}

/** Whether the scorer reads `text`, which the language detector gives `detected` (ISO 639-1 or 'und'). */
export function readsSentimentOf(text: string, detected: DetectedLanguage): boolean {
  const { language, confidence } = detected;
  if (language === UNDETERMINED || SENTIMENT_LANGUAGES.includes(language)) return true;
  const latin = latinLanguages.get(language);
  return latin !== undefined && readsLatinText(text, latin, confidence);
}

/** The sentiment of `text`, which the language detector gives `detected`: scored when the lexicons read it, otherwise not analysed. */
export function sentimentIn(text: string, detected: DetectedLanguage): Sentiment {
  return readsSentimentOf(text, detected) ? scoreSentiment(text) : notAnalysed();
}
