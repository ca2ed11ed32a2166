/**
 * Texts for the enrichment benchmark: every message of the recorded payloads under
 * test/fixtures/corpora (title and body together, as the NLP enricher reads them), plus variations
 * shaped like social posts (cut to a post's length, with emoji, hashtags, @mentions, links, shouting
 * and slang added), so the measured mix is neither one format nor a few texts repeated.
 */
import type { NormalisedMessage } from '../../server/src/channels/index.js';
import { understandingText } from '../../server/src/listening/understanding/understanding.enricher.js';
import type { Templates } from '../ingest/corpus-messages.js';

const POST_LENGTHS = [60, 120, 200, 280, 500];
const ADDITIONS = [
  ' 😡😡',
  ' love it ❤️',
  ' #fail',
  ' @support any news?',
  ' https://example.com/r/1234',
  '!!!',
  ' :( not again',
  ' lol 😂',
  ' Would buy again 👍',
  ' smh',
];

/** The first sentences of a text, up to about `length` characters (whole words). */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const end = text.lastIndexOf(' ', length);
  return text.slice(0, end > length / 2 ? end : length);
}

function variations(message: NormalisedMessage, index: number): string[] {
  const whole = understandingText(message.title, message.text);
  const texts = [whole];
  POST_LENGTHS.forEach((length, i) => {
    const post = cut(message.text, length) + ADDITIONS[(index + i) % ADDITIONS.length]!;
    texts.push(i === 2 ? post.toUpperCase() : post);
  });
  return texts;
}

export interface EnrichmentTexts {
  texts: string[];
  /** Messages read from the corpora, before the variations. */
  corpusMessages: number;
  meanCharacters: number;
}

export function enrichmentTexts(templates: Templates): EnrichmentTexts {
  const messages = [...templates.values()].flat();
  const texts = messages.flatMap(variations);
  const characters = texts.reduce((sum, text) => sum + text.length, 0);
  return { texts, corpusMessages: messages.length, meanCharacters: characters / texts.length };
}
