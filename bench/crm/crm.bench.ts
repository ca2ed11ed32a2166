/**
 * `npm run bench -- crm`: the CRM's hot paths against their baselines, on PostgreSQL and PGlite.
 *
 * - create contacts through the real API (token auth, validation, audit event) at concurrency 16,
 *   against a bare Fastify app doing one INSERT per request into a table with the same indexes;
 * - bulk CSV import through the import service, against a raw COPY of the same rows;
 * - list with a filter, search by name, and tag + sort at 100,000 contacts (p99);
 * - the server's resident memory at rest and under that load.
 *
 * Servers run in child processes side by side; the load generator alternates between them in
 * short slices, so a burst of other work on a noisy machine falls on both sides of a ratio.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../server/src/platform/db/db.js';
import { allMigrations } from '../../server/src/modules.js';
import { createScratch, type Scratch } from '../lib/databases.js';
import { probe, runAlternating, runLoad, type LoadResult, type LoadSpec } from '../lib/load.js';
import { describeMachine, machineInfo, packageVersion } from '../lib/machine.js';
import type { BenchDbKind, BenchOptions } from '../lib/options.js';
import { freePort, sampleRss, startServer, type RssSummary, type ServerProcess } from '../lib/processes.js';
import { renderProfile, summariseProfile } from '../lib/cpu-profile.js';
import { rapportLauncher, ROOT, type RapportLauncher } from '../lib/rapport-server.js';
import { judge, mb, renderTable, writeResult, type Figure } from '../lib/report.js';
import { readBacklog, waitForBacklog } from '../lib/job-backlog.js';
import type { BenchSuite } from '../lib/suite.js';
import { contactImportCsv, contactTableCsv } from './contact-rows.js';
import { contactBody, person, searchNames, TAGS } from './people.js';
import {
  copyContacts,
  createBenchWorkspace,
  dbLabel,
  findImportService,
  openDb,
  openMigrated,
  ownerCtx,
  seedCsv,
  vacuumContacts,
  type DbLocation,
} from './rapport-db.js';

const CONCURRENCY = 16;
/** Seeds of the generated people: one stream for the stored contacts, one for API creates. */
const STORED = 1;
const CREATED = 2;
/** The bare server's constant workspace and owner (see bare-server.ts). */
const BARE_WORKSPACE = { workspaceId: '00000000-0000-7000-8000-000000000001', ownerId: '00000000-0000-7000-8000-000000000002' };

const TARGETS = { createRatio: 0.6, importRatio: 0.5, listP99Ms: 30, rssMb: 300 };
/** How long the suite waits for the creates' jobs before measuring the lists regardless. */
const SETTLE_LIMIT_SECONDS = 180;

interface Plan {
  kind: BenchDbKind;
  options: BenchOptions;
  scratch: Scratch;
  launcher: RapportLauncher;
  /** Contacts in the listed workspace, and rows in the import and the COPY baseline. */
  size: number;
  log: (message: string) => void;
}

/**
 * A fresh, migrated database, copied from a migrated template. PGlite's initdb alone takes 10-20 s
 * here, so its template is kept in .tmp/bench-cache for as long as the migrations and the PGlite
 * version stay the same; PostgreSQL copies a template database made once per run.
 */
function databases(plan: Plan) {
  let template: Promise<string> | null = null;
  const pgliteTemplate = async () => {
    const key = createHash('sha256')
      .update(packageVersion('@electric-sql/pglite'))
      .update(JSON.stringify(allMigrations()))
      .digest('hex')
      .slice(0, 16);
    const dir = path.join(ROOT, '.tmp/bench-cache', `pglite-template-${key}`);
    if (existsSync(dir)) return dir;
    plan.log('PGlite: creating a migrated template database (once per schema version)');
    const building = `${dir}.${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    await (await openMigrated({ kind: 'pglite', dir: building })).close();
    renameSync(building, dir);
    return dir;
  };
  const postgresTemplate = async () => {
    const url = await plan.scratch.createPostgresDatabase('template');
    await (await openMigrated({ kind: 'postgres', url })).close();
    return url;
  };
  return async (label: string): Promise<DbLocation> => {
    const source = await (template ??= plan.kind === 'postgres' ? postgresTemplate() : pgliteTemplate());
    if (plan.kind === 'postgres') return { kind: 'postgres', url: await plan.scratch.createPostgresDatabase(label, source) };
    const dir = path.join(plan.scratch.dir, `pglite-${label}`, 'pglite');
    cpSync(source, dir, { recursive: true });
    return { kind: 'pglite', dir };
  };
}

async function withDb<T>(where: DbLocation, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(where);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function startBare(plan: Plan, where: DbLocation): Promise<ServerProcess> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: undefined, BENCH_DB: where.kind, PORT: String(port) };
  if (where.kind === 'postgres') env.DATABASE_URL = where.url;
  else env.PGLITE_DIR = where.dir;
  return startServer({
    command: process.execPath,
    args: ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'bench/crm/bare-server.ts')],
    env,
    cwd: plan.scratch.dir,
    port,
    readyPath: '/readyz',
    logFile: path.join(plan.scratch.dir, `bare-${plan.kind}.log`),
  });
}

/** Fails early, with the server's answer, when an endpoint does not do what the load assumes. */
async function expectStatus(url: string, init: RequestInit, status: number) {
  const answer = await probe(url, init);
  if (answer.status !== status) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${answer.status}, expected ${status}: ${answer.body.slice(0, 500)}`);
  }
}

function creates(base: string, urlPath: string, headers: Record<string, string>): LoadSpec {
  let next = 0;
  return {
    url: base,
    connections: CONCURRENCY,
    method: 'POST',
    headers,
    settlePath: '/readyz',
    next: () => ({ path: urlPath, body: JSON.stringify(contactBody(person(CREATED, next++))) }),
  };
}

function rotating(base: string, headers: Record<string, string>, paths: string[]): LoadSpec {
  let next = 0;
  return { url: base, connections: CONCURRENCY, headers, settlePath: '/readyz', next: () => ({ path: paths[next++ % paths.length]! }) };
}

function loadDetails(result: LoadResult): Record<string, unknown> {
  return { ...result, rate: Math.round(result.rate) };
}

function loadNote(result: LoadResult): string | undefined {
  if (result.non2xx === 0 && result.errors === 0) return undefined;
  return `${result.non2xx} non-2xx responses and ${result.errors} errors during the measured run`;
}

/**
 * The import against a raw COPY of the same rows: the file is cut into rounds, and each round is
 * COPYed into the baseline database and imported into a fresh Rapport database, alternating which
 * goes first, so both see the same machine. The baseline database ends up holding every row.
 */
async function measureImport(plan: Plan, bare: DbLocation, freshDb: (label: string) => Promise<DbLocation>): Promise<Figure[]> {
  const { size } = plan;
  const rounds = plan.options.quick ? 2 : 4;
  const service = await findImportService();
  const target = service && 'missing' in service ? null : service;
  plan.log(
    target
      ? `import: ${target.file} importContacts vs raw COPY, ${size.toLocaleString('en-US')} rows in ${rounds} alternating rounds`
      : `baseline: raw COPY of ${size.toLocaleString('en-US')} rows (import not measured: ${'missing' in service ? service.missing : ''})`,
  );
  const copyDb = await openDb(bare);
  const importDb = target ? await openDb(await freshDb('import')) : null;
  let copySeconds = 0;
  let importSeconds = 0;
  let failure: string | null = null;
  const summaries: unknown[] = [];
  try {
    const workspace = importDb ? await createBenchWorkspace(importDb, 'import') : null;
    for (let round = 0; round < rounds; round++) {
      const from = Math.floor((round * size) / rounds);
      const to = Math.floor(((round + 1) * size) / rounds);
      const copy = async () => {
        copySeconds += (await copyContacts(copyDb, contactTableCsv(STORED, from, to, BARE_WORKSPACE.workspaceId, BARE_WORKSPACE.ownerId)))
          .seconds;
      };
      const load = async () => {
        if (!target || !importDb || !workspace || failure) return;
        const content = contactImportCsv(STORED, from, to);
        const started = performance.now();
        try {
          summaries.push(
            await target.importContacts(ownerCtx(importDb, workspace), importDb, { format: 'csv', content, allowPartial: false }),
          );
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
        }
        importSeconds += (performance.now() - started) / 1000;
      };
      for (const step of round % 2 === 0 ? [copy, load] : [load, copy]) await step();
    }
    await vacuumContacts(copyDb);
    const copyRate = size / copySeconds;
    if (!target || !importDb || !workspace) {
      return [{ id: 'copy.rate', label: `raw COPY of ${size.toLocaleString('en-US')} contacts`, unit: 'rows/s', value: copyRate }];
    }
    // The import must have stored what the COPY stores: same rows, stages, tags, phones and handles.
    const { rows } = await importDb.query<Record<string, number>>(
      `SELECT count(*)::int AS contacts, count(*) FILTER (WHERE lifecycle_stage = 'customer')::int AS customers,
              count(*) FILTER (WHERE tags <> '{}')::int AS tagged, count(*) FILTER (WHERE phones <> '[]')::int AS "withPhone",
              count(*) FILTER (WHERE social_handles <> '[]')::int AS "withHandle"
         FROM contacts WHERE workspace_id = $1`,
      [workspace.workspaceId],
    );
    const stored = rows[0]!;
    const note = failure
      ? `the import failed: ${failure}`
      : stored.contacts !== size
        ? `${stored.contacts} of ${size} rows stored`
        : undefined;
    return [
      {
        id: 'import.rate',
        label: `CSV import of ${size.toLocaleString('en-US')} contacts`,
        unit: 'rows/s',
        value: note ? null : size / importSeconds,
        baseline: copyRate,
        baselineLabel: 'raw COPY of the same rows',
        target: { kind: 'ratio', min: TARGETS.importRatio },
        ...(note ? { note } : {}),
        details: { rounds, importSeconds, copySeconds, stored, service: target.file, summaries },
      },
    ];
  } finally {
    await copyDb.close();
    await importDb?.close();
  }
}

async function runOn(plan: Plan): Promise<{ figures: Figure[]; settings: Record<string, unknown> }> {
  const { kind, size, log, options } = plan;
  const sizeText = size.toLocaleString('en-US');
  const freshDb = databases(plan);
  const settings: Record<string, unknown> = {
    concurrency: CONCURRENCY,
    contacts: size,
    quick: options.quick,
    warmupSeconds: options.warmup,
    durationSeconds: options.duration,
    rapport: plan.launcher.description,
  };

  // 1. The baseline database gets the rows by raw COPY, alternating with the import service.
  const bare = await freshDb('bare');
  const importFigures = await measureImport(plan, bare, freshDb);
  const copyRate = (importFigures[0]!.baseline ?? importFigures[0]!.value)!;

  // 3. Rapport's database: a workspace of `size` contacts to list, an empty one to create into.
  log(`rapport: two workspaces, COPY ${sizeText} contacts, VACUUM ANALYZE`);
  const app = await freshDb('app');
  const { listed, creating, seedSeconds } = await withDb(app, async (db) => {
    const listedWs = await createBenchWorkspace(db, 'list');
    const creatingWs = await createBenchWorkspace(db, 'create');
    const seeded = await copyContacts(db, seedCsv(STORED, size, listedWs));
    await vacuumContacts(db);
    return { listed: listedWs, creating: creatingWs, seedSeconds: seeded.seconds };
  });

  // 4. Both servers up; Rapport's memory at rest, then under every load that follows.
  const profileDir = options.profile ? path.join(ROOT, 'bench/results/profiles', `crm-${kind}`) : null;
  const starting = plan.launcher.start({
    where: app,
    dataDir: app.kind === 'pglite' ? path.dirname(app.dir) : path.join(plan.scratch.dir, 'postgres-app'),
    cwd: plan.scratch.dir,
    logFile: path.join(plan.scratch.dir, `rapport-${kind}.log`),
    profileDir,
  });
  // Awaited below; this only keeps a failed start from counting as an unhandled rejection meanwhile.
  starting.catch(() => undefined);
  const bareServer = await startBare(plan, bare).catch(async (error: unknown) => {
    await (await starting).stop();
    throw error;
  });
  let rapport: ServerProcess | null = null;
  let rest: RssSummary;
  let peak: RssSummary;
  let bareCreated: LoadResult;
  let created: LoadResult;
  let bareListed: LoadResult | null = null;
  let settleSeconds: number | null = null;
  const lists: Record<string, LoadResult> = {};
  try {
    rapport = await starting;
    const server = rapport;
    await sleep(options.quick ? 300 : 1000);
    const resting = sampleRss(server.pid);
    await sleep(options.quick ? 700 : 2000);
    rest = resting.stop();
    const under = sampleRss(server.pid);
    try {
      log(`creates: bare INSERT vs Rapport POST /api/v1/contacts, c=${CONCURRENCY}, alternating slices`);
      const writeHeaders = { authorization: `Bearer ${creating.token}` };
      const json = { 'content-type': 'application/json' };
      const sample = JSON.stringify(contactBody(person(CREATED, 10_000_000)));
      await expectStatus(`${bareServer.url}/contacts`, { method: 'POST', headers: json, body: sample }, 201);
      await expectStatus(`${server.url}/api/v1/contacts`, { method: 'POST', headers: { ...writeHeaders, ...json }, body: sample }, 201);
      const slices = options.quick ? 1 : 5;
      const backlogBefore = await readBacklog(server.url);
      [bareCreated, created] = (await runAlternating(
        [creates(bareServer.url, '/contacts', {}), creates(server.url, '/api/v1/contacts', writeHeaders)],
        options.warmup,
        options.duration,
        slices,
      )) as [LoadResult, LoadResult];
      // Every created contact queues work (scoring 30 s later, its match keys): the lists are measured
      // once it is done, as a phase of their own, not on top of the creates' aftermath.
      log('creates: waiting for the jobs they queued to run');
      settleSeconds = await waitForBacklog(server.url, backlogBefore, SETTLE_LIMIT_SECONDS);
      log(
        settleSeconds === null
          ? `creates: jobs still queued after ${SETTLE_LIMIT_SECONDS} s, measuring anyway`
          : `creates: jobs done in ${settleSeconds.toFixed(1)} s`,
      );

      const readHeaders = { authorization: `Bearer ${listed.token}` };
      const filter = '/api/v1/contacts?stage=customer&limit=50';
      await expectStatus(server.url + filter, { headers: readHeaders }, 200);
      if (options.quick) {
        // The smoke run skips the list baseline, which only explains the figure.
        log(`list: Rapport GET ${filter}, c=${CONCURRENCY}`);
        lists.filter = await runLoad(rotating(server.url, readHeaders, [filter]), options.warmup, options.duration);
      } else {
        log(`list: bare SELECT vs Rapport GET ${filter}, c=${CONCURRENCY}, alternating slices`);
        await expectStatus(`${bareServer.url}/contacts?stage=customer&limit=50`, {}, 200);
        [bareListed, lists.filter] = (await runAlternating(
          [rotating(bareServer.url, {}, ['/contacts?stage=customer&limit=50']), rotating(server.url, readHeaders, [filter])],
          options.warmup,
          options.duration,
          slices,
        )) as [LoadResult, LoadResult];
      }
      await bareServer.stop();

      const queries: Record<string, string[]> = {
        search: searchNames(STORED, 64, size).map((name) => `/api/v1/contacts?q=${encodeURIComponent(name)}`),
        tag: TAGS.map(([tag]) => `/api/v1/contacts?sort=-createdAt&tag=${encodeURIComponent(tag)}`),
      };
      for (const [name, paths] of Object.entries(queries)) {
        log(`list: Rapport GET ${paths[0]} (and ${paths.length - 1} more), c=${CONCURRENCY}`);
        await expectStatus(server.url + paths[0], { headers: readHeaders }, 200);
        lists[name] = await runLoad(rotating(server.url, readHeaders, paths), options.warmup, options.duration);
      }
    } finally {
      peak = under.stop();
    }
  } finally {
    await bareServer.stop();
    await rapport?.stop();
  }
  if (profileDir) {
    for (const file of plan.launcher.profiles(profileDir)) process.stdout.write(`${file}\n${renderProfile(summariseProfile(file))}`);
  }

  const figures: Figure[] = [
    {
      id: 'create.rate',
      label: `create contact via API, c=${CONCURRENCY}`,
      unit: '/s',
      value: created.rate,
      baseline: bareCreated.rate,
      baselineLabel: 'bare Fastify + one INSERT',
      target: { kind: 'ratio', min: TARGETS.createRatio },
      ...(loadNote(created) ? { note: loadNote(created) } : {}),
      details: { rapport: loadDetails(created), baseline: loadDetails(bareCreated) },
    },
    {
      id: 'create.settle',
      label: 'jobs queued by the creates (scoring, match keys), done after',
      unit: 's',
      value: settleSeconds,
      ...(settleSeconds === null ? { note: `still queued at the ${SETTLE_LIMIT_SECONDS} s limit` } : {}),
    },
    ...importFigures,
    {
      id: 'seed.rate',
      label: `COPY ${sizeText} contacts (seeding Rapport's database)`,
      unit: 'rows/s',
      value: size / seedSeconds,
      baseline: copyRate,
      baselineLabel: 'raw COPY into the baseline database',
    },
  ];
  const listLabels: Record<string, string> = {
    filter: 'list ?stage=customer&limit=50',
    search: 'search ?q=<first last>',
    tag: 'list ?sort=-createdAt&tag=<tag>',
  };
  for (const [name, result] of Object.entries(lists)) {
    const baseline = name === 'filter' ? bareListed : null;
    figures.push({
      id: `list.${name}.p99`,
      label: `${listLabels[name]} p99 (${Math.round(result.rate)}/s, p50 ${result.p50Ms} ms)`,
      unit: 'ms',
      value: result.p99Ms,
      ...(baseline ? { baseline: baseline.p99Ms, baselineLabel: `bare Fastify + the same SELECT (${Math.round(baseline.rate)}/s)` } : {}),
      target: { kind: 'max', max: TARGETS.listP99Ms },
      ...(loadNote(result) ? { note: loadNote(result) } : {}),
      details: { rapport: loadDetails(result), ...(baseline ? { baseline: loadDetails(baseline) } : {}) },
    });
  }
  figures.push(
    {
      id: 'rss.rest',
      label: 'server RSS at rest',
      unit: 'MB',
      value: mb(rest.meanBytes),
      target: { kind: 'max', max: TARGETS.rssMb },
      details: { ...rest },
    },
    {
      id: 'rss.peak',
      label: 'server RSS peak under load',
      unit: 'MB',
      value: mb(peak.peakBytes),
      target: { kind: 'max', max: TARGETS.rssMb },
      details: { ...peak },
    },
  );
  return { figures, settings };
}

export const suite: BenchSuite = {
  description: 'CRM: API creates, CSV import, list views at 100k contacts, server memory',
  async run(options) {
    const started = performance.now();
    const machine = await machineInfo(options.databases.includes('postgres') ? options.postgresUrl : null);
    process.stdout.write(
      `crm benchmark${options.quick ? ' (quick smoke run: figures are indicative only)' : ''}\n${describeMachine(machine)}\n`,
    );
    const scratch = createScratch(options.postgresUrl, options.keep);
    let allPass = true;
    try {
      const launcher = await rapportLauncher((message) => process.stdout.write(`${message}\n`));
      for (const kind of options.databases) {
        const t0 = performance.now();
        const log = (message: string) =>
          process.stdout.write(`[${dbLabel(kind)} ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
        const plan: Plan = { kind, options, scratch, launcher, size: options.quick ? 2_000 : 100_000, log };
        const { figures, settings } = await runOn(plan);
        const judged = figures.map(judge);
        allPass &&= judged.every((f) => f.verdict !== 'FAIL');
        process.stdout.write(renderTable(`crm on ${dbLabel(kind)}`, judged));
        const file = await writeResult({
          suite: 'crm',
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
    process.stdout.write(`crm benchmark done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    return allPass;
  },
};
