/**
 * Sentiment of a message: a rule-based, lexicon-driven scorer in the manner of VADER (Hutto & Gilbert
 * 2014), written for Rapport. Each sentiment word, emoticon or emoji contributes its valence, adjusted
 * by the words before it (intensifiers, diminishers, negators), by capitals and stretching, and by its
 * side of a "but"; exclamation and repeated question marks amplify the total, which is then squashed
 * into [-1, 1]. Pure and synchronous: every table is loaded once, when this module is first imported.
 */
import { BOOST_STEP } from './modifiers.js';
import { tokeniseForSentiment, type SentimentToken, type TokenisedMessage } from './sentiment-tokens.js';

export interface Sentiment {
  score: number;
  label: 'positive' | 'negative' | 'neutral';
}

/** Work is capped so that an enormous message costs no more than a long article; the opening carries the tone. */
const MAX_CHARACTERS = 20_000;
const MAX_TOKENS = 2_000;
/** How far back intensifiers and negators reach, with their weight at each distance. */
const MODIFIER_REACH = [1, 0.95, 0.9] as const;
/** A negated word keeps part of its strength: "not good" is milder than "bad". */
const NEGATION_FACTOR = -0.74;
/** Added to the magnitude of a word written in capitals amid lower case. */
const SHOUTING_BOOST = 0.733;
/** Added to the magnitude of a stretched word ("goooood"). */
const STRETCH_BOOST = BOOST_STEP;
/** Before a contrast word a sentence counts for less, after it for more. */
const BEFORE_CONTRAST = 0.3;
const AFTER_CONTRAST = 1.3;
const EXCLAMATION_BOOST = 0.292;
const MAX_EXCLAMATIONS = 4;
const QUESTION_BOOST = 0.18;
const MAX_QUESTION_EMPHASIS = 0.96;
/** The larger it is, the more evidence a score needs to approach ±1. */
const NORMALISATION_ALPHA = 15;
const LABEL_THRESHOLD = 0.05;

function withMagnitude(value: number, extra: number): number {
  return value > 0 ? value + extra : value - extra;
}

function ownValence(tokens: readonly SentimentToken[], index: number, message: TokenisedMessage): number {
  const token = tokens[index];
  if (!token || token.word.valence === 0) return 0;
  if (token.word.negator && refersAhead(tokens, index)) return 0;
  if (isDegreeAdverb(tokens, index) || isComparingLike(tokens, index)) return 0;
  let value = token.word.valence;
  if (token.shouted && message.hasMixedCase) value = withMagnitude(value, SHOUTING_BOOST);
  if (token.elongated) value = withMagnitude(value, STRETCH_BOOST);
  return value;
}

/**
 * A negative adverb right before another sentiment word says how much, not how bad: "terribly
 * charismatic", "frighteningly good". It then intensifies that word instead of counting against it.
 */
function isDegreeAdverb(tokens: readonly SentimentToken[], index: number): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  return !!token && !!next && token.word.negativeAdverb && !token.closesClause && !next.word.isEmoji && next.word.valence !== 0;
}

/** "like" after "feels", "looks", "is"… compares ("feels like a chore") rather than approves ("I like it"). */
function isComparingLike(tokens: readonly SentimentToken[], index: number): boolean {
  if (!tokens[index]?.word.like) return false;
  const previous = tokens[index - 1];
  return !!previous && !previous.closesClause && previous.word.comparing;
}

/** "no" is negative on its own ("no."), but in "no problem" it only turns the next word around. */
function refersAhead(tokens: readonly SentimentToken[], index: number): boolean {
  for (let distance = 1; distance <= MODIFIER_REACH.length; distance++) {
    const previous = tokens[index + distance - 1];
    const next = tokens[index + distance];
    if (!previous || previous.closesClause || !next) return false;
    if (next.word.valence !== 0) return true;
  }
  return false;
}

/** Applies the intensifiers, diminishers and negators found before the word, within its clause. */
function modified(tokens: readonly SentimentToken[], index: number, value: number, message: TokenisedMessage): number {
  let result = value;
  for (let distance = 1; distance <= MODIFIER_REACH.length; distance++) {
    const modifier = tokens[index - distance];
    if (!modifier || modifier.closesClause || modifier.word.isEmoji) break;
    const { word } = modifier;
    const boost = word.boost !== 0 ? word.boost : isDegreeAdverb(tokens, index - distance) ? BOOST_STEP : 0;
    if (boost !== 0) {
      let scaled = boost * (MODIFIER_REACH[distance - 1] ?? 0);
      if (modifier.shouted && message.hasMixedCase) scaled = withMagnitude(scaled, SHOUTING_BOOST);
      result = result > 0 ? result + scaled : result - scaled;
    }
    if (word.negator) result *= NEGATION_FACTOR;
    if (word.excess && distance === 1) result = result > 0 ? result * NEGATION_FACTOR : result - BOOST_STEP;
  }
  return result;
}

function contrastWeight(index: number, contrastAt: number): number {
  if (contrastAt < 0 || index === contrastAt) return 1;
  return index < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
}

function punctuationEmphasis(message: TokenisedMessage): number {
  const exclamation = Math.min(message.exclamationMarks, MAX_EXCLAMATIONS) * EXCLAMATION_BOOST;
  const questions = message.questionMarks;
  const question = questions <= 1 ? 0 : Math.min(questions * QUESTION_BOOST, MAX_QUESTION_EMPHASIS);
  return exclamation + question;
}

function labelFor(score: number): Sentiment['label'] {
  if (score >= LABEL_THRESHOLD) return 'positive';
  if (score <= -LABEL_THRESHOLD) return 'negative';
  return 'neutral';
}

/** Where the first contrast word stands, or -1; the "but" of "not only … but" adds rather than contrasts. */
function contrastIndex(tokens: readonly SentimentToken[]): number {
  let afterNotOnly = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token?.word.notOnly) afterNotOnly = true;
    else if (token?.word.contrast) {
      if (!afterNotOnly) return index;
      afterNotOnly = false;
    }
  }
  return -1;
}

function totalValence(message: TokenisedMessage): number {
  const { tokens } = message;
  const contrastAt = contrastIndex(tokens);
  let total = 0;
  for (let index = 0; index < tokens.length; index++) {
    const value = ownValence(tokens, index, message);
    if (value === 0) continue;
    total += modified(tokens, index, value, message) * contrastWeight(index, contrastAt);
  }
  return total;
}

/** Never throws: empty, binary or enormous text, or a non-string at run time, scores within [-1, 1]. */
export function scoreSentiment(text: string): Sentiment {
  const source = typeof text === 'string' ? text.slice(0, MAX_CHARACTERS) : '';
  const message = tokeniseForSentiment(source, MAX_TOKENS);
  const total = totalValence(message);
  if (total === 0) return { score: 0, label: 'neutral' };
  const emphasised = withMagnitude(total, punctuationEmphasis(message));
  const score = Math.round((emphasised / Math.sqrt(emphasised * emphasised + NORMALISATION_ALPHA)) * 10_000) / 10_000;
  return { score, label: labelFor(score) };
}
