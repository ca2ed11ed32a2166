import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../platform/testing/temp-dirs.js';
import { parseFile } from '../channels/index.js';
import { corpusFile } from '../channels/testing/corpora.js';
import { createLogger } from '../platform/observability/logger.js';
import type { Db } from '../platform/db/db.js';
import { migrate } from '../platform/db/migrate.js';
import { openPglite } from '../platform/db/pglite.js';
import { openFreshDb, TEST_DB_KIND } from '../platform/testing/test-db.js';
import { buildWorkspace, json, testApp, testConfig, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { createWorkspace } from '../platform/workspaces/workspace.service.js';
import { allMigrations } from '../modules.js';
import { mastodonJsonl, mastodonStatus } from '../ingest/testing/mastodon-statuses.js';
import { insertChannel } from '../inbox/testing/conversations.js';
import { NATS_TEST_URL, natsReachable } from '../ingest/testing/nats.js';
import { createNatsPipeline } from '../ingest/transport/nats.js';
import { dryRunCommand, ingestCommand, MAX_FILE_BYTES, workerCommand } from './ingest.command.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = tempDir('rapport-ingest-');
const natsUp = await natsReachable();

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(removeTempDirs);

function capture() {
  let out = '';
  let err = '';
  return { streams: { out: (s: string) => void (out += s), err: (s: string) => void (err += s) }, out: () => out, err: () => err };
}

async function messageCount(db: Db, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE workspace_id = $1', [workspaceId]);
  return rows[0]!.n;
}

describe('rapport ingest', () => {
  it('ingests files into a workspace, reporting each, and changes nothing when run again', async () => {
    const ws = await buildWorkspace(t.db);
    const feed = path.join(dir, 'feed.xml');
    writeFileSync(feed, corpusFile('rss-atom', 'feedparser__wellformed__rss__item_content_encoded.xml'));
    const toots = path.join(dir, 'toots.jsonl');
    writeFileSync(toots, `${mastodonJsonl(3)}{broken\n`);
    const first = capture();
    const report = await ingestCommand(t.db, [feed, toots], { workspace: ws.workspaceId }, first.streams);
    expect(report).toMatchObject({ ingested: 4, duplicates: 0, rejected: 1 });
    expect(first.out()).toContain(
      'feed.xml (RSS 0.9x, 1.0 (RDF) or 2.0 feed): 1 ingested, 0 duplicates, 0 rejected, 1 conversations created (resolved, as history).',
    );
    expect(first.out()).toContain('toots.jsonl, line 4: malformed:');
    expect(first.out()).toContain('2 files: 4 ingested, 0 duplicates, 1 rejected');
    const second = capture();
    await ingestCommand(t.db, [toots], { workspace: ws.workspaceId, format: 'mastodon' }, second.streams);
    expect(second.out()).toContain(
      'toots.jsonl (Mastodon API statuses, notifications, contexts, accounts, streaming events): 0 ingested, 3 duplicates, 1 rejected',
    );
    expect(await messageCount(t.db, ws.workspaceId)).toBe(4);
  });

  it('writes normalised messages as JSON Lines on a dry run', async () => {
    const toots = path.join(dir, 'dry.jsonl');
    writeFileSync(toots, mastodonJsonl(2));
    const run = capture();
    await dryRunCommand([toots], {}, run.streams);
    const lines = run
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { externalId: string; channel: string });
    expect(lines.map((m) => [m.channel, m.externalId])).toEqual([
      ['mastodon', 's0'],
      ['mastodon', 's1'],
    ]);
    expect(run.err()).toBe('dry.jsonl (mastodon): 2 messages, 0 profiles, 0 deletions, 0 rejected\n');
  });

  it('refuses files it cannot take, naming the reason', async () => {
    const ws = await buildWorkspace(t.db);
    const huge = path.join(dir, 'huge.mbox');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_FILE_BYTES + 1);
    await expect(dryRunCommand([huge], { format: 'mbox' })).rejects.toThrow(/huge\.mbox is 64\.0 MiB, more than the limit of 64\.0 MiB/);
    const mystery = path.join(dir, 'mystery.bin');
    writeFileSync(mystery, 'just some words');
    await expect(dryRunCommand([mystery], {})).rejects.toThrow(/Cannot tell the format of .*mystery\.bin; pass --format/);
    await expect(dryRunCommand([path.join(dir, 'missing.xml')], {})).rejects.toThrow(/Cannot read .*ENOENT/);
    await expect(
      ingestCommand(t.db, [mystery], { workspace: ws.workspaceId, format: 'mastodon', channel: ws.workspaceId }),
    ).rejects.toThrow('channelId is not a channel of this workspace');
  });
});

describe('rapport ingest, as history or as new arrivals', () => {
  /**
   * A support workspace as a team runs it: an inbox channel, a routing rule handing every Mastodon
   * conversation to an agent, and SLA targets for each clock.
   */
  async function supportDesk() {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const channelId = await insertChannel(t.db, ws.workspaceId, 'mastodon');
    const rule = {
      name: 'Mastodon to Alex',
      conditions: { networks: ['mastodon'] },
      actions: { assigneeId: agent.userId, priority: 'high' },
    };
    const policy = { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480, businessHours: null };
    for (const [method, url, payload] of [
      ['POST', '/api/v1/routing-rules', rule],
      ['PUT', '/api/v1/inbox/sla-policy', policy],
    ] as const) {
      const answer = await t.app.inject({ method, url, headers: ws.owner.headers, payload });
      expect(answer.statusCode, answer.body).toBeLessThan(300);
    }
    return { ws, agent, channelId };
  }

  /**
   * A customer's thread (their question, our answer, their answer back: the answer reaches the file
   * as a notification about our own status) and another customer's unanswered post, both recent.
   */
  function backfill(name: string, prefix: string): string {
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const ours = {
      ...mastodonStatus(`${prefix}-2`, { account: 99, inReplyTo: `${prefix}-1`, createdAt: at(50), text: 'Try turning it off' }),
    };
    const lines = [
      mastodonStatus(`${prefix}-1`, { account: 7, createdAt: at(60), text: 'My widget is broken' }),
      {
        id: `n-${prefix}`,
        type: 'favourite',
        created_at: at(45).toISOString(),
        account: (ours as { account: unknown }).account,
        status: ours,
      },
      mastodonStatus(`${prefix}-3`, { account: 7, inReplyTo: `${prefix}-2`, createdAt: at(40), text: 'Still broken' }),
      mastodonStatus(`${prefix}-9`, { account: 8, createdAt: at(30), text: 'Where is my order?' }),
    ];
    const file = path.join(dir, name);
    writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    return file;
  }

  interface ConversationRow {
    status: string;
    resolved: boolean;
    assigneeId: string | null;
    priority: string;
    clocks: (string | null)[];
    messageCount: number;
  }

  async function conversationsOf(workspaceId: string): Promise<ConversationRow[]> {
    const { rows } = await t.db.query<ConversationRow>(
      `SELECT status, resolved_at IS NOT NULL AS resolved, assignee_id AS "assigneeId", priority, message_count AS "messageCount",
              ARRAY[first_response_due_at::text, next_response_due_at::text, resolution_due_at::text] AS clocks
         FROM conversations WHERE workspace_id = $1 ORDER BY created_at, subject`,
      [workspaceId],
    );
    return rows;
  }

  async function relayed() {
    await t.deps.relay.flush();
    await t.deps.relay.flush();
  }

  const count = async (sql: string, workspaceId: string) => (await t.db.query<{ n: number }>(sql, [workspaceId])).rows[0]!.n;
  const routings = (ws: TestWorkspace) =>
    count(`SELECT count(*)::int AS n FROM events WHERE workspace_id = $1 AND type = 'conversation.routed'`, ws.workspaceId);
  const notifications = (ws: TestWorkspace) =>
    count('SELECT count(*)::int AS n FROM notifications WHERE workspace_id = $1', ws.workspaceId);

  async function statusCounts(ws: TestWorkspace) {
    const answer = await t.app.inject({ method: 'GET', url: '/api/v1/conversations/counts', headers: ws.owner.headers });
    return json<{ statuses: Record<string, number> }>(answer).statuses;
  }

  it('takes a file as history by default: resolved conversations, routed to no one, on no SLA clock, telling no one', async () => {
    const { ws, channelId } = await supportDesk();
    const run = capture();
    const report = await ingestCommand(
      t.db,
      [backfill('history.jsonl', 'h')],
      { workspace: ws.workspaceId, channel: channelId },
      run.streams,
    );
    expect(report).toMatchObject({ ingested: 4, conversationsCreated: 2 });
    expect(run.out()).toContain('4 ingested, 0 duplicates, 0 rejected, 2 conversations created (resolved, as history).');
    await relayed();

    const conversations = await conversationsOf(ws.workspaceId);
    expect(conversations).toEqual([
      { status: 'resolved', resolved: true, assigneeId: null, priority: 'normal', clocks: [null, null, null], messageCount: 3 },
      { status: 'resolved', resolved: true, assigneeId: null, priority: 'normal', clocks: [null, null, null], messageCount: 1 },
    ]);
    expect(await routings(ws)).toBe(0);
    expect(await notifications(ws)).toBe(0);
    expect(await statusCounts(ws)).toMatchObject({ open: 0, resolved: 2 });

    // More of the past, newer than the import itself, still reopens nothing.
    const later = path.join(dir, 'history-later.jsonl');
    writeFileSync(
      later,
      JSON.stringify(mastodonStatus('h-4', { account: 7, inReplyTo: 'h-3', createdAt: new Date(), text: 'Any news?' })) + '\n',
    );
    await ingestCommand(t.db, [later], { workspace: ws.workspaceId, channel: channelId }, capture().streams);
    await relayed();
    expect((await conversationsOf(ws.workspaceId)).map((c) => [c.status, c.messageCount, c.clocks])).toEqual([
      ['resolved', 4, [null, null, null]],
      ['resolved', 1, [null, null, null]],
    ]);
    expect(await routings(ws)).toBe(0);
    expect(await notifications(ws)).toBe(0);

    // The customer writing now, through the channel as a new arrival, reopens their conversation.
    const now = path.join(dir, 'history-now.jsonl');
    writeFileSync(
      now,
      JSON.stringify(mastodonStatus('h-5', { account: 7, inReplyTo: 'h-4', createdAt: new Date(), text: 'Hello?' })) + '\n',
    );
    await ingestCommand(t.db, [now], { workspace: ws.workspaceId, channel: channelId, as: 'new' }, capture().streams);
    await relayed();
    expect((await conversationsOf(ws.workspaceId)).map((c) => c.status)).toEqual(['open', 'resolved']);
  });

  it('takes a file as new arrivals with --as new: open, routed, on the SLA clock, the assignee told', async () => {
    const { ws, agent, channelId } = await supportDesk();
    const run = capture();
    await ingestCommand(t.db, [backfill('arrivals.jsonl', 'a')], { workspace: ws.workspaceId, channel: channelId, as: 'new' }, run.streams);
    expect(run.out()).toContain('4 ingested, 0 duplicates, 0 rejected, 2 conversations created.');
    await relayed();

    const conversations = await conversationsOf(ws.workspaceId);
    expect(conversations.map((c) => [c.status, c.resolved, c.assigneeId, c.priority])).toEqual([
      ['open', false, agent.userId, 'high'],
      ['open', false, agent.userId, 'high'],
    ]);
    // The answered thread owes the next answer; the unanswered post its first; both their resolution.
    expect(conversations.map((c) => c.clocks.map((clock) => clock !== null))).toEqual([
      [true, true, true],
      [true, false, true],
    ]);
    expect(await routings(ws)).toBe(2);
    const { rows } = await t.db.query<{ kind: string }>('SELECT kind FROM notifications WHERE workspace_id = $1 AND user_id = $2', [
      ws.workspaceId,
      agent.userId,
    ]);
    expect(rows.map((r) => r.kind)).toEqual(['conversation.assigned', 'conversation.assigned']);
    expect(await statusCounts(ws)).toMatchObject({ open: 2, resolved: 0 });
  });

  it('explains --as in its help, and refuses anything but history or new', async () => {
    const { Command } = await import('commander');
    const { registerIngestCommand } = await import('./ingest.command.js');
    const program = new Command('rapport').exitOverride();
    registerIngestCommand(program);
    const ingest = program.commands.find((c) => c.name() === 'ingest')!;
    const help = ingest.helpInformation().replace(/\s+/g, ' ');
    expect(help).toContain('--as <kind> history: the past, its conversations resolved, routed to no one, on no SLA clock;');
    expect(help).toContain('(choices: "history", "new", default: "history")');
    ingest.configureOutput({ writeErr: () => undefined });
    expect(() => program.parse(['ingest', 'x.jsonl', '--as', 'live'], { from: 'user' })).toThrow(/--as <kind>' argument 'live' is invalid/);
  });
});

/** A database a child process can open: a PostgreSQL database by URL, or a PGlite data directory. */
async function crashTestDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Db>; done: () => Promise<void> }> {
  if (TEST_DB_KIND === 'postgres') {
    const db = await openFreshDb();
    const { rows } = await db.query<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${rows[0]!.name}`;
    return { env: { DATABASE_URL: url.toString() }, open: async () => db, done: () => db.close() };
  }
  const dataDir = tempDir('rapport-ingest-crash-');
  const open = () => openPglite(path.join(dataDir, 'pglite'));
  const db = await open();
  await migrate(db, allMigrations());
  await db.close();
  return { env: { DATABASE_URL: '', RAPPORT_DATA_DIR: dataDir }, open, done: async () => undefined };
}

function runCli(
  args: string[],
  env: Record<string, string>,
  onStderr?: (text: string, kill: () => void) => void,
  onSpawn?: (kill: () => void, stop: () => void) => void,
) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, RAPPORT_SECRET: 'test-secret-test-secret-test-secret-0123', LOG_LEVEL: 'warn', ...env },
  });
  onSpawn?.(
    () => child.kill('SIGKILL'),
    () => child.kill('SIGTERM'),
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(stderr, () => child.kill('SIGKILL'));
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

describe('rapport ingest, killed and run again', () => {
  const database = crashTestDatabase();
  afterAll(async () => (await database).done());

  it('loses and doubles nothing', { timeout: 240_000 }, async () => {
    const { env, open } = await database;
    const db = await open();
    const { workspaceId } = await createWorkspace(db, {
      name: 'Crash test',
      owner: { email: 'crash@example.test', name: 'Crash', password: 'correct-horse-battery', role: 'owner' },
    });
    if (TEST_DB_KIND === 'pglite') await db.close();
    const distinct = 20_000;
    const jsonl = mastodonJsonl(distinct);
    const file = path.join(dir, 'statuses.jsonl');
    // Redelivered statuses within the file, as a re-exported timeline has.
    writeFileSync(file, jsonl + jsonl.split('\n').slice(0, 1_000).join('\n') + '\n');
    const args = ['ingest', file, '--format', 'mastodon', '--workspace', workspaceId];

    const killed = await runCli(args, env, (stderr, kill) => {
      if (/messages committed/.test(stderr)) kill();
    });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const afterKill = await (async () => {
      const reader = TEST_DB_KIND === 'pglite' ? await open() : db;
      try {
        return await messageCount(reader, workspaceId);
      } finally {
        if (TEST_DB_KIND === 'pglite') await reader.close();
      }
    })();
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(distinct);

    const resumed = await runCli(args, env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`${distinct - afterKill} ingested, ${1_000 + afterKill} duplicates, 0 rejected`);

    const reader = TEST_DB_KIND === 'pglite' ? await open() : db;
    expect(await messageCount(reader, workspaceId)).toBe(distinct);
    const { rows } = await reader.query<{ total: number; distinct: number; counted: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT external_id)::int AS distinct,
              (SELECT sum(message_count)::int FROM conversations WHERE workspace_id = $1) AS counted
         FROM messages WHERE workspace_id = $1`,
      [workspaceId],
    );
    expect(rows[0]).toEqual({ total: distinct, distinct, counted: distinct });
    if (TEST_DB_KIND === 'pglite') await reader.close();
  });
});

describe('rapport worker', () => {
  it('needs NATS_URL', async () => {
    const config = testConfig();
    await expect(workerCommand({ config, db: t.db, log: createLogger('silent') }, {})).rejects.toThrow(/set NATS_URL/);
  });

  it.runIf(TEST_DB_KIND === 'postgres' && natsUp)(
    'two worker processes, one killed, commit every queued message exactly once',
    { timeout: 240_000 },
    async () => {
      const { env, open, done } = await crashTestDatabase();
      const db = await open();
      const stream = `RAPPORT_INGEST_CLI_${randomBytes(4).toString('hex').toUpperCase()}`;
      try {
        const { workspaceId } = await createWorkspace(db, {
          name: 'Workers',
          owner: { email: 'workers@example.test', name: 'W', password: 'correct-horse-battery', role: 'owner' },
        });
        // The test makes the stream first, with a short acknowledgement wait, so the killed worker's batches come back quickly.
        const publisher = await createNatsPipeline(db, { url: NATS_TEST_URL, stream, ackWaitMs: 2_000 });
        const parsed = await parseFile('mastodon', mastodonJsonl(10_000));
        await publisher.submit({ source: { workspaceId, channelId: null, kind: 'stream', format: 'mastodon' }, messages: parsed.messages });
        await publisher.close();

        const workerEnv = { ...env, NATS_URL: NATS_TEST_URL, LOG_LEVEL: 'info' };
        let victimKill: (() => void) | null = null;
        let survivorStop: (() => void) | null = null;
        const victim = runCli(
          ['worker', '--stream', stream],
          workerEnv,
          () => undefined,
          (kill) => (victimKill = kill),
        );
        const survivor = runCli(
          ['worker', '--stream', stream],
          workerEnv,
          () => undefined,
          (_kill, stop) => (survivorStop = stop),
        );
        for (let n = 0; n === 0; n = await messageCount(db, workspaceId)) await new Promise((r) => setTimeout(r, 100));
        victimKill!();
        expect((await victim).signal).toBe('SIGKILL');
        const deadline = Date.now() + 120_000;
        while ((await messageCount(db, workspaceId)) < 10_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
        survivorStop!();
        const stopped = await survivor;
        expect(stopped.code, stopped.stderr).toBe(0);
        expect(stopped.stderr).toContain('Worker stopped.');
        const { rows } = await db.query<{ total: number; counted: number }>(
          `SELECT count(*)::int AS total, (SELECT sum(message_count)::int FROM conversations WHERE workspace_id = $1) AS counted
             FROM messages WHERE workspace_id = $1`,
          [workspaceId],
        );
        expect(rows[0]).toEqual({ total: 10_000, counted: 10_000 });
      } finally {
        const nc = await connect({ servers: NATS_TEST_URL });
        await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined);
        await nc.close();
        await done();
      }
    },
  );
});
