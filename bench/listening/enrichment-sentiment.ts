/**
 * Throughput of the sentiment scorer alone, for the listening enrichment benchmark: scores the given
 * messages round-robin on this thread for about `seconds` (after a short warm-up), in short windows
 * timed by this process's CPU time, i.e. per core. The machines are small and shared, so other work
 * only ever slows a window down: the fastest window is the scorer's own speed (as Python's timeit
 * advises), and the median shows how much the machine's load took from it.
 */
import { scoreSentiment } from '../../server/src/nlp/sentiment/sentiment.js';

const WARM_UP_SECONDS = 0.3;
const WINDOW_SECONDS = 0.25;
/** Messages between clock reads, so that reading the clock costs nothing measurable. */
const BATCH = 1_000;

export interface SentimentThroughput {
  /** Messages per CPU second in the fastest window. */
  messagesPerSecond: number;
  medianMessagesPerSecond: number;
  windows: number;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Scores for about `seconds` of wall time from message `next`; returns the rate and where it stopped. */
function window(texts: readonly string[], seconds: number, next: number): { rate: number; next: number } {
  const wallStart = performance.now();
  const cpuStart = cpuSeconds();
  let messages = 0;
  let checksum = 0;
  let position = next;
  while (performance.now() - wallStart < seconds * 1000) {
    for (let index = 0; index < BATCH; index++) {
      checksum += scoreSentiment(texts[position] ?? '').score;
      position = position + 1 === texts.length ? 0 : position + 1;
    }
    messages += BATCH;
  }
  const cpu = cpuSeconds() - cpuStart;
  // Using the scores keeps the engine from optimising the scoring away.
  if (Number.isNaN(checksum)) throw new Error('a sentiment score was not a number');
  return { rate: cpu > 0 ? messages / cpu : 0, next: position };
}

export function measureSentiment(texts: string[], seconds: number): SentimentThroughput {
  if (texts.length === 0) throw new Error('measureSentiment needs at least one message');
  let { next } = window(texts, WARM_UP_SECONDS, 0);
  const rates: number[] = [];
  const windows = Math.max(1, Math.round(seconds / WINDOW_SECONDS));
  for (let count = 0; count < windows; count++) {
    const measured = window(texts, WINDOW_SECONDS, next);
    rates.push(measured.rate);
    next = measured.next;
  }
  rates.sort((a, b) => a - b);
  return {
    messagesPerSecond: rates[rates.length - 1] ?? 0,
    medianMessagesPerSecond: rates[Math.floor(rates.length / 2)] ?? 0,
    windows,
  };
}
