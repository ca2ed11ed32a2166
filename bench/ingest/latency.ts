/**
 * Latency from receipt to visible in the inbox API, under a steady offered load. Every 100 ms a
 * batch is handed to the pipeline; five times a second one of its messages is a sampled reply to a
 * stored conversation, and from the moment its batch is handed over, GET
 * /api/v1/conversations/:id/messages is asked every 20 ms until the reply is in the answer, by at
 * most four requests in flight (see `visibilityWatch`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../server/src/platform/db/db.js';
import type { IngestPipeline } from '../../server/src/ingest/index.js';
import type { MessageSource } from './corpus-messages.js';
import { percentileToTenth } from '../lib/percentile.js';

const TICK_MS = 100;
const SAMPLE_EVERY_TICKS = 2;
const POLL_MS = 20;
const GIVE_UP_MS = 30_000;

export interface LatencyResult {
  offeredRate: number;
  /** Messages the pipeline committed per second over the phase (equal to the offered rate when it keeps up). */
  committedRate: number;
  samples: number;
  /** Samples not visible within 30 s. */
  lost: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Batches handed over but not yet committed, at most, during the phase. */
  maxBacklogBatches: number;
  seconds: number;
}

interface Anchor {
  id: string;
  network: string;
  thread_key: string;
}

/** Reads the measurement itself has in flight, at most: a few agents with a conversation open. */
const MAX_POLLS_IN_FLIGHT = 4;

interface Pending {
  anchor: Anchor;
  url: string;
  handedAt: number;
  polledAt: number;
  seen: (latency: number | null) => void;
}

/**
 * Watches sampled replies until the API shows them. Pending samples are polled in turn, each at
 * most every `POLL_MS`, by at most `MAX_POLLS_IN_FLIGHT` requests at once. Polled each on its own,
 * the reads multiplied as the pipeline fell behind (on PGlite 80-90 samples pending, each asking
 * for its page of up to 100 messages every 20 ms), and on the one database session they slowed
 * the pipeline they were waiting for. Taking turns can only make a sample seen later, never sooner.
 */
function visibilityWatch(baseUrl: string, token: string) {
  const queue: Pending[] = [];
  const idle: (() => void)[] = [];
  const enqueue = (sample: Pending) => {
    queue.push(sample);
    idle.shift()?.();
  };
  let stopped = false;
  let failure: unknown = null;
  const poll = async (sample: Pending): Promise<boolean> => {
    const response = await fetch(`${baseUrl}/api/v1/conversations/${sample.anchor.id}/messages?limit=500`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET messages answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    const page = (await response.json()) as { data: { url: string | null }[] };
    return page.data.some((m) => m.url === sample.url);
  };
  // A failed read ends the watch: every sample still pending is given up, and `stop` throws it.
  const fail = (error: unknown, inHand: Pending) => {
    failure ??= error;
    stopped = true;
    for (const sample of [inHand, ...queue.splice(0)]) sample.seen(null);
  };
  const poller = async () => {
    while (!stopped) {
      const sample = queue.shift();
      if (!sample) {
        await new Promise<void>((resume) => idle.push(resume));
        continue;
      }
      const wait = sample.polledAt + POLL_MS - performance.now();
      if (wait > 0) await sleep(wait);
      try {
        if (await poll(sample)) sample.seen(performance.now() - sample.handedAt);
        else if (performance.now() - sample.handedAt >= GIVE_UP_MS) sample.seen(null);
        else enqueue({ ...sample, polledAt: performance.now() });
      } catch (error) {
        fail(error, sample);
      }
    }
  };
  const pollers = Array.from({ length: MAX_POLLS_IN_FLIGHT }, poller);
  return {
    watch(anchor: Anchor, url: string, handedAt: number): Promise<number | null> {
      if (stopped) return Promise.resolve(null);
      return new Promise((seen) => enqueue({ anchor, url, handedAt, polledAt: -Infinity, seen }));
    },
    async stop(): Promise<void> {
      stopped = true;
      for (const resume of idle.splice(0)) resume();
      await Promise.all(pollers);
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    },
  };
}

export async function measureLatency(options: {
  db: Db;
  pipeline: IngestPipeline;
  source: MessageSource;
  workspaceId: string;
  token: string;
  baseUrl: string;
  rate: number;
  seconds: number;
}): Promise<LatencyResult> {
  const { db, pipeline, source, workspaceId, token, baseUrl, rate, seconds } = options;
  const ticks = Math.round((seconds * 1000) / TICK_MS);
  const samples = Math.ceil(ticks / SAMPLE_EVERY_TICKS);
  // Short threads, so the whole conversation fits in one page of the API.
  const { rows: anchors } = await db.query<Anchor>(
    `SELECT id, network, thread_key FROM conversations WHERE workspace_id = $1 AND message_count <= 100 ORDER BY id LIMIT $2`,
    [workspaceId, samples],
  );
  if (anchors.length < samples) throw new Error(`only ${anchors.length} conversations to sample, ${samples} needed`);
  const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000));
  const submitted = new Set<Promise<unknown>>();
  const polls: Promise<number | null>[] = [];
  const watch = visibilityWatch(baseUrl, token);
  let committed = 0;
  let maxBacklog = 0;
  let failure: unknown = null;
  const started = performance.now();
  for (let tick = 0; tick < ticks; tick++) {
    const due = started + tick * TICK_MS;
    if (due > performance.now()) await sleep(due - performance.now());
    const messages = Array.from({ length: perTick }, () => source.next());
    let sample: { anchor: Anchor; url: string } | null = null;
    if (tick % SAMPLE_EVERY_TICKS === 0) {
      const anchor = anchors[tick / SAMPLE_EVERY_TICKS]!;
      const url = `https://bench.rapport.invalid/sample/${tick}`;
      messages.splice(Math.floor(Math.random() * messages.length), 1, source.replyTo(anchor.network, anchor.thread_key, url));
      sample = { anchor, url };
    }
    const handedAt = performance.now();
    const work: Promise<unknown> = pipeline
      .submit({ source: { workspaceId, channelId: null, kind: 'stream' }, messages })
      .then((report) => void (committed += report.ingested))
      .catch((error: unknown) => void (failure ??= error))
      .finally(() => submitted.delete(work));
    submitted.add(work);
    maxBacklog = Math.max(maxBacklog, submitted.size);
    if (sample) polls.push(watch.watch(sample.anchor, sample.url, handedAt));
  }
  await Promise.all(submitted);
  const elapsed = (performance.now() - started) / 1000;
  const latencies = await Promise.all(polls);
  await watch.stop();
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  // A sample never seen counts as the give-up time, so losing samples cannot improve the percentiles.
  const sorted = latencies.map((l) => l ?? GIVE_UP_MS).sort((a, b) => a - b);
  return {
    offeredRate: perTick * (1000 / TICK_MS),
    committedRate: committed / elapsed,
    samples: latencies.length,
    lost: latencies.filter((l) => l === null).length,
    p50Ms: percentileToTenth(sorted, 50),
    p90Ms: percentileToTenth(sorted, 90),
    p99Ms: percentileToTenth(sorted, 99),
    maxMs: percentileToTenth(sorted, 100),
    maxBacklogBatches: maxBacklog,
    seconds: elapsed,
  };
}
