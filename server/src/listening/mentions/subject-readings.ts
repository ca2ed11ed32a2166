/**
 * What a message says about each subject it names. A post that compares two brands or leaves one
 * for another ("Acme outage again?? … Considering switching to Globex.") has one sentiment and one
 * intent as a whole, and they belong to neither brand alone: read whole, Acme would get a buying
 * signal and Globex the anger. So when a message matches several queries and names their subjects
 * in different sentences, each of those mentions is read from the sentences about its subject:
 * the ones naming it, and after each of them the following ones that name no subject (they go on
 * about it; sentences before the first named subject go with it). A subject named in every part,
 * or in none (matched through a field or a word prefix), keeps the message's own reading.
 */
import { sentenceRanges } from '../../nlp/text/sentences.js';
import { foldWord, forEachWord } from '../query/text-words.js';

export interface SubjectReading {
  sentiment: { label: 'positive' | 'negative' | 'neutral'; score: number };
  intent: { label: string; confidence: number };
}

/** Reads one part of a message: sentiment and intent as the enricher would for a whole one. */
export type ReadPart = (part: string) => SubjectReading;

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
  const sentences = sentenceRanges(text);
  if (sentences.length < 2) return readings;
  const named = sentences.map(({ start, end }) => {
    const words = foldedWords(text, start, end);
    return [...subjects].filter(([, subject]) => subject.some((word) => words.has(word))).map(([queryId]) => queryId);
  });
  const firstNamed = named.find((ids) => ids.length > 0);
  if (!firstNamed) return readings;
  const parts = new Map<string, number[]>();
  let about = firstNamed;
  named.forEach((ids, index) => {
    if (ids.length) about = ids;
    for (const queryId of about) parts.set(queryId, [...(parts.get(queryId) ?? []), index]);
  });
  for (const [queryId, indexes] of parts) {
    if (indexes.length === sentences.length) continue;
    readings.set(queryId, read(indexes.map((index) => text.slice(sentences[index]!.start, sentences[index]!.end)).join(' ')));
  }
  return readings;
}
