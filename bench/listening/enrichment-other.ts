/**
 * Throughput of language identification, intent classification, extraction and influence scoring,
 * each alone, for the listening enrichment benchmark: every part runs round-robin over the given
 * messages on this thread for about `seconds` after a short warm-up, and is reported in messages per
 * second of this process's CPU time, i.e. per core, so that other work on a shared machine does not
 * depress the figure.
 */
import { extractEntities } from '../../server/src/nlp/extraction/extract.js';
import { influenceScore } from '../../server/src/nlp/influence/influence.js';
import { classifyIntent } from '../../server/src/nlp/intent/intent.js';
import { detectLanguage } from '../../server/src/nlp/language/language.js';

const WARM_UP_SECONDS = 0.3;
/** Messages between clock reads, so that reading the clock costs nothing measurable. */
const BATCH = 1_000;

export const OTHER_ENRICHMENT_PARTS = ['language', 'intent', 'extraction', 'influence'] as const;
export type OtherEnrichmentPart = (typeof OTHER_ENRICHMENT_PARTS)[number];

/** Each part reduced to a number, summed so that the engine cannot drop the work. */
const work: Record<OtherEnrichmentPart, (text: string, index: number) => number> = {
  language: (text) => detectLanguage(text).confidence,
  intent: (text) => classifyIntent(text).confidence,
  extraction: (text) => extractEntities(text).keywords.length,
  influence: (text, index) =>
    influenceScore({
      followers: text.length * index,
      postsCount: index,
      seen: { posts: 1, interactions: text.length, repliedTo: 0, shared: 0 },
    }).score,
};

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function runFor(part: OtherEnrichmentPart, texts: readonly string[], seconds: number): { messages: number; cpu: number } {
  const began = performance.now();
  const cpuBefore = cpuSeconds();
  const run = work[part];
  let messages = 0;
  let next = 0;
  let checksum = 0;
  while (performance.now() - began < seconds * 1000) {
    for (let index = 0; index < BATCH; index++) {
      checksum += run(texts[next] ?? '', index);
      next = next + 1 === texts.length ? 0 : next + 1;
    }
    messages += BATCH;
  }
  if (Number.isNaN(checksum)) throw new Error(`a ${part} result was not a number`);
  return { messages, cpu: cpuSeconds() - cpuBefore };
}

/** Messages per CPU second for each part, measured for `seconds` each. */
export function measureOtherEnrichment(texts: readonly string[], seconds: number): Record<OtherEnrichmentPart, number> {
  if (texts.length === 0) throw new Error('measureOtherEnrichment needs at least one message');
  const result = {} as Record<OtherEnrichmentPart, number>;
  for (const part of OTHER_ENRICHMENT_PARTS) {
    runFor(part, texts, WARM_UP_SECONDS);
    const { messages, cpu } = runFor(part, texts, seconds);
    result[part] = messages / cpu;
  }
  return result;
}
