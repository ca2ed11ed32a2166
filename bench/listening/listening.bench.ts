/**
 * `npm run bench -- listening`: the listening targets of issue 4.
 *
 * - enrichment: `analyzeText` (sentiment + language + intent + extraction) on one core, over the
 *   recorded corpora's messages and post-like variations of them; each part alone as well;
 * - matching: messages prepared and matched against 1,000 active queries on one core;
 *   both CPU figures are messages per CPU-second of this process (what a core does, however busy
 *   the machine is), the best of 5 rounds;
 * - the mention stream and the dashboards through the real server (`rapport serve`) over HTTP, at
 *   5,000,000 stored mentions on PostgreSQL (--quick: 500,000) and 200,000 on PGlite (--quick:
 *   50,000), generated in SQL with the rollups the pipeline keeps; p50/p99 per endpoint at c=8.
 *
 * BENCH_LISTENING_MENTIONS=<n> sets the number of mentions on both databases; BENCH_LISTENING_DB=<url>
 * measures a database an earlier `--keep` run left (migrated first) instead of generating one. The CPU figures go to
 * `listening-cpu.json`, the HTTP ones to `listening-<db>.json`.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openMigrated, dbLabel, openDb, type DbLocation } from '../crm/rapport-db.js';
import { loadTemplates, type Templates } from '../ingest/corpus-messages.js';
import { renderProfile, summariseProfile } from '../lib/cpu-profile.js';
import { createScratch, type Scratch } from '../lib/databases.js';
import { describeMachine, machineInfo, type MachineInfo } from '../lib/machine.js';
import type { BenchDbKind, BenchOptions } from '../lib/options.js';
import { rapportLauncher, ROOT, type RapportLauncher } from '../lib/rapport-server.js';
import { judge, renderTable, writeResult, type Figure } from '../lib/report.js';
import type { BenchSuite } from '../lib/suite.js';
import { CONCURRENCY, measureDashboards } from './dashboard-load.js';
import { bestOfRounds, ENRICHMENT_PARTS, measureEnrichment } from './enrichment.js';
import { enrichmentTexts } from './enrichment-texts.js';
import { measureMatching, type MatchingResult } from './matching.js';
import { generateListeningData, keptListeningData, type ListeningData } from './mention-data.js';

const TARGETS = { enrichmentPerSecond: 50_000, matchingPerSecond: 100_000 };
const ACTIVE_QUERIES = 1_000;
const MATCHED_MESSAGES = 20_000;
/** CPU figures are the best of this many rounds (see bestOfRounds). */
const CPU_ROUNDS = 5;

type Log = (message: string) => void;

function mentionCount(kind: BenchDbKind, quick: boolean): number {
  const given = process.env.BENCH_LISTENING_MENTIONS;
  if (given !== undefined) {
    const value = Number(given);
    if (!Number.isInteger(value) || value < 1_000) throw new Error(`BENCH_LISTENING_MENTIONS must be an integer ≥ 1000, got "${given}"`);
    return value;
  }
  if (kind === 'postgres') return quick ? 500_000 : 5_000_000;
  return quick ? 50_000 : 200_000;
}

function measureCpu(templates: Templates, options: BenchOptions, log: Log): Figure[] {
  const { texts, corpusMessages, meanCharacters } = enrichmentTexts(templates);
  log(
    `enrichment: ${texts.length} texts (${corpusMessages} corpus messages and variations, ${Math.round(meanCharacters)} characters on average)`,
  );
  const figures: Figure[] = [];
  for (const part of ENRICHMENT_PARTS) {
    const loadAverage = os.loadavg()[0]!;
    const rate = measureEnrichment(part, texts, options, CPU_ROUNDS);
    log(
      `enrichment: ${part} ${Math.round(rate.best).toLocaleString('en-US')} messages per CPU-second (median ${Math.round(rate.median).toLocaleString('en-US')})`,
    );
    const details = { ...rate, loadAverage };
    figures.push(
      part === 'analyzeText'
        ? {
            id: 'enrichment.rate',
            label: 'enrichment (analyzeText), one core',
            unit: 'messages/CPU-s',
            value: rate.best,
            baseline: TARGETS.enrichmentPerSecond,
            baselineLabel: "the issue's target",
            target: { kind: 'ratio', min: 1 },
            details: { ...details, texts: texts.length, corpusMessages, meanCharacters: Math.round(meanCharacters) },
          }
        : { id: `enrichment.${part}.rate`, label: `  ${part} alone`, unit: 'messages/CPU-s', value: rate.best, details },
    );
  }
  log(`matching: ${ACTIVE_QUERIES} queries, ${MATCHED_MESSAGES} messages`);
  const loadAverage = os.loadavg()[0]!;
  let last: MatchingResult | null = null;
  const matching = bestOfRounds(CPU_ROUNDS, () => {
    last = measureMatching({ queries: ACTIVE_QUERIES, messages: MATCHED_MESSAGES, seconds: options.duration / CPU_ROUNDS });
    return last.messagesPerCpuSecond;
  });
  const { queries, matchesPerMessage } = last!;
  log(
    `matching: ${Math.round(matching.best).toLocaleString('en-US')} messages per CPU-second (median ${Math.round(matching.median).toLocaleString('en-US')})`,
  );
  figures.push({
    id: 'matching.rate',
    label: `matching against ${queries} queries, one core`,
    unit: 'messages/CPU-s',
    value: matching.best,
    baseline: TARGETS.matchingPerSecond,
    baselineLabel: "the issue's target",
    target: { kind: 'ratio', min: 1 },
    details: { ...matching, loadAverage, queries, matchesPerMessage, messages: MATCHED_MESSAGES },
  });
  return figures;
}

interface Plan {
  kind: BenchDbKind;
  options: BenchOptions;
  scratch: Scratch;
  launcher: RapportLauncher;
  templates: Templates;
  log: Log;
}

async function databaseSize(where: DbLocation): Promise<string> {
  const db = await openDb(where);
  try {
    const { rows } = await db.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
    return rows[0]!.size;
  } finally {
    await db.close();
  }
}

/** A kept PostgreSQL listening database to measure again (BENCH_LISTENING_DB), instead of generating one. */
function keptDatabase(kind: BenchDbKind): string | null {
  const url = process.env.BENCH_LISTENING_DB;
  return kind === 'postgres' && url ? url : null;
}

async function runOn(plan: Plan): Promise<{ figures: Figure[]; settings: Record<string, unknown> }> {
  const { kind, options, scratch, log } = plan;
  const kept = keptDatabase(kind);
  const mentions = mentionCount(kind, options.quick);
  const where: DbLocation = kept
    ? { kind: 'postgres', url: kept }
    : kind === 'postgres'
      ? { kind, url: await scratch.createPostgresDatabase('listening') }
      : { kind, dir: path.join(scratch.dir, 'pglite-listening', 'pglite') };
  if (where.kind === 'pglite') mkdirSync(path.dirname(where.dir), { recursive: true });
  const db = await openMigrated(where);
  let data: ListeningData;
  try {
    if (kept) {
      log(`data: the kept database ${new URL(kept).pathname.slice(1)} (BENCH_LISTENING_DB), migrated`);
      data = await keptListeningData(db);
    } else {
      log(`data: a migrated database, then ${mentions.toLocaleString('en-US')} mentions generated in SQL`);
      data = await generateListeningData(db, plan.templates, { messages: mentions, slice: kind === 'postgres' ? 250_000 : 25_000 }, log);
    }
  } finally {
    await db.close();
  }
  const size = await databaseSize(where);
  log(`data: ready in ${Math.round(data.seconds)} s, database ${size}: ${JSON.stringify(data.rows)}`);

  const profileDir = options.profile ? path.join(ROOT, 'bench/results/profiles', `listening-${kind}`) : null;
  const server = await plan.launcher.start({
    where,
    dataDir: where.kind === 'pglite' ? path.dirname(where.dir) : path.join(scratch.dir, 'postgres-listening'),
    cwd: scratch.dir,
    logFile: path.join(scratch.dir, `rapport-listening-${kind}.log`),
    profileDir,
  });
  log(`http: ${server.url}, c=${CONCURRENCY}, ${options.warmup} s warm-up + ${options.duration} s per endpoint`);
  const httpFigures = await measureDashboards(server.url, data, options, log).finally(() => server.stop());
  if (profileDir) {
    for (const file of plan.launcher.profiles(profileDir)) process.stdout.write(`${file}\n${renderProfile(summariseProfile(file))}`);
  }
  const figures: Figure[] = [
    ...(kept
      ? []
      : [
          {
            id: 'data.rate',
            label: `generate ${mentions.toLocaleString('en-US')} mentions in SQL (with messages and rollups)`,
            unit: 'mentions/s',
            value: mentions / data.seconds,
            details: { seconds: Math.round(data.seconds), databaseSize: size, rows: data.rows, days: data.shape.days },
          },
        ]),
    ...httpFigures,
  ];
  const settings = {
    mentions: data.rows.mentions,
    keptDatabase: kept !== null,
    authors: data.shape.identities,
    queries: data.queries.length,
    days: data.shape.days,
    concurrency: CONCURRENCY,
    quick: options.quick,
    warmupSeconds: options.warmup,
    durationSeconds: options.duration,
    rapport: plan.launcher.description,
  };
  return { figures, settings };
}

async function report(
  kind: string,
  title: string,
  figures: Figure[],
  settings: Record<string, unknown>,
  options: BenchOptions,
  machine: MachineInfo,
) {
  const judged = figures.map(judge);
  process.stdout.write(renderTable(title, judged));
  const file = await writeResult({
    suite: 'listening',
    database: kind,
    quick: options.quick,
    label: options.label,
    settings,
    machine,
    figures: judged,
  });
  process.stdout.write(`results: ${path.relative(process.cwd(), file)}\n`);
  return judged.every((f) => f.verdict !== 'FAIL');
}

export const suite: BenchSuite = {
  description: 'Listening: enrichment and matching per core, the mention stream and dashboards at 5,000,000 mentions',
  async run(options) {
    const started = performance.now();
    const machine = await machineInfo(options.databases.includes('postgres') ? options.postgresUrl : null);
    process.stdout.write(
      `listening benchmark${options.quick ? ' (quick smoke run: figures are indicative only)' : ''}\n${describeMachine(machine)}\n`,
    );
    const t0 = performance.now();
    const logAs = (label: string) => (message: string) =>
      process.stdout.write(`[${label} ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
    const templates = await loadTemplates();
    const cpu = measureCpu(templates, options, logAs('CPU'));
    let allPass = await report(
      'cpu',
      'listening: one core, in process',
      cpu,
      { warmupSeconds: options.warmup, durationSeconds: options.duration },
      options,
      machine,
    );
    const scratch = createScratch(options.postgresUrl, options.keep);
    try {
      const launcher = await rapportLauncher(logAs('build'));
      for (const kind of options.databases) {
        const { figures, settings } = await runOn({ kind, options, scratch, launcher, templates, log: logAs(dbLabel(kind)) });
        allPass = (await report(kind, `listening on ${dbLabel(kind)}`, figures, settings, options, machine)) && allPass;
      }
    } finally {
      await scratch.cleanup();
    }
    process.stdout.write(`listening benchmark done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    return allPass;
  },
};
