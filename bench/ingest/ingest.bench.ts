/**
 * `npm run bench -- ingest`: the ingest pipeline end to end, on PostgreSQL and PGlite.
 *
 * - throughput: messages made lazily from the recorded corpora (test/fixtures/corpora) go through
 *   the app's own pipeline (an app built with buildApp, background loops running, as `rapport
 *   serve` runs) into the database, against a raw COPY of the same final rows into a fresh database
 *   with the same tables and indexes, measured in the same run;
 * - latency from receipt to visible through GET /api/v1/conversations/:id/messages of that app,
 *   over real HTTP, at half the measured throughput;
 * - the resident memory of the ingesting process throughout;
 * - on PostgreSQL, the NATS JetStream transport with one and two `rapport worker` processes.
 *
 * Messages: 1,000,000 on PostgreSQL, 200,000 on PGlite (--quick: 50,000 and 20,000), 200,000
 * through NATS (--quick: 20,000); BENCH_INGEST_MESSAGES=<n> sets the first two. NATS_URL (default
 * nats://127.0.0.1:4222) names the NATS server.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { dbLabel, type DbLocation } from '../crm/rapport-db.js';
import { compiledModule } from '../lib/compiled.js';
import { renderProfile, summariseProfile } from '../lib/cpu-profile.js';
import { createScratch, type Scratch } from '../lib/databases.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import type { BenchDbKind, BenchOptions } from '../lib/options.js';
import { entryPoint, ROOT } from '../lib/rapport-server.js';
import { judge, mb, renderTable, writeResult, type Figure } from '../lib/report.js';
import type { BenchSuite } from '../lib/suite.js';
import { describeTemplates, loadTemplates, messageSource, type Templates } from './corpus-messages.js';
import { copyRows, exportRows, freshDatabases } from './ingest-db.js';
import { measureWorkers, type WorkerRun } from './nats-workers.js';
import {
  cpuPer1000,
  describeCpu,
  IN_FLIGHT,
  load1,
  RELAY_PATIENCE_MS,
  type PipelinePhaseInput,
  type PipelinePhaseResult,
} from './pipeline-phase.js';

const TARGETS = { copyRatio: 0.6, floor: { postgres: 8_000, pglite: 3_000 }, latencyP99Ms: 1_000, rssMb: 500 };
const PHASE_CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pipeline-phase.child.ts');

interface Plan {
  kind: BenchDbKind;
  options: BenchOptions;
  scratch: Scratch;
  templates: Templates;
  messages: number;
  natsMessages: number;
  runTag: string;
  log: (message: string) => void;
}

function messageCount(kind: BenchDbKind, quick: boolean): number {
  const given = process.env.BENCH_INGEST_MESSAGES;
  if (given !== undefined) {
    const value = Number(given);
    if (!Number.isInteger(value) || value < 10_000) throw new Error(`BENCH_INGEST_MESSAGES must be an integer ≥ 10000, got "${given}"`);
    return value;
  }
  if (kind === 'postgres') return quick ? 50_000 : 1_000_000;
  return quick ? 20_000 : 50_000;
}

const natsUrl = () => process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

async function natsReachable(): Promise<string | null> {
  try {
    const nc = await connect({ servers: natsUrl(), timeout: 2_000 });
    await nc.close();
    return null;
  } catch (error) {
    return `NATS at ${natsUrl()} is not reachable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The measured phase in a child process running the compiled product, as users run it: run through
 * tsx here, the process also held tsx's loader thread and every module's source map.
 */
async function pipelineInChild(plan: Plan, where: DbLocation): Promise<PipelinePhaseResult> {
  const script = await compiledModule(PHASE_CHILD, plan.log);
  const input: PipelinePhaseInput = {
    kind: plan.kind,
    where,
    messages: plan.messages,
    quick: plan.options.quick,
    scratchDir: plan.scratch.dir,
  };
  const profileDir = plan.options.profile ? path.join(ROOT, 'bench/results/profiles', `ingest-${plan.kind}`) : null;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, script, JSON.stringify(input)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let result: PipelinePhaseResult | null = null;
  for await (const line of createInterface({ input: child.stdout })) {
    const message = JSON.parse(line) as { log?: string; result?: PipelinePhaseResult };
    if (message.log !== undefined) plan.log(message.log);
    if (message.result) result = message.result;
  }
  const code = await exited;
  if (code !== 0 || !result) throw new Error(`the pipeline phase's process exited with status ${code}${result ? '' : ' and no result'}`);
  for (const file of profileDir ? readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')) : []) {
    const where = path.join(profileDir!, file);
    plan.log(
      `CPU profile of the pipeline phase's process (throughput, latency and relay phases): ${where}\n${renderProfile(summariseProfile(where, 40))}`,
    );
  }
  return result;
}

async function runOn(plan: Plan): Promise<{ figures: Figure[]; settings: Record<string, unknown> }> {
  const { kind, log, options } = plan;
  const fresh = freshDatabases(kind, plan.scratch, log);
  const settings: Record<string, unknown> = {
    messages: plan.messages,
    batchSize: 1_000,
    inFlightBatches: IN_FLIGHT,
    // PostgreSQL only: the ANALYZE its (disabled) autovacuum would run; PGlite has no autovacuum, so none there.
    autovacuumStandIn: kind === 'postgres' ? 'analyze by autovacuum_naptime and thresholds' : null,
    templates: describeTemplates(plan.templates),
    quick: options.quick,
  };

  const where = await fresh('pipeline');
  const { run, latency, relay, rss, workspaceId } = await pipelineInChild(plan, where);

  log('baseline: COPY TO of the stored contacts, identities, conversations and messages, then COPY FROM into a fresh database');
  const exported = await exportRows(where, workspaceId, path.join(plan.scratch.dir, `export-${kind}`));
  const copyLoad = load1();
  const copied = await copyRows(await fresh('copy'), exported);
  rmSync(exported.dir, { recursive: true, force: true });
  const copyRate = exported.rows.messages! / copied.seconds;
  log(
    `baseline: ${exported.rows.messages!.toLocaleString('en-US')} messages (${Math.round(exported.bytes / 1e6)} MB of CSV) ` +
      `in ${copied.seconds.toFixed(1)} s = ${Math.round(copyRate).toLocaleString('en-US')} messages/s; ` +
      `CPU per 1,000 messages: ${describeCpu(copied.cpuSeconds, exported.rows.messages!)}`,
  );

  const sizeText = plan.messages.toLocaleString('en-US');
  const floor = TARGETS.floor[kind];
  const problems = run.ingested === plan.messages ? undefined : `${run.ingested} of ${plan.messages} messages ingested`;
  const figures: Figure[] = [
    {
      id: 'ingest.copy-ratio',
      label: `pipeline, ${sizeText} messages, vs raw COPY`,
      unit: 'msg/s',
      value: problems ? null : run.rate,
      baseline: copyRate,
      baselineLabel:
        'raw COPY of the same final rows (contacts made on arrival, identities, conversations, messages) into a fresh database',
      ...(kind === 'postgres' ? { target: { kind: 'ratio', min: TARGETS.copyRatio } as const } : {}),
      ...(problems ? { note: problems } : {}),
      details: { pipeline: run, copy: { ...copied, rows: exported.rows, csvBytes: exported.bytes, loadAverage: copyLoad } },
    },
    ...(kind === 'postgres'
      ? [
          {
            id: 'ingest.cpu',
            label: `CPU per 1,000 messages, pipeline (the ingesting process + PostgreSQL) vs COPY`,
            unit: 'ms',
            value: problems ? null : cpuPer1000(run.cpuSeconds, run.ingested).total,
            baseline: cpuPer1000(copied.cpuSeconds, exported.rows.messages!).total,
            baselineLabel: 'the COPY (PostgreSQL backend + this process reading the files)',
            details: {
              pipeline: cpuPer1000(run.cpuSeconds, run.ingested).parts,
              copy: cpuPer1000(copied.cpuSeconds, exported.rows.messages!).parts,
            },
          },
        ]
      : []),
    {
      id: 'ingest.floor',
      label: `pipeline, ${sizeText} messages, vs the floor`,
      unit: 'msg/s',
      value: problems ? null : run.rate,
      baseline: floor,
      baselineLabel: `the issue's floor of ${floor.toLocaleString('en-US')} messages/s`,
      target: { kind: 'ratio', min: 1 },
    },
    {
      id: 'latency.p99',
      label: `receipt → visible in GET …/messages, p99 at ${Math.round(latency.offeredRate).toLocaleString('en-US')} msg/s (p50 ${latency.p50Ms} ms)`,
      unit: 'ms',
      value: latency.p99Ms,
      target: { kind: 'max', max: TARGETS.latencyP99Ms },
      ...(latency.lost ? { note: `${latency.lost} of ${latency.samples} samples not visible within 30 s` } : {}),
      details: { ...latency },
    },
    {
      id: 'relay.drain',
      label: `event relay: ${relay.backlog.toLocaleString('en-US')} events behind after the load, time to catch up (${relay.seconds > 0 ? Math.round((relay.backlog - relay.left) / relay.seconds) : 0} events/s)`,
      unit: 's',
      value: relay.left ? null : relay.seconds,
      ...(relay.left ? { note: `${relay.left} events still not relayed after ${RELAY_PATIENCE_MS / 1000} s` } : {}),
      details: { ...relay },
    },
    {
      id: 'rss.peak',
      label: 'ingesting process RSS peak (app + pipeline + generator)',
      unit: 'MB',
      value: mb(rss.peakBytes),
      target: { kind: 'max', max: TARGETS.rssMb },
      details: { ...rss },
    },
  ];

  if (kind === 'postgres') figures.push(...(await natsFigures(plan, fresh)));
  return { figures, settings };
}

async function natsFigures(plan: Plan, fresh: (label: string) => Promise<DbLocation>): Promise<Figure[]> {
  const unreachable = await natsReachable();
  if (unreachable) {
    return [{ id: 'nats.scaling', label: 'NATS: two workers vs one', unit: 'msg/s', value: null, note: unreachable }];
  }
  const { args } = await entryPoint(plan.log);
  const workerPlan = {
    natsUrl: natsUrl(),
    rapportArgs: args,
    dir: plan.scratch.dir,
    runTag: plan.runTag,
    log: plan.log,
  };
  const runs: WorkerRun[] = [];
  for (const workers of [1, 2]) {
    const where = (await fresh(`nats_${workers}`)) as DbLocation & { kind: 'postgres' };
    const run = await measureWorkers(workerPlan, where, workers, plan.natsMessages, messageSource(plan.templates, 'n'));
    plan.log(`NATS: ${workers} worker(s): ${Math.round(run.rate).toLocaleString('en-US')} messages/s`);
    runs.push(run);
  }
  const [one, two] = runs as [WorkerRun, WorkerRun];
  const sizeText = plan.natsMessages.toLocaleString('en-US');
  const workerPeak = (run: WorkerRun) => Math.max(...run.workerRss.map((r) => mb(r.peakBytes)));
  return [
    {
      id: 'nats.one',
      label: `NATS, 1 rapport worker, ${sizeText} messages (RSS peak ${Math.round(workerPeak(one))} MB)`,
      unit: 'msg/s',
      value: one.rate,
      details: { ...one },
    },
    {
      id: 'nats.two',
      label: `NATS, 2 rapport workers, ${sizeText} messages (RSS peak ${Math.round(workerPeak(two))} MB each at most)`,
      unit: 'msg/s',
      value: two.rate,
      baseline: one.rate,
      baselineLabel: 'one worker',
      details: { ...two },
    },
  ];
}

export const suite: BenchSuite = {
  description: 'Ingest: pipeline throughput vs raw COPY, receipt-to-inbox latency, memory, NATS worker scaling',
  async run(options) {
    const started = performance.now();
    const machine = await machineInfo(options.databases.includes('postgres') ? options.postgresUrl : null);
    process.stdout.write(
      `ingest benchmark${options.quick ? ' (quick smoke run: figures are indicative only)' : ''}\n${describeMachine(machine)}\n`,
    );
    const templates = await loadTemplates();
    process.stdout.write(`templates from test/fixtures/corpora: ${JSON.stringify(describeTemplates(templates))}\n`);
    const scratch = createScratch(options.postgresUrl, options.keep);
    const runTag = randomBytes(4).toString('hex').toUpperCase();
    let allPass = true;
    try {
      for (const kind of options.databases) {
        const t0 = performance.now();
        const log = (message: string) =>
          process.stdout.write(`[${dbLabel(kind)} ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
        const plan: Plan = {
          kind,
          options,
          scratch,
          templates,
          messages: messageCount(kind, options.quick),
          natsMessages: options.quick ? 20_000 : 200_000,
          runTag,
          log,
        };
        const { figures, settings } = await runOn(plan);
        const judged = figures.map(judge);
        allPass &&= judged.every((f) => f.verdict !== 'FAIL');
        process.stdout.write(renderTable(`ingest on ${dbLabel(kind)}`, judged));
        const file = await writeResult({
          suite: 'ingest',
          database: kind,
          quick: options.quick,
          label: options.label,
          settings,
          machine,
          figures: judged,
        });
        process.stdout.write(`results: ${path.relative(process.cwd(), file)}\n`);
      }
    } finally {
      await scratch.cleanup();
    }
    process.stdout.write(`ingest benchmark done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    return allPass;
  },
};
