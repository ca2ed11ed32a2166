/**
 * `npm run bench -- identity`: identity resolution through the product, on PostgreSQL and PGlite.
 *
 * - full deduplication: 100,000 synthetic people (FEBRL-like, 20 % duplicates) loaded as contacts,
 *   then the product's `resolveWorkspace` — a first pass (empty arrival index) and a second — each
 *   in a child process so its peak RSS is its own: wall time, CPU time, peak RSS, and the F1 of the
 *   linked pairs against the generator's truth;
 * - matching on arrival: a workspace knowing 1,000,000 people (200,000 on PGlite), then 2,000 new
 *   identities (duplicates of known people with and without their e-mail, new people, shared
 *   mailboxes, common names) matched one at a time by `matchArrivedIdentities`, each in its own
 *   transaction: p50/p99 of the step's time inside the open transaction (the headline: in the
 *   product the ingest batch's transaction holds it), p50/p99 of the whole transaction (BEGIN..COMMIT),
 *   CPU time and statements per arrival;
 * - the same two on the matching engine alone, without a database, labelled engine only.
 *
 * `--quick` uses 10,000 contacts for the pass, 100,000 known people (20,000 on PGlite) for arrivals.
 */
import path from 'node:path';
import { applyHeapSettings } from '../../server/src/platform/memory/heap-settings.js';
import { createBenchWorkspace, openMigrated, type DbLocation } from '../crm/rapport-db.js';
import { createScratch, type Scratch } from '../lib/databases.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import type { BenchDbKind, BenchOptions } from '../lib/options.js';
import { ROOT } from '../lib/rapport-server.js';
import { judge, renderTable, writeResult, type Figure } from '../lib/report.js';
import type { BenchSuite } from '../lib/suite.js';
import { ARRIVALS, measureArrivals, seedKnownPeople } from './arrival.js';
import { engineArrivalMatching, engineDeduplication } from './engine.js';
import { measureFullPass } from './full-pass.js';

function log(message: string): void {
  process.stderr.write(`identity: ${message}\n`);
}

function sizes(kind: BenchDbKind, quick: boolean) {
  const known = kind === 'postgres' ? 1_000_000 : 200_000;
  return { pass: quick ? 10_000 : 100_000, known: quick ? known / 10 : known };
}

async function freshDb(scratch: Scratch, kind: BenchDbKind, label: string): Promise<DbLocation> {
  if (kind === 'postgres') return { kind, url: await scratch.createPostgresDatabase(label) };
  return { kind, dir: path.join(scratch.dir, `pglite-${label}`) };
}

async function arrivalFigures(location: DbLocation, known: number): Promise<Figure[]> {
  // Arrivals are matched in this process: with the heap settings of the `rapport` process that matches them.
  applyHeapSettings();
  const db = await openMigrated(location);
  try {
    const workspace = await createBenchWorkspace(db, 'arrival');
    const seeded = await seedKnownPeople(db, workspace, known);
    log(`${location.kind}: matching ${ARRIVALS} arrivals against ${known} known people`);
    return await measureArrivals(db, workspace.workspaceId, seeded, known);
  } finally {
    await db.close();
  }
}

export const suite: BenchSuite = {
  description: 'identity resolution through the product: full deduplication pass and matching on arrival',
  async run(options: BenchOptions) {
    const machine = await machineInfo(options.postgresUrl);
    log(describeMachine(machine));
    const scratch = createScratch(options.postgresUrl, options.keep);
    const profileDir = options.profile ? path.join(ROOT, 'bench/results/profiles') : null;
    let ok = true;
    try {
      for (const kind of options.databases) {
        const size = sizes(kind, options.quick);
        const figures = [
          ...(await measureFullPass(await freshDb(scratch, kind, 'pass'), size.pass, profileDir)),
          ...(await arrivalFigures(await freshDb(scratch, kind, 'arrival'), size.known)),
        ].map(judge);
        process.stdout.write(renderTable(`Identity resolution through the product (${kind})`, figures));
        const file = await writeResult({
          suite: 'identity',
          database: kind,
          quick: options.quick,
          label: options.label,
          settings: { passContacts: size.pass, knownPeople: size.known, arrivals: ARRIVALS, duplicateShare: 0.2 },
          machine,
          figures,
        });
        log(`results written to ${file}`);
        ok &&= figures.every((figure) => figure.verdict !== 'FAIL');
      }
    } finally {
      await scratch.cleanup();
    }
    const engine = [...engineDeduplication(options.quick ? 10_000 : 100_000), ...engineArrivalMatching(options.quick ? 100_000 : 1_000_000)]
      .map((figure) => ({ ...figure, id: `engine-${figure.id}`, label: `engine only: ${figure.label}` }))
      .map(judge);
    process.stdout.write(renderTable('Identity resolution, matching engine only (CPU, no database)', engine));
    log(
      `results written to ${await writeResult({ suite: 'identity', database: 'cpu', quick: options.quick, label: options.label, settings: {}, machine, figures: engine })}`,
    );
    return ok;
  },
};
