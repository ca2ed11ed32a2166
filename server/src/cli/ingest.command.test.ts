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
import { buildWorkspace, testApp, testConfig, type TestApp } from '../platform/testing/test-app.js';
import { createWorkspace } from '../platform/workspaces/workspace.service.js';
import { allMigrations } from '../modules.js';
import { mastodonJsonl } from '../ingest/testing/mastodon-statuses.js';
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
      'feed.xml (RSS 0.9x, 1.0 (RDF) or 2.0 feed): 1 ingested, 0 duplicates, 0 rejected, 1 conversations created.',
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
