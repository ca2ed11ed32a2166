/**
 * Sentiment of a message: a rule-based, lexicon-driven scorer in the manner of VADER (Hutto & Gilbert
 * 2014), written for Rapport. Each sentiment word, emoticon or emoji contributes its valence, adjusted
 * by the words before it (intensifiers, diminishers, negators), by capitals and stretching, and by its
 * side of a "but"; courtesy counts only where the message neither complains nor asks; exclamation and
 * repeated question marks amplify the total, which is then squashed into [-1, 1]. The lexicons are
 * English: `coverage.ts` decides which texts this reads. Pure and synchronous: every table is loaded
 * once, when this module is first imported.
 */
import { BOOST_STEP } from './modifiers.js';
import { sentimentLabel, type SentimentLabel } from './sentiment-label.js';
import { SERVICE_ACT_VALENCE } from './service-words.js';
import { CLOSES_CLAUSE, ELONGATED, NAME, SHOUTED, tokeniseForSentiment, type TokenisedMessage } from './sentiment-tokens.js';

export interface ScoredSentiment {
  score: number;
  label: SentimentLabel;
}

/** A text in a language the lexicons do not cover (see `coverage.ts`): neither a score nor a label, so it counts as none of the three. */
export interface UnanalysedSentiment {
  score: null;
  label: null;
}

export type Sentiment = ScoredSentiment | UnanalysedSentiment;

export const notAnalysed = (): UnanalysedSentiment => ({ score: null, label: null });

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
/** How far after "thanks" or "appreciate" a service name is what they thank for ("thanks for all your help"). */
const COURTESY_REACH = 5;
const EXCLAMATION_BOOST = 0.292;
const MAX_EXCLAMATIONS = 4;
const QUESTION_BOOST = 0.18;
const MAX_QUESTION_EMPHASIS = 0.96;
/** The larger it is, the more evidence a score needs to approach ±1. */
const NORMALISATION_ALPHA = 15;

function withMagnitude(value: number, extra: number): number {
  return value > 0 ? value + extra : value - extra;
}

function ownValence(message: TokenisedMessage, index: number): number {
  const word = message.words[index]!;
  if (word.valence === 0) return word.serviceAct && isNegated(message, index) ? SERVICE_ACT_VALENCE : 0;
  if (word.negator && refersAhead(message, index)) return 0;
  if (isDegreeAdverb(message, index) || isComparingLike(message, index) || namesTheService(message, index)) return 0;
  if (word.request && asks(message, index)) return 0;
  let value = word.valence;
  const flags = message.flags[index]!;
  if ((flags & SHOUTED) !== 0 && message.hasMixedCase) value = withMagnitude(value, SHOUTING_BOOST);
  if ((flags & ELONGATED) !== 0) value = withMagnitude(value, STRETCH_BOOST);
  return value;
}

/**
 * A negative adverb right before another sentiment word says how much, not how bad: "terribly
 * charismatic", "frighteningly good". It then intensifies that word instead of counting against it.
 */
function isDegreeAdverb(message: TokenisedMessage, index: number): boolean {
  if (index + 1 >= message.count) return false;
  const next = message.words[index + 1]!;
  return message.words[index]!.negativeAdverb && (message.flags[index]! & CLOSES_CLAUSE) === 0 && !next.isEmoji && next.valence !== 0;
}

/** "like" after "feels", "looks", "is"… compares ("feels like a chore") rather than approves ("I like it"). */
function isComparingLike(message: TokenisedMessage, index: number): boolean {
  if (!message.words[index]!.like || index === 0) return false;
  return (message.flags[index - 1]! & CLOSES_CLAUSE) === 0 && message.words[index - 1]!.comparing;
}

/** "customer support", "Acme support", "help desk": the word names the service, and says nothing of how the customer feels. */
function namesTheService(message: TokenisedMessage, index: number): boolean {
  if (!message.words[index]!.serviceName) return false;
  const before =
    index > 0 &&
    (message.flags[index - 1]! & CLOSES_CLAUSE) === 0 &&
    (message.words[index - 1]!.namesServiceAfter || (message.flags[index - 1]! & NAME) !== 0);
  const after = index + 1 < message.count && (message.flags[index]! & CLOSES_CLAUSE) === 0 && message.words[index + 1]!.namesServiceBefore;
  return before || after;
}

/** "please" asks unless it is the verb: after "to", an auxiliary or a negator, with at most one word between that is no asker. */
function asks(message: TokenisedMessage, index: number): boolean {
  for (let distance = 1; distance <= 2; distance++) {
    const before = index - distance;
    if (before < 0 || (message.flags[before]! & CLOSES_CLAUSE) !== 0) return true;
    const word = message.words[before]!;
    if (word.auxiliary || word.negator) return false;
    if (word.asker) return true;
  }
  return true;
}

/** "no" is negative on its own ("no."), but in "no problem" it only turns the next word around. */
function refersAhead(message: TokenisedMessage, index: number): boolean {
  for (let distance = 1; distance <= MODIFIER_REACH.length; distance++) {
    const next = index + distance;
    if (next >= message.count || (message.flags[next - 1]! & CLOSES_CLAUSE) !== 0) return false;
    if (message.words[next]!.valence !== 0 || message.words[next]!.serviceAct) return true;
  }
  return false;
}

/** A negator within reach before the word, in its clause ("never answers", "no one replied"). */
function isNegated(message: TokenisedMessage, index: number): boolean {
  for (let distance = 1; distance <= MODIFIER_REACH.length; distance++) {
    const before = index - distance;
    if (before < 0 || (message.flags[before]! & CLOSES_CLAUSE) !== 0) return false;
    if (message.words[before]!.negator) return true;
  }
  return false;
}

/** Applies the intensifiers, diminishers and negators found before the word, within its clause. */
function modified(message: TokenisedMessage, index: number, value: number): number {
  let result = value;
  for (let distance = 1; distance <= MODIFIER_REACH.length; distance++) {
    const modifier = index - distance;
    if (modifier < 0) break;
    const word = message.words[modifier]!;
    const flags = message.flags[modifier]!;
    if ((flags & CLOSES_CLAUSE) !== 0 || word.isEmoji) break;
    const boost = word.boost !== 0 ? word.boost : isDegreeAdverb(message, modifier) ? BOOST_STEP : 0;
    if (boost !== 0) {
      let scaled = boost * (MODIFIER_REACH[distance - 1] ?? 0);
      if ((flags & SHOUTED) !== 0 && message.hasMixedCase) scaled = withMagnitude(scaled, SHOUTING_BOOST);
      result = result > 0 ? result + scaled : result - scaled;
    }
    if (word.negator) result *= NEGATION_FACTOR;
    if (word.excess && distance === 1) result = result > 0 ? result * NEGATION_FACTOR : result - BOOST_STEP;
  }
  return result;
}

/** The weight of a word given where the message turns (the contrast word, or the main clause after a concession). */
function contrastWeight(index: number, turnAt: number): number {
  if (turnAt < 0) return 1;
  return index < turnAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
}

function punctuationEmphasis(message: TokenisedMessage): number {
  const exclamation = Math.min(message.exclamationMarks, MAX_EXCLAMATIONS) * EXCLAMATION_BOOST;
  const questions = message.questionMarks;
  const question = questions <= 1 ? 0 : Math.min(questions * QUESTION_BOOST, MAX_QUESTION_EMPHASIS);
  return exclamation + question;
}

/** Where the first contrast word stands, or -1; the "but" of "not only … but" adds rather than contrasts. */
function contrastIndex(message: TokenisedMessage): number {
  let afterNotOnly = false;
  for (let index = 0; index < message.count; index++) {
    const word = message.words[index]!;
    if (word.notOnly) afterNotOnly = true;
    else if (word.contrast) {
      if (!afterNotOnly) return index;
      afterNotOnly = false;
    }
  }
  return -1;
}

/**
 * "thanks", "dear", and what is thanked for ("thanks for all your help", "appreciate your support"):
 * a service name within reach after a courtesy word, in its clause.
 */
function isCourtesy(message: TokenisedMessage, index: number): boolean {
  const word = message.words[index]!;
  if (word.courtesy) return true;
  if (!word.serviceName) return false;
  for (let distance = 1; distance <= COURTESY_REACH; distance++) {
    const before = index - distance;
    if (before < 0 || (message.flags[before]! & CLOSES_CLAUSE) !== 0) return false;
    if (message.words[before]!.courtesy) return true;
  }
  return false;
}

/** Where the weightier part of the message starts, or -1: at its first contrast word, or after a concession opening it. */
function turnIndex(message: TokenisedMessage): number {
  const contrastAt = contrastIndex(message);
  if (message.count === 0 || !message.words[0]!.concession) return contrastAt;
  let concessionEnd = 0;
  while (concessionEnd < message.count - 1 && (message.flags[concessionEnd]! & CLOSES_CLAUSE) === 0) concessionEnd++;
  const mainClause = concessionEnd + 1;
  return contrastAt >= 0 && contrastAt < mainClause ? contrastAt : mainClause;
}

function totalValence(message: TokenisedMessage): number {
  const turnAt = turnIndex(message);
  let total = 0;
  let courtesy = 0;
  let saysNegative = false;
  let asksSomething = false;
  for (let index = 0; index < message.count; index++) {
    if (message.words[index]!.request && asks(message, index)) asksSomething = true;
    const value = ownValence(message, index);
    if (value === 0) continue;
    const weighted = modified(message, index, value) * contrastWeight(index, turnAt);
    if (weighted > 0 && isCourtesy(message, index)) {
      courtesy += weighted;
    } else {
      total += weighted;
      if (weighted < 0) saysNegative = true;
    }
  }
  // Politeness around a complaint or a request is manners; otherwise it is gratitude.
  return saysNegative || asksSomething ? total : total + courtesy;
}

/** Never throws: empty, binary or enormous text, or a non-string at run time, scores within [-1, 1]. */
export function scoreSentiment(text: string): ScoredSentiment {
  const source = typeof text === 'string' ? text.slice(0, MAX_CHARACTERS) : '';
  const message = tokeniseForSentiment(source, MAX_TOKENS);
  const total = totalValence(message);
  if (total === 0) return { score: 0, label: 'neutral' };
  const emphasised = withMagnitude(total, punctuationEmphasis(message));
  const score = Math.round((emphasised / Math.sqrt(emphasised * emphasised + NORMALISATION_ALPHA)) * 10_000) / 10_000;
  return { score, label: sentimentLabel(score) };
}
