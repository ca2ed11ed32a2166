/**
 * What a message says about each subject it names. A post that compares two brands or leaves one
 * for another ("Acme outage again?? … Considering switching to Globex.") has one sentiment and one
 * intent as a whole, and they belong to neither brand alone: read whole, Acme would get a buying
 * signal and Globex the anger. So when a message matches several queries and names their subjects
 * in different parts, each of those mentions is read from the parts about its subject: the ones
 * naming it, and after each of them the following ones that name no subject (they go on about it;
 * parts before the first named subject go with it). The parts are sentences, and a sentence naming
 * several subjects is cut where it turns from one to the other: before a contrast or comparison
 * ("but", "than", "instead of", "because", …; not "vs", which asks about both) and, after a verb of moving ("switched", "left",
 * "replaced", …), before "from", "to", "for" and "with" — so "Switched from Acme to Globex" gives
 * Acme "Switched from Acme" and Globex "to Globex". A subject named in every part, or in none
 * (matched through a field or a word prefix), keeps the message's own reading.
 */
import { sentenceRanges } from '../../nlp/text/sentences.js';
import { foldWord, forEachWord } from '../query/text-words.js';

export interface SubjectReading {
  sentiment: { label: 'positive' | 'negative' | 'neutral' | null; score: number | null };
  intent: { label: string; confidence: number };
}

/** Reads one part of a message: sentiment and intent as the enricher would for a whole one. */
export type ReadPart = (part: string) => SubjectReading;

interface Part {
  start: number;
  end: number;
  /** The query ids whose subject the part names. */
  named: string[];
}

/** Where a sentence naming several subjects turns from one to another. */
const TURNS = /;|\b(?:but|than|instead of|unlike|whereas|while|because)\b/gi;
const MOVING =
  /\b(?:switch(?:ed|es|ing)?|mov(?:e|ed|es|ing)|migrat(?:e|ed|es|ing)|leav(?:e|es|ing)|left|ditch(?:ed|es|ing)?|dump(?:ed|s|ing)?|replac(?:e|ed|es|ing)|quit(?:s|ting)?|went|going)\b/i;
const MOVED_BETWEEN = /\b(?:from|to|for|with)\b/gi;

function foldedWords(text: string, start: number, end: number): Set<string> {
  const words = new Set<string>();
  forEachWord(text, (from, to) => words.add(foldWord(text.slice(from, to))), { from: start, to: end });
  return words;
}

/**
 * Each subject's reading, by query id, for the subjects (query id → subject words, see
 * `QueryIndex.subjectOf`) the text talks about in some of its sentences but not all; a subject
 * missing from the result keeps the whole message's reading.
 */
export function subjectReadings(
  text: string,
  subjects: ReadonlyMap<string, readonly string[]>,
  read: ReadPart,
): Map<string, SubjectReading> {
  const readings = new Map<string, SubjectReading>();
  if (subjects.size < 2) return readings;
  const namedIn = (start: number, end: number) => {
    const words = foldedWords(text, start, end);
    return [...subjects].filter(([, subject]) => subject.some((word) => words.has(word))).map(([queryId]) => queryId);
  };
  const parts = sentenceRanges(text).flatMap(({ start, end }) => partsOf(text, { start, end, named: namedIn(start, end) }, namedIn));
  if (parts.length < 2) return readings;
  const firstNamed = parts.find((part) => part.named.length > 0)?.named;
  if (!firstNamed) return readings;
  const about = new Map<string, Part[]>();
  let current = firstNamed;
  for (const part of parts) {
    if (part.named.length) current = part.named;
    for (const queryId of current) about.set(queryId, [...(about.get(queryId) ?? []), part]);
  }
  for (const [queryId, own] of about) {
    if (own.length === parts.length) continue;
    readings.set(queryId, read(own.map((part) => text.slice(part.start, part.end).trim()).join(' ')));
  }
  return readings;
}

/** A sentence, or the clauses it turns at when it names several subjects and the cut sets them apart. */
function partsOf(text: string, sentence: Part, namedIn: (start: number, end: number) => string[]): Part[] {
  if (sentence.named.length < 2) return [sentence];
  const body = text.slice(sentence.start, sentence.end);
  const cuts = [...body.matchAll(TURNS)].map((turn) => turn.index);
  if (MOVING.test(body)) cuts.push(...[...body.matchAll(MOVED_BETWEEN)].map((word) => word.index));
  const bounds = [...new Set([0, ...cuts.filter((cut) => cut > 0), body.length])].sort((a, b) => a - b);
  const clauses = bounds.slice(1).map((end, i) => {
    const start = sentence.start + bounds[i]!;
    return { start, end: sentence.start + end, named: namedIn(start, sentence.start + end) };
  });
  const apart = new Set(clauses.filter((clause) => clause.named.length === 1).map((clause) => clause.named[0]));
  return apart.size >= 2 ? clauses : [sentence];
}
