/**
 * The ingest suite's measured phase, run in a child process of compiled JavaScript
 * (`pipeline-phase.child.ts`): an app built with buildApp over the database, background loops
 * running as `rapport serve` runs them; messages through its pipeline as fast as it takes them
 * (throughput), then at half that rate with samples read back over HTTP (latency), then the event
 * relay catching up; the process's resident memory sampled throughout.
 */
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../../server/src/app.js';
import { ingestPipeline } from '../../server/src/ingest/index.js';
import { modules } from '../../server/src/modules.js';
import { loadConfig } from '../../server/src/platform/config/config.js';
import { applyHeapSettings } from '../../server/src/platform/memory/heap-settings.js';
import type { Db } from '../../server/src/platform/db/db.js';
import { createBenchWorkspace, openDb, type DbLocation } from '../crm/rapport-db.js';
import { watchBackendCpu } from '../lib/backend-cpu.js';
import type { BenchDbKind } from '../lib/options.js';
import { sampleRss, type RssSummary } from '../lib/processes.js';
import { messageSource, type Templates } from './corpus-messages.js';
import { standInForAutovacuum } from './ingest-db.js';
import { measureLatency, type LatencyResult } from './latency.js';
import { describeStepTotals, stepTimingLogger, type StepTotals } from './step-timings.js';
import { feed } from './nats-workers.js';

/** Batches handed to the pipeline before waiting for one to commit: enough that it never waits for the next. */
export const IN_FLIGHT = 8;
/** The latency phase's rate, as a share of the measured throughput. */
export const LATENCY_LOAD = 0.5;

export interface PipelinePhaseInput {
  kind: BenchDbKind;
  where: DbLocation;
  messages: number;
  quick: boolean;
  /** The app's data directory goes here. */
  scratchDir: string;
}

export interface PipelinePhaseResult {
  run: PipelineRun;
  latency: LatencyResult & { loadAverage: number };
  relay: { backlog: number; left: number; seconds: number };
  rss: RssSummary;
  workspaceId: string;
}

export const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;

export interface PipelineRun {
  rate: number;
  seconds: number;
  ingested: number;
  duplicates: number;
  rejected: number;
  conversations: number;
  identities: number;
  unrelayedEvents: number;
  loadAverage: number;
  /** Where the batches' time went, per pipeline step. */
  steps: StepTotals;
  /** CPU seconds spent while the messages went through: this process (app, pipeline, generator) and the database's backends (PostgreSQL only). */
  cpuSeconds: { process: number; database: number | null };
}

export const RELAY_PATIENCE_MS = 120_000;

/** Milliseconds of CPU per 1,000 messages, and what they are made of. */
export function cpuPer1000(cpu: { database: number | null } & Record<string, number | null>, messages: number) {
  const parts = Object.fromEntries(
    Object.entries(cpu).map(([part, seconds]) => [part, seconds === null ? null : (seconds * 1e6) / messages]),
  );
  return { total: Object.values(parts).reduce<number>((sum, ms) => sum + (ms ?? 0), 0), parts };
}

export function describeCpu(cpu: { database: number | null } & Record<string, number | null>, messages: number): string {
  const { total, parts } = cpuPer1000(cpu, messages);
  const named = Object.entries(parts).map(([part, ms]) => `${part} ${ms === null ? 'n/a' : `${Math.round(ms)} ms`}`);
  return `${Math.round(total)} ms (${named.join(', ')})`;
}

/** How far the app's event relay (routing, SLA clocks) is behind the pipeline, and how long it takes to catch up. */
async function relayDrain(db: Db): Promise<{ backlog: number; left: number; seconds: number }> {
  const unrelayed = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE NOT relayed')).rows[0]!.n;
  const backlog = await unrelayed();
  const started = performance.now();
  let left = backlog;
  while (left > 0 && performance.now() - started < RELAY_PATIENCE_MS) {
    await sleep(500);
    left = await unrelayed();
  }
  return { backlog, left, seconds: (performance.now() - started) / 1000 };
}

/** Throughput, then latency, on one app over the database at `where`; memory sampled throughout. */
export async function pipelinePhase(
  input: PipelinePhaseInput,
  templates: Templates,
  log: (message: string) => void,
): Promise<PipelinePhaseResult> {
  const { kind, where, quick } = input;
  const db = await openDb(where);
  const workspace = await createBenchWorkspace(db, 'ingest');
  const config = loadConfig({
    RAPPORT_SECRET: 'bench-secret-bench-secret-bench-secret-0',
    RAPPORT_DATA_DIR: path.join(input.scratchDir, `app-${kind}`),
    LOG_LEVEL: 'warn',
    // As a server would be run: the operator's choice of concurrency applies here too.
    RAPPORT_INGEST_CONCURRENCY: process.env.RAPPORT_INGEST_CONCURRENCY,
  });
  const stepLog = stepTimingLogger();
  // The app runs in this process, with the heap settings every `rapport` process applies (openRuntime).
  applyHeapSettings();
  const built = await buildApp({ config, db, log: stepLog.logger, modules, webDir: null });
  const memory = sampleRss(process.pid, 250);
  const analyzer = kind === 'postgres' ? standInForAutovacuum(db) : null;
  let rss: RssSummary | null = null;
  try {
    await built.startBackground();
    const baseUrl = await built.app.listen({ host: '127.0.0.1', port: 0 });
    const pipeline = ingestPipeline(built.deps);
    const source = messageSource(templates, 'm');
    if (kind === 'postgres') await db.exec('CHECKPOINT');

    const size = input.messages;
    log(`throughput: ${size.toLocaleString('en-US')} messages through the app's pipeline (batches of 1,000, ${IN_FLIGHT} in flight)`);
    const loadAverage = load1();
    stepLog.reset();
    let reported = 0;
    const processBefore = process.cpuUsage();
    const databaseCpu = await watchBackendCpu(db);
    const started = performance.now();
    const counts = await feed(pipeline, source, workspace.workspaceId, size, IN_FLIGHT, (done) => {
      if (done - reported < size / 10) return;
      reported = done;
      const seconds = (performance.now() - started) / 1000;
      log(`  ${done.toLocaleString('en-US')} committed, ${Math.round(done / seconds).toLocaleString('en-US')}/s`);
    });
    const seconds = (performance.now() - started) / 1000;
    const processCpu = process.cpuUsage(processBefore);
    const cpuSeconds = {
      process: (processCpu.user + processCpu.system) / 1e6,
      database: await databaseCpu.stop(),
    };
    const steps: StepTotals = { batches: stepLog.totals.batches, ms: { ...stepLog.totals.ms } };
    const { rows } = await db.query<{ conversations: number; identities: number; unrelayed: number }>(
      `SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS conversations,
              (SELECT count(*)::int FROM social_identities WHERE workspace_id = $1) AS identities,
              (SELECT count(*)::int FROM events WHERE NOT relayed) AS unrelayed`,
      [workspace.workspaceId],
    );
    const run: PipelineRun = {
      rate: counts.ingested / seconds,
      seconds,
      ...counts,
      conversations: rows[0]!.conversations,
      identities: rows[0]!.identities,
      unrelayedEvents: rows[0]!.unrelayed,
      loadAverage,
      steps,
      cpuSeconds,
    };
    log(
      `throughput: ${Math.round(run.rate).toLocaleString('en-US')} messages/s (${seconds.toFixed(1)} s); ` +
        `${run.conversations.toLocaleString('en-US')} conversations, ${run.identities.toLocaleString('en-US')} identities; ` +
        `${run.unrelayedEvents.toLocaleString('en-US')} events not relayed yet`,
    );
    log(`throughput: time per step, summed over ${steps.batches} batches: ${describeStepTotals(steps)}`);
    log(`throughput: CPU per 1,000 messages: ${describeCpu(cpuSeconds, run.ingested)}`);

    const latencySeconds = quick ? 8 : 30;
    const offered = run.rate * LATENCY_LOAD;
    log(
      `latency: ${Math.round(offered).toLocaleString('en-US')} messages/s offered for ${latencySeconds} s, 5 samples/s read back over HTTP`,
    );
    const latency = await measureLatency({
      db,
      pipeline,
      source,
      workspaceId: workspace.workspaceId,
      token: workspace.token,
      baseUrl,
      rate: offered,
      seconds: latencySeconds,
    });
    log(`latency: p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms (${latency.samples} samples)`);
    const relay = await relayDrain(db);
    log(
      `relay: ${relay.backlog.toLocaleString('en-US')} events left to relay; ${relay.left ? `${relay.left} still left after` : 'relayed in'} ${relay.seconds.toFixed(1)} s`,
    );
    rss = memory.stop();
    return { run, latency: { ...latency, loadAverage: load1() }, relay, rss, workspaceId: workspace.workspaceId };
  } finally {
    if (!rss) memory.stop();
    await analyzer?.stop();
    await built.close();
    await db.close();
  }
}
