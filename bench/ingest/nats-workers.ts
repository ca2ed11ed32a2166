/**
 * The NATS JetStream transport with one and with two `rapport worker` processes. The messages are
 * published to a stream of this run's own first, then the workers are started and the stored rows
 * are counted as they commit; the rate is taken between 5% and 95% of the messages, so process
 * start-up and the last batches' tail do not count. Each stream is deleted afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createNatsPipeline } from '../../server/src/ingest/transport/nats.js';
import type { IngestPipeline } from '../../server/src/ingest/index.js';
import { createBenchWorkspace, openDb, type DbLocation } from '../crm/rapport-db.js';
import { sampleRss, type RssSummary } from '../lib/processes.js';
import type { MessageSource } from './corpus-messages.js';
import { standInForAutovacuum } from './ingest-db.js';

export interface WorkerRun {
  workers: number;
  messages: number;
  publishSeconds: number;
  /** Committed messages per second between 5% and 95% of the messages. */
  rate: number;
  /** From the workers' start to the last commit, start-up included. */
  wallSeconds: number;
  workerRss: RssSummary[];
  loadAverage: number;
}

export interface WorkerPlan {
  natsUrl: string;
  /** `node` arguments that run the compiled `rapport` command. */
  rapportArgs: string[];
  dir: string;
  runTag: string;
  log: (message: string) => void;
}

/** Feeds `count` messages from `source` to `pipeline` in batches of 1,000, `inFlight` batches at a time. */
export async function feed(
  pipeline: IngestPipeline,
  source: MessageSource,
  workspaceId: string,
  count: number,
  inFlight: number,
  onProgress?: (done: number) => void,
) {
  const pending = new Set<Promise<unknown>>();
  let fed = 0;
  let ingested = 0;
  let duplicates = 0;
  let rejected = 0;
  while (fed < count) {
    const size = Math.min(1_000, count - fed);
    const messages = Array.from({ length: size }, () => source.next());
    fed += size;
    const work = pipeline.submit({ source: { workspaceId, channelId: null, kind: 'stream' }, messages }).then((report) => {
      ingested += report.ingested;
      duplicates += report.duplicates;
      rejected += report.rejected;
      onProgress?.(ingested);
    });
    const tracked: Promise<unknown> = work.finally(() => pending.delete(tracked));
    pending.add(tracked);
    if (pending.size >= inFlight) await Promise.race(pending);
  }
  await Promise.all(pending);
  return { ingested, duplicates, rejected };
}

interface Worker {
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startWorker(plan: WorkerPlan, where: DbLocation & { kind: 'postgres' }, stream: string, index: number): Promise<Worker> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('RAPPORT_') && key !== 'DATABASE_URL' && key !== 'NODE_OPTIONS' && key !== 'NATS_URL') env[key] = value;
  }
  Object.assign(env, {
    DATABASE_URL: where.url,
    NATS_URL: plan.natsUrl,
    LOG_LEVEL: 'warn',
    RAPPORT_DATA_DIR: path.join(plan.dir, `worker-${index}`),
    RAPPORT_SECRET: 'bench-secret-bench-secret-bench-secret-0',
  });
  const logFile = path.join(plan.dir, `worker-${stream}-${index}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...plan.rapportArgs, 'worker', '--stream', stream], {
    cwd: plan.dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      seen += chunk.toString();
      if (seen.includes('Worker consuming')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with status ${code} before consuming; see ${logFile}`)));
  });
  return {
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      }
      log.end();
    },
  };
}

async function deleteStream(natsUrl: string, stream: string) {
  const nc = await connect({ servers: natsUrl, name: 'rapport-bench-cleanup' });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}

export async function measureWorkers(
  plan: WorkerPlan,
  where: DbLocation & { kind: 'postgres' },
  workers: number,
  count: number,
  source: MessageSource,
): Promise<WorkerRun> {
  const stream = `RAPPORT_BENCH_${plan.runTag}_${workers}W`;
  const db = await openDb(where);
  const analyzer = standInForAutovacuum(db);
  const running: Worker[] = [];
  const rss: ReturnType<typeof sampleRss>[] = [];
  try {
    const { workspaceId } = await createBenchWorkspace(db, `nats-${workers}`);
    plan.log(`NATS: publishing ${count.toLocaleString('en-US')} messages to stream ${stream}`);
    const publisher = await createNatsPipeline(db, { url: plan.natsUrl, stream });
    const t0 = performance.now();
    try {
      await feed(publisher, source, workspaceId, count, 4);
    } finally {
      await publisher.close();
    }
    const publishSeconds = (performance.now() - t0) / 1000;
    plan.log(`NATS: published in ${publishSeconds.toFixed(1)} s; starting ${workers} rapport worker process(es)`);
    const loadAverage = os.loadavg()[0]!;
    const started = performance.now();
    for (let i = 0; i < workers; i++) {
      const worker = await startWorker(plan, where, stream, i);
      running.push(worker);
      rss.push(sampleRss(worker.child.pid!, 500));
    }
    const timeline: [seconds: number, stored: number][] = [];
    // Gives up below 500 messages/s, far under anything measured here.
    const deadline = started + Math.max(120_000, count * 2);
    for (;;) {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE workspace_id = $1', [workspaceId]);
      const stored = rows[0]!.n;
      timeline.push([(performance.now() - started) / 1000, stored]);
      if (stored >= count) break;
      if (performance.now() > deadline) throw new Error(`only ${stored} of ${count} messages stored by the workers before the deadline`);
      await sleep(200);
    }
    const at = (share: number) => timeline.find(([, stored]) => stored >= share * count)!;
    const [t5, c5] = at(0.05);
    const [t95, c95] = at(0.95);
    return {
      workers,
      messages: count,
      publishSeconds,
      rate: (c95 - c5) / (t95 - t5),
      wallSeconds: timeline.at(-1)![0],
      workerRss: rss.splice(0).map((r) => r.stop()),
      loadAverage: Math.round(loadAverage * 100) / 100,
    };
  } finally {
    for (const r of rss) r.stop();
    for (const worker of running) await worker.stop();
    await analyzer.stop();
    await db.close();
    await deleteStream(plan.natsUrl, stream);
  }
}
