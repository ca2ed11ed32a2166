/**
 * Enrichment throughput on one core: `analyzeText` (what the pipeline's NLP enricher runs on every
 * message) and each of its parts alone, so a missed target says which part to work on. Each is run
 * round-robin over the texts on this thread, after a warm-up, for a fixed CPU time split into rounds.
 */
import { analyzeText } from '../../server/src/nlp/analyze.js';
import { extractEntities } from '../../server/src/nlp/extraction/extract.js';
import { classifyIntent } from '../../server/src/nlp/intent/intent.js';
import { detectLanguage } from '../../server/src/nlp/language/language.js';
import { scoreSentiment } from '../../server/src/nlp/sentiment/sentiment.js';

/** Texts between CPU clock reads, so that reading the clock costs nothing measurable. */
const BATCH = 500;

export const ENRICHMENT_PARTS = ['analyzeText', 'sentiment', 'language', 'intent', 'extraction'] as const;
export type EnrichmentPart = (typeof ENRICHMENT_PARTS)[number];

/** Each part reduced to a number, which is summed so the engine cannot drop the work. */
const parts: Record<EnrichmentPart, (text: string) => number> = {
  analyzeText: (text) => analyzeText(text).sentiment.score ?? 0,
  sentiment: (text) => scoreSentiment(text).score,
  language: (text) => detectLanguage(text).confidence,
  intent: (text) => classifyIntent(text).confidence,
  extraction: (text) => extractEntities(text).keywords.length,
};

/**
 * Messages per CPU-second of this process, for about `seconds` of CPU time. "Per core" is CPU
 * time, not wall time: on a machine shared with other work a wall-clock rate measures the share
 * of a core this thread was given. The process's CPU includes its compiler and GC threads, so the
 * figure is if anything low.
 */
function runFor(work: (text: string) => number, texts: readonly string[], seconds: number): number {
  const cpuBefore = process.cpuUsage();
  let cpuMs = 0;
  let done = 0;
  let next = 0;
  let checksum = 0;
  while (cpuMs < seconds * 1000) {
    for (let i = 0; i < BATCH; i++) {
      checksum += work(texts[next]!);
      next = next + 1 === texts.length ? 0 : next + 1;
    }
    done += BATCH;
    const cpu = process.cpuUsage(cpuBefore);
    cpuMs = (cpu.user + cpu.system) / 1000;
  }
  if (Number.isNaN(checksum)) throw new Error('an enrichment result was not a number');
  return (done / cpuMs) * 1000;
}

export interface Throughput {
  /** The best round: what one core does when the machine's other work leaves it alone. */
  best: number;
  median: number;
  rounds: number[];
}

/** Messages per second over several rounds, the best kept: on a shared machine other work only ever slows a round down. */
export function bestOfRounds(rounds: number, measureRound: () => number): Throughput {
  const rates = Array.from({ length: rounds }, measureRound);
  const sorted = [...rates].sort((a, b) => a - b);
  return { best: sorted.at(-1)!, median: sorted[Math.floor(sorted.length / 2)]!, rounds: rates.map(Math.round) };
}

/** Messages per second for `part`, in `rounds` rounds sharing `seconds` after `warmupSeconds`. */
export function measureEnrichment(
  part: EnrichmentPart,
  texts: readonly string[],
  time: { warmup: number; duration: number },
  rounds: number,
): Throughput {
  if (texts.length === 0) throw new Error('measureEnrichment needs at least one text');
  runFor(parts[part], texts, time.warmup);
  return bestOfRounds(rounds, () => runFor(parts[part], texts, time.duration / rounds));
}
