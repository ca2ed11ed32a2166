/**
 * The full deduplication through the product: synthetic people loaded as contacts into a migrated
 * database, then `resolveWorkspace` run twice, each time in a child process of its own (the first
 * pass finds the arrival index empty and writes it whole; the second finds it current), and the
 * pairs it stored scored against the generator's truth.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pairwiseQuality } from '../../server/src/identity/matching/pairwise-quality.js';
import type { Db } from '../../server/src/platform/db/db.js';
import { createBenchWorkspace, openDb, openMigrated, type DbLocation } from '../crm/rapport-db.js';
import { compiledModule } from '../lib/compiled.js';
import { renderProfile, summariseProfile } from '../lib/cpu-profile.js';
import { ROOT } from '../lib/rapport-server.js';
import type { Figure } from '../lib/report.js';
import { loadContacts } from './contact-table.js';
import type { FullPassInput, FullPassMeasurement } from './full-pass.child.js';
import { syntheticPeople } from './synthetic-people.js';
import { f1Figure } from './f1-figure.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'full-pass.child.ts');
const TARGETS = { seconds: 30, memoryMb: 1000 };

function log(message: string): void {
  process.stderr.write(`identity: ${message}\n`);
}

/**
 * Runs one pass in a child process of compiled JavaScript, as `rapport identity resolve` runs (not
 * through tsx, whose loader thread and source maps the memory figure would count); with
 * `profileDir`, writes its V8 CPU profile there and prints a summary.
 */
async function passInChild(input: FullPassInput, profileDir: string | null): Promise<FullPassMeasurement> {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...profile, await compiledModule(CHILD, log), JSON.stringify(input)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the full pass child exited with status ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as FullPassMeasurement;
}

/** The contact pairs the pass decided to link, grouped into clusters. */
async function linkedClusters(db: Db, workspaceId: string): Promise<string[][]> {
  const { rows } = await db.query<{ left: string; right: string }>(
    `SELECT left_id AS left, right_id AS right FROM duplicate_candidates WHERE workspace_id = $1 AND kind = 'contact' AND decision = 'link'`,
    [workspaceId],
  );
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== undefined && parent.get(at) !== at) at = parent.get(at)!;
    parent.set(id, at);
    return at;
  };
  for (const { left, right } of rows) {
    if (!parent.has(left)) parent.set(left, left);
    if (!parent.has(right)) parent.set(right, right);
    parent.set(root(left), root(right));
  }
  const clusters = new Map<string, string[]>();
  for (const id of parent.keys()) clusters.set(root(id), [...(clusters.get(root(id)) ?? []), id]);
  return [...clusters.values()];
}

export async function measureFullPass(location: DbLocation, size: number, profileDir: string | null): Promise<Figure[]> {
  const kind = location.kind;
  let db = await openMigrated(location);
  const workspace = await createBenchWorkspace(db, 'pass');
  const entityOf = new Map<string, string>();
  const started = performance.now();
  const entities = new Map<string, string>();
  const people = (function* () {
    for (const { person, entity } of syntheticPeople(size, 0.2, 1)) {
      entities.set(person.id, entity);
      yield person;
    }
  })();
  await loadContacts(db, workspace, people, ({ contactId, person }) => entityOf.set(contactId, entities.get(person.id)!));
  await db.exec('VACUUM (ANALYZE) contacts');
  log(`${kind}: ${size} contacts loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await db.close();

  const input: FullPassInput = { location, workspaceId: workspace.workspaceId, ownerId: workspace.ownerId };
  const passes: (FullPassMeasurement & { loadAverage: number })[] = [];
  for (const pass of ['first', 'second']) {
    const loadAverage = os.loadavg()[0]!;
    const measurement = await passInChild(input, profileDir && pass === 'first' ? profileDir : null);
    passes.push({ ...measurement, loadAverage });
    log(
      `${kind}: ${pass} pass ${measurement.seconds.toFixed(1)} s, CPU ${measurement.cpuSeconds.toFixed(1)} s + database ${measurement.databaseCpuSeconds?.toFixed(1) ?? '(in process)'} s, peak RSS ${measurement.peakRssMb.toFixed(0)} MB`,
    );
  }
  if (profileDir) {
    const newest = readdirSync(profileDir)
      .filter((file) => file.endsWith('.cpuprofile'))
      .map((file) => path.join(profileDir, file))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (newest) process.stderr.write(renderProfile(summariseProfile(newest, 25)));
  }

  db = await openDb(location);
  const quality = pairwiseQuality(await linkedClusters(db, workspace.workspaceId), entityOf);
  await db.close();

  const where =
    kind === 'pglite'
      ? 'the pass’s own process, the embedded database included'
      : 'the pass’s own process (PostgreSQL’s server not counted)';
  const count = size.toLocaleString('en-US');
  const figures = passes.flatMap((pass, index): Figure[] => {
    const which = index === 0 ? 'first' : 'second';
    const note = `load average ${pass.loadAverage.toFixed(2)} at start; CPU ${pass.cpuSeconds.toFixed(1)} s in the process; ${pass.summary.candidatePairs.toLocaleString('en-US')} candidate pairs, ${pass.summary.linkPairs.toLocaleString('en-US')} link + ${pass.summary.reviewPairs.toLocaleString('en-US')} review`;
    return [
      {
        id: `pass-${which}-seconds`,
        label: `full pass (resolveWorkspace), ${count} contacts, ${which === 'first' ? 'first (empty key index)' : 'second'}`,
        unit: 's',
        value: pass.seconds,
        target: { kind: 'max', max: TARGETS.seconds },
        note,
        details: { ...pass },
      },
      {
        id: `pass-${which}-cpu`,
        label: `same, CPU time (${kind === 'pglite' ? 'the process, database included' : 'the process + its PostgreSQL backends'})`,
        unit: 's',
        value: pass.cpuSeconds + (pass.databaseCpuSeconds ?? 0),
        note: 'the work done, whatever the load: wall time is this plus waiting for a core on a shared machine',
      },
      {
        id: `pass-${which}-peak-rss`,
        label: `same, peak RSS of ${where}`,
        unit: 'MB',
        value: pass.peakRssMb,
        target: { kind: 'max', max: TARGETS.memoryMb },
        note: `${pass.rssBeforeMb.toFixed(0)} MB before the pass (Node, tsx, modules${kind === 'pglite' ? ', PGlite opened' : ''})`,
      },
    ];
  });
  return [...figures, f1Figure('pass-f1', 'pairwise F1 of the linked pairs against the generator’s truth', quality)];
}
