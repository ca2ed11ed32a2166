/**
 * Text understanding in one call: what the pipeline stores for every message and what
 * `rapport analyze` prints. Each part is bounded on its own (huge or binary text cannot stall it);
 * the intent model is the built-in one unless a workspace's learned model is given.
 */
import { extractEntities, type Extraction } from './extraction/extract.js';
import { mainIntent, type IntentLabel, type IntentModel } from './intent/intent.js';
import { detectLanguage } from './language/language.js';
import { sentimentIn } from './sentiment/coverage.js';
import type { Sentiment } from './sentiment/sentiment.js';

export interface TextUnderstanding extends Extraction {
  sentiment: Sentiment;
  language: { code: string; confidence: number };
  intent: { label: IntentLabel; confidence: number };
}

export function analyzeText(text: string, intentModel?: IntentModel): TextUnderstanding {
  const read = flat(text);
  const language = detectLanguage(read);
  const intent = mainIntent(read, intentModel);
  const sentiment = sentimentIn(read, language);
  // Listed field by field: spreading the extraction would copy it through a slower generic path.
  const { hashtags, mentions, urls, keywords, entities } = extractEntities(read);
  return {
    sentiment,
    language: { code: language.language, confidence: round(language.confidence) },
    intent: { label: intent.intent, confidence: round(intent.confidence) },
    hashtags,
    mentions,
    urls,
    keywords,
    entities,
  };
}

/** Sentiment and intent alone, for a part of a message (what it says about one of its subjects). */
export function sentimentAndIntent(text: string, intentModel?: IntentModel): Pick<TextUnderstanding, 'sentiment' | 'intent'> {
  const read = flat(text);
  const intent = mainIntent(read, intentModel);
  return { sentiment: sentimentIn(read, detectLanguage(read)), intent: { label: intent.intent, confidence: round(intent.confidence) } };
}

/** Longer texts (pastes, binary junk) are read as given: the parts read far less of them than flattening would copy. */
const MAX_FLATTENED_CHARS = 20_000;

/**
 * `text` as one flat string. Messages often arrive built by concatenation (a feed entry's or an
 * e-mail's title, "\n" and body), which the engine keeps as a rope, and then every character that the
 * parts' loops read walks the rope again: 1.3 × the instructions per message on the benchmark's texts
 * built that way. `normalize` returns the flattened text itself when it is already in NFC, as nearly
 * every text is; a text that it would change is read as given, so the analysis never depends on this.
 */
function flat(text: string): string {
  if (text.length > MAX_FLATTENED_CHARS) return text;
  const normalised = text.normalize();
  return normalised === text ? normalised : text;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
