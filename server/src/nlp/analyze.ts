/**
 * Text understanding in one call: what the pipeline stores for every message and what
 * `rapport analyze` prints. Each part is bounded on its own (huge or binary text cannot stall it);
 * the intent model is the built-in one unless a workspace's learned model is given.
 */
import { extractEntities, type Extraction } from './extraction/extract.js';
import { mainIntent, type IntentLabel, type IntentModel } from './intent/intent.js';
import { detectLanguage } from './language/language.js';
import { scoreSentiment, type Sentiment } from './sentiment/sentiment.js';

export interface TextUnderstanding extends Extraction {
  sentiment: Sentiment;
  language: { code: string; confidence: number };
  intent: { label: IntentLabel; confidence: number };
}

export function analyzeText(text: string, intentModel?: IntentModel): TextUnderstanding {
  const language = detectLanguage(text);
  const intent = mainIntent(text, intentModel);
  const sentiment = scoreSentiment(text);
  // Listed field by field: spreading the extraction would copy it through a slower generic path.
  const { hashtags, mentions, urls, keywords, entities } = extractEntities(text);
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

const round = (value: number) => Math.round(value * 1000) / 1000;
