/**
 * Matching on arrival through the product: a workspace that already knows many people (contacts,
 * their arrival keys written by the contacts' own refresh, and linked e-mail identities),
 * then new identities matched one at a time by `matchArrivedIdentities`, each in its own
 * transaction, with the fields the ingest batch that stored them saw (as `arrival.step.ts` passes them). The headline is the step's own time inside the open transaction: in the product it
 * runs inside the ingest batch's transaction, whose BEGIN and COMMIT belong to the batch. The whole
 * transaction (BEGIN..COMMIT, the commit's WAL flush included) is reported beside it, without a target.
 */
import os from 'node:os';
import { constants as perfConstants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { matchArrivedIdentities, refreshContactKeys, type SeenIdentity } from '../../server/src/identity/index.js';
import type { Db, Queryable } from '../../server/src/platform/db/db.js';
import { newId } from '../../server/src/platform/db/ids.js';
import type { Figure } from '../lib/report.js';
import { backendCpuSeconds } from '../lib/backend-cpu.js';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PersonRecord } from '../../server/src/identity/matching/index.js';
import { loadContacts, type StoredPerson } from './contact-table.js';
import { duplicateOf, pick, seededRandom, syntheticPeople, type Random } from './synthetic-people.js';
import { percentile } from '../lib/percentile.js';
import { arrivalDecisions, type DecisionCounts } from './arrival-decisions.js';

export const ARRIVALS = 2_000;
/**
 * Arrivals matched before the measured ones. The target is the matcher in a running ingest process;
 * over its first thousands of arrivals V8 is still compiling the matcher (and the pg driver) on
 * helper threads, which take a core from PostgreSQL on this 2-core machine. Counted with
 * `--trace-opt` at 1,000,000 known people, per 500 arrivals: 98 compilations (415 ms of compiler
 * time) over the first 500, 27 (135 ms) from 1,000, 20 (89 ms) from 2,000, 4-10 (4-33 ms) from
 * 2,500 on. The warm-up's own p99 is reported too.
 */
const WARM_UP = 4_000;
const KEY_PAGE = 5_000;
const ENTITY_LINES = 10_000;
const COMMON_NAMES = ['john smith', 'james johnson', 'mary williams', 'robert brown', 'michael jones', 'david garcia'];
/** Shared mailboxes: a role at one of many companies, so they recur a little, as a real inbox's do. */
const MAILBOX_ROLES = ['info', 'support', 'sales', 'contact', 'office', 'hello', 'billing', 'team'];
// prettier-ignore
const MAILBOX_DOMAINS = [
  'acme.io', 'globex.net', 'initech.co', 'hooli.com', 'umbrella-corp.com', 'stark-industries.com', 'wayne.enterprises',
  'soylent.co', 'cyberdyne.io', 'tyrell.com', 'wonka.co.uk', 'vandelay.com', 'dundermifflin.com', 'piedpiper.com',
  'aperture-science.com', 'massive-dynamic.com', 'oscorp.net', 'gringotts.bank', 'monarch-solutions.de', 'kruger-bau.de',
];

type ArrivalKind = 'duplicate-with-email' | 'duplicate-on-social' | 'new-person' | 'shared-mailbox' | 'common-name';

/** A known person's contact, with the person (entity) it is. */
interface KnownPerson extends StoredPerson {
  entity: string;
}

interface ArrivingIdentity {
  kind: ArrivalKind;
  id: string;
  /** The known person it is a duplicate of; null for someone no contact is. */
  entity: string | null;
  network: string;
  handle: string;
  displayName: string;
  email: string | null;
}

function log(message: string): void {
  process.stderr.write(`identity: ${message}\n`);
}

function fullName(person: { givenName?: string | null; familyName?: string | null }): string {
  return [person.givenName, person.familyName].filter(Boolean).join(' ');
}

/**
 * Known people: contacts by COPY, their keys by the contacts' refresh, linked e-mail identities.
 * The person each contact is goes to a file (`entities`), loaded into the database only once the
 * arrivals are measured (`judgeArrivals`), so that the measured database is the product's alone:
 * it judges the arrivals' decisions (the known people include their own duplicates: two contacts
 * can be one person).
 */
export async function seedKnownPeople(db: Db, workspace: { workspaceId: string; ownerId: string }, size: number) {
  const random = seededRandom(5);
  const sample: KnownPerson[] = [];
  const entities = new Map<PersonRecord, string>();
  const people = (function* () {
    for (const { person, entity } of syntheticPeople(size, 0.2, 2)) {
      entities.set(person, entity);
      yield person;
    }
  })();
  const entitiesFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-')), 'entities.csv');
  const entityLines: string[] = [];
  let started = performance.now();
  await loadContacts(db, workspace, people, (stored) => {
    const entity = entities.get(stored.person)!;
    entities.delete(stored.person);
    entityLines.push(`${stored.contactId},${entity}\n`);
    if (entityLines.length === ENTITY_LINES) appendFileSync(entitiesFile, entityLines.splice(0).join(''));
    // More people than arrivals, so that no measured arrival is a warm-up arrival's person again.
    if (random() < ((ARRIVALS + WARM_UP) * 1.5) / size) sample.push({ ...stored, entity });
  });
  appendFileSync(entitiesFile, entityLines.join(''));
  log(`${size} contacts loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  // As the contacts' sync job writes them after an import: a page of contacts per transaction.
  for (let after: string | null = null; ;) {
    const { rows }: { rows: { id: string }[] } = await db.query<{ id: string }>(
      'SELECT id FROM contacts WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid) ORDER BY id LIMIT $3',
      [workspace.workspaceId, after, KEY_PAGE],
    );
    if (rows.length)
      await db.transaction((tx) =>
        refreshContactKeys(
          tx,
          workspace.workspaceId,
          rows.map((row) => row.id),
        ),
      );
    if (rows.length < KEY_PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  log(`arrival keys written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await db.query(
    `INSERT INTO social_identities (workspace_id, id, network, external_id, handle, display_name, email, contact_id, matched_at, first_seen_at, last_seen_at)
     SELECT workspace_id, gen_random_uuid(), 'email', emails->0->>'address', emails->0->>'address', display_name, emails->0->>'address', id, now(), now(), now()
       FROM contacts WHERE workspace_id = $1 AND jsonb_array_length(emails) > 0
     ON CONFLICT DO NOTHING`,
    [workspace.workspaceId],
  );
  await db.exec('VACUUM (ANALYZE) contacts, contact_match_keys, social_identities');
  return { known: sample, entitiesFile };
}

/** Loads the contacts' persons written while seeding (`bench_entities`), then judges the arrivals against them. */
async function judgeArrivals(db: Db, workspaceId: string, arrivals: readonly ArrivingIdentity[], entitiesFile: string) {
  await db.exec('CREATE TABLE bench_entities (contact_id uuid PRIMARY KEY, entity text NOT NULL)');
  await db.copyCsv('bench_entities', ['contact_id', 'entity'], readFileSync(entitiesFile, 'utf8'));
  rmSync(path.dirname(entitiesFile), { recursive: true, force: true });
  return arrivalDecisions(db, workspaceId, arrivals);
}

function arrivalsFrom(random: Random, known: readonly KnownPerson[], count: number): ArrivingIdentity[] {
  const fresh = syntheticPeople(count, 0, 4, 'new');
  // Its own stream, so the other arrivals stay what they were before mailboxes varied.
  const mailboxRandom = seededRandom(7);
  const arrivals: ArrivingIdentity[] = [];
  for (let index = 0; index < count; index++) {
    const id = newId();
    const original = known[index % known.length]!;
    const duplicate = duplicateOf(random, original.person, `a${index}`);
    switch (index % 10) {
      case 0:
      case 1:
      case 2: {
        const email = original.person.emails?.[0] ?? null;
        arrivals.push({
          kind: 'duplicate-with-email',
          id,
          entity: original.entity,
          network: 'email',
          handle: email ?? `a${index}`,
          displayName: fullName(duplicate),
          email,
        });
        break;
      }
      case 3:
      case 4: {
        const handle = `${(duplicate.givenName ?? 'x').replace(/\W/g, '')}${index}@mastodon.social`;
        arrivals.push({
          kind: 'duplicate-on-social',
          id,
          entity: original.entity,
          network: 'mastodon',
          handle,
          displayName: fullName(duplicate),
          email: null,
        });
        break;
      }
      case 5:
      case 6: {
        const person = fresh.next().value!.person;
        const email = `${fullName(person).replace(/[^\p{L}]+/gu, '.')}.${index}@example.org`.toLowerCase();
        arrivals.push({
          kind: 'new-person',
          id,
          entity: null,
          network: 'email',
          handle: email,
          displayName: fullName(person),
          email,
        });
        break;
      }
      case 7: {
        const email = `${pick(mailboxRandom, MAILBOX_ROLES)}@${pick(mailboxRandom, MAILBOX_DOMAINS)}`;
        arrivals.push({
          kind: 'shared-mailbox',
          id,
          entity: null,
          network: 'email',
          handle: email,
          displayName: 'Customer Support',
          email,
        });
        break;
      }
      default: {
        const name = COMMON_NAMES[index % COMMON_NAMES.length]!;
        arrivals.push({
          kind: 'common-name',
          id,
          entity: null,
          network: 'bluesky',
          handle: `${name.replace(' ', '')}${index}.bsky.social`,
          displayName: name,
          email: null,
        });
      }
    }
  }
  return arrivals;
}

/** The new identities as the ingest pipeline stores them before matching: unmatched, unlinked. */
async function insertArrivals(db: Db, workspaceId: string, arrivals: readonly ArrivingIdentity[]): Promise<void> {
  await db.query(
    `INSERT INTO social_identities (workspace_id, id, network, external_id, handle, display_name, email, first_seen_at, last_seen_at)
     SELECT $1, u.id, u.network, u.id::text, u.handle, u.display_name, u.email, now(), now()
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, network, handle, display_name, email)`,
    [
      workspaceId,
      arrivals.map((a) => a.id),
      arrivals.map((a) => a.network),
      arrivals.map((a) => a.handle),
      arrivals.map((a) => a.displayName),
      arrivals.map((a) => a.email),
    ],
  );
}

/** The arrival as the batch that stored it saw it; built before the clock starts, as the batch holds it already. */
function seenAs(arrival: ArrivingIdentity): Map<string, SeenIdentity> {
  const { network, handle, displayName, email } = arrival;
  return new Map([[arrival.id, { network, handle, displayName, profileUrl: null, email }]]);
}

/** One arrival as measured: its step, its whole transaction, the process's CPU over it, statements sent. */
interface ArrivalRecord {
  kind: ArrivalKind;
  step: number;
  stepStart: number;
  transaction: number;
  cpu: number;
  statements: number;
}

/** A collector pause, on `performance.now()`'s clock. */
interface Pause {
  start: number;
  duration: number;
  young: boolean;
}

/** The collector's pauses from `start` to `stop`, as V8 reports them: the arrival tail is made of the young ones. */
function collectionsObserved() {
  const pauses: Pause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
      pauses.push({
        start: entry.startTime,
        duration: entry.duration,
        young: entry.detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MINOR,
      });
    }
  });
  return {
    start: () => observer.observe({ entryTypes: ['gc'] }),
    /** Entries arrive on a later turn of the event loop: one is let pass before reading them. */
    stop: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      observer.disconnect();
      return pauses;
    },
  };
}

/** Whether a pause fell inside [start, end]. */
function paused(pauses: readonly Pause[], start: number, end: number): boolean {
  return pauses.some((pause) => pause.start < end && pause.start + pause.duration > start);
}

const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

/** The transaction, counting the statements sent through it (round trips to the database). */
function counted(tx: Queryable, count: () => void): Queryable {
  return {
    query: (sql, params) => {
      count();
      return tx.query(sql, params);
    },
  };
}

const share = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;

/** The measured arrivals' decisions: false links as the value, every outcome by kind in the note. */
function decisionsFigure(decisions: Record<string, DecisionCounts>): Figure {
  const all = Object.values(decisions);
  const total = (pick: (counts: DecisionCounts) => number) => all.reduce((sum, counts) => sum + pick(counts), 0);
  const duplicates = ['duplicate-with-email', 'duplicate-on-social'].map((kind) => [kind, decisions[kind]] as const);
  const nobodys = Object.entries(decisions)
    .filter(([kind]) => !kind.startsWith('duplicate'))
    .map(([, counts]) => counts);
  return {
    id: 'arrival-false-links',
    label: 'same, measured arrivals linked to a known contact who is somebody else',
    unit: 'arrivals',
    value: total((counts) => counts.linkedWrong),
    note:
      duplicates
        .filter(([, counts]) => counts)
        .map(
          ([kind, counts]) =>
            `${kind}: ${share(counts!.linkedRight, counts!.arrivals)} linked to their contact, ` +
            `${share(counts!.reviewRight, counts!.arrivals)} queued with it, ${share(counts!.nothing, counts!.arrivals)} neither`,
        )
        .join('; ') +
      `; the ${nobodys.reduce((sum, counts) => sum + counts.arrivals, 0)} no contact is (new people, shared mailboxes, common names): ` +
      `${nobodys.reduce((sum, counts) => sum + counts.linkedWrong, 0)} linked to a known contact, ` +
      `${nobodys.reduce((sum, counts) => sum + counts.reviewWrong, 0)} queued for review`,
    details: { byKind: decisions },
  };
}

export async function measureArrivals(
  db: Db,
  workspaceId: string,
  { known, entitiesFile }: { known: readonly KnownPerson[]; entitiesFile: string },
  size: number,
): Promise<Figure[]> {
  const random = seededRandom(3);
  const arrivals = arrivalsFrom(random, known, ARRIVALS + WARM_UP);
  await insertArrivals(db, workspaceId, arrivals);
  /**
   * Every arrival, warm-up included, is recorded by the same code and split after the loop: a loop
   * that changed what it did at the warm-up's end made V8 deoptimise and recompile it (and what it
   * calls) among the measured arrivals.
   */
  const records: ArrivalRecord[] = [];
  const loadAverage = os.loadavg()[0]!;
  let databaseCpuBefore: number | null = null;
  let measuredFrom = 0;
  const collections = collectionsObserved();
  collections.start();
  for (const [index, arrival] of arrivals.entries()) {
    if (index === WARM_UP) {
      databaseCpuBefore = await backendCpuSeconds(db);
      measuredFrom = performance.now();
    }
    const record: ArrivalRecord = { kind: arrival.kind, step: 0, stepStart: 0, transaction: 0, cpu: 0, statements: 0 };
    const seen = seenAs(arrival);
    const cpuBefore = process.cpuUsage();
    const before = performance.now();
    await db.transaction(async (tx) => {
      // Started after BEGIN, stopped before COMMIT: what the step adds to the ingest batch's transaction.
      record.stepStart = performance.now();
      await matchArrivedIdentities(
        counted(tx, () => record.statements++),
        workspaceId,
        [arrival.id],
        seen,
      );
      record.step = performance.now() - record.stepStart;
    });
    record.transaction = performance.now() - before;
    const cpu = process.cpuUsage(cpuBefore);
    record.cpu = (cpu.user + cpu.system) / 1000;
    records.push(record);
  }
  const warmUpSteps = records.slice(0, WARM_UP).map((record) => record.step);
  const measured = records.slice(WARM_UP);
  const steps = measured.map((record) => record.step);
  const transactions = measured.map((record) => record.transaction);
  const cpus = measured.map((record) => record.cpu);
  const statements = measured.reduce((sum, record) => sum + record.statements, 0);
  const byKind = new Map<ArrivalKind, ArrivalRecord[]>();
  for (const record of measured) {
    const ofKind = byKind.get(record.kind);
    if (ofKind) ofKind.push(record);
    else byKind.set(record.kind, [record]);
  }
  const pauses = (await collections.stop()).filter((pause) => pause.start + pause.duration > measuredFrom);
  const youngPauses = pauses.filter((pause) => pause.young).map((pause) => pause.duration);
  const unpausedSteps = ascending(
    measured.filter((record) => !paused(pauses, record.stepStart, record.stepStart + record.step)).map((record) => record.step),
  );
  const databaseCpuAfter = await backendCpuSeconds(db);
  const databaseCpuMs =
    databaseCpuBefore === null || databaseCpuAfter === null ? null : ((databaseCpuAfter - databaseCpuBefore) * 1000) / ARRIVALS;
  const { rows } = await db.query<{ linked: number; reviewed: number }>(
    `SELECT count(*) FILTER (WHERE s.contact_id IS NOT NULL)::int AS linked,
            count(*) FILTER (WHERE s.contact_id IS NULL AND EXISTS (
              SELECT 1 FROM duplicate_candidates d WHERE d.workspace_id = s.workspace_id AND d.kind = 'identity' AND d.left_id = s.id))::int AS reviewed
       FROM social_identities s WHERE s.workspace_id = $1 AND s.id = ANY($2::uuid[])`,
    [workspaceId, arrivals.slice(WARM_UP).map((a) => a.id)],
  );
  const decisions = await judgeArrivals(db, workspaceId, arrivals.slice(WARM_UP), entitiesFile);
  const sortedSteps = ascending(steps);
  const sortedTransactions = ascending(transactions);
  const sortedCpus = ascending(cpus);
  const label = `match one arriving identity, ${size.toLocaleString('en-US')} known people`;
  const kinds = Object.fromEntries(
    [...byKind].map(([kind, ofKind]) => {
      const kindSteps = ascending(ofKind.map((record) => record.step));
      const kindTransactions = ascending(ofKind.map((record) => record.transaction));
      return [
        kind,
        {
          arrivals: kindSteps.length,
          stepP50: percentile(kindSteps, 50),
          stepP99: percentile(kindSteps, 99),
          transactionP50: percentile(kindTransactions, 50),
          transactionP99: percentile(kindTransactions, 99),
          statements: ofKind.reduce((sum, record) => sum + record.statements, 0) / ofKind.length,
        },
      ];
    }),
  );
  const statementsByKind = [...byKind].map(
    ([kind, ofKind]) => `${kind} ${(ofKind.reduce((sum, record) => sum + record.statements, 0) / ofKind.length).toFixed(2)}`,
  );
  return [
    { id: 'arrival-step-p50', label: `${label}: the step in its transaction, p50`, unit: 'ms', value: percentile(sortedSteps, 50) },
    {
      id: 'arrival-step-p99',
      label: `${label}: the step in its transaction, p99`,
      unit: 'ms',
      value: percentile(sortedSteps, 99),
      target: { kind: 'max', max: 5 },
      note:
        `matchArrivedIdentities timed inside an open transaction (after BEGIN, before COMMIT), as it runs inside the ingest batch's; ` +
        `${ARRIVALS} arrivals after ${WARM_UP} warm-up, one transaction each; load average ${loadAverage.toFixed(2)} at start; ` +
        `${rows[0]!.linked} linked, ${rows[0]!.reviewed} queued for review`,
      details: { maxMs: sortedSteps.at(-1), loadAverage, byKind: kinds, ...rows[0] },
    },
    decisionsFigure(decisions),
    {
      id: 'arrival-warm-up-step-p99',
      label: `same, the ${WARM_UP.toLocaleString('en-US')} arrivals before those (warm-up), the step's p99`,
      unit: 'ms',
      value: percentile(ascending(warmUpSteps), 99),
      note: 'no target: the first arrivals a process matches, while V8 is still compiling the matcher',
    },
    {
      id: 'arrival-transaction-p50',
      label: 'same, the whole transaction (BEGIN..COMMIT), p50',
      unit: 'ms',
      value: percentile(sortedTransactions, 50),
    },
    {
      id: 'arrival-transaction-p99',
      label: 'same, the whole transaction (BEGIN..COMMIT), p99',
      unit: 'ms',
      value: percentile(sortedTransactions, 99),
      note: 'no target: the step plus taking a connection, BEGIN and COMMIT (its WAL flush), which in the product the ingest batch pays once',
      details: { maxMs: sortedTransactions.at(-1) },
    },
    {
      id: 'arrival-cpu-p50',
      label: 'same, p50 of this process’s CPU time per transaction',
      unit: 'ms',
      value: percentile(sortedCpus, 50),
    },
    {
      id: 'arrival-cpu-p99',
      label: 'same, p99 of this process’s CPU time per transaction',
      unit: 'ms',
      value: percentile(sortedCpus, 99),
      note: 'user + system CPU of the bench process over the whole transaction: on PGlite it includes the database, on PostgreSQL the server’s CPU is not counted',
    },
    {
      id: 'arrival-statements',
      label: 'same, statements sent per arrival (mean)',
      unit: 'statements',
      value: statements / ARRIVALS,
      note: `queries through the arrival’s transaction, BEGIN and COMMIT not counted; by kind: ${statementsByKind.join(', ')}`,
    },
    {
      id: 'arrival-young-collections',
      label: 'same, young-generation collections (scavenges) during the measured arrivals',
      unit: 'collections',
      value: youngPauses.length,
      note:
        (youngPauses.length
          ? `pauses p50 ${percentile(ascending(youngPauses), 50).toFixed(2)} ms, max ${Math.max(...youngPauses).toFixed(2)} ms, ` +
            `${youngPauses.reduce((sum, pause) => sum + pause, 0).toFixed(0)} ms in all; `
          : '') +
        `${pauses.length - youngPauses.length} full collections or marking steps; ${steps.length - unpausedSteps.length} steps paused by one`,
      details: {
        youngPausesMs: youngPauses,
        otherPauses: pauses.length - youngPauses.length,
        pausedSteps: steps.length - unpausedSteps.length,
      },
    },
    {
      id: 'arrival-unpaused-step-p99',
      label: 'same, p99 of the steps no collection paused',
      unit: 'ms',
      value: percentile(unpausedSteps, 99),
      note: 'no target: what the step costs when the collector does not run during it, to tell the collector’s share of the tail from the rest',
    },
    {
      id: 'arrival-cpu-mean',
      label: 'same, mean CPU time per transaction, database included',
      unit: 'ms',
      value: cpus.reduce((sum, cpu) => sum + cpu, 0) / cpus.length + (databaseCpuMs ?? 0),
      note:
        databaseCpuMs === null
          ? 'the embedded database runs in this process'
          : `of which PostgreSQL backends ${databaseCpuMs.toFixed(2)} ms (from /proc, 10 ms ticks summed over all arrivals)`,
    },
  ];
}
