/**
 * Upgrading a database that stored every arrival of a bad item as a dead letter of its own: the
 * repeats fold into one that counts them, and the pipeline then finds that one again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/db/db.js';
import { migrate } from '../platform/db/migrate.js';
import { newId } from '../platform/db/ids.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { buildWorkspace } from '../platform/testing/test-app.js';
import { allMigrations } from '../modules.js';
import { ingestBatch } from './pipeline/ingest-batch.js';

const REPEATS = 'ingest/002-dead-letter-repeats';

describe(REPEATS, () => {
  let old: Db;
  afterAll(async () => {
    await old?.close();
  });

  it('folds stored repeats into one dead letter, which the next arrival of the item counts too', async () => {
    old = await openFreshDb(allMigrations().filter((m) => m.id !== REPEATS));
    const ws = await buildWorkspace(old);
    const store = (at: string, payload: string, resolved = false, replays = 0) =>
      old.query(
        `INSERT INTO dead_letters (workspace_id, id, channel_id, source, format, code, reason, payload, occurred_at, resolved, replay_count)
         VALUES ($1, $2, NULL, 'file', 'mastodon', 'malformed', 'line 1 is not JSON', $3, $4, $5, $6)`,
        [ws.workspaceId, newId(), payload, at, resolved, replays],
      );
    await store('2026-01-01T10:00:00Z', '{broken', false, 1);
    await store('2026-01-02T10:00:00Z', '{broken', true, 2);
    await store('2026-01-03T10:00:00Z', '{broken');
    await store('2026-01-02T12:00:00Z', '[1,', true);

    expect(await migrate(old, allMigrations())).toEqual([REPEATS]);

    const rows = async () =>
      (
        await old.query<{
          payload: string;
          occurrences: number;
          occurred_at: Date;
          last_seen_at: Date;
          replay_count: number;
          resolved: boolean;
        }>(
          `SELECT payload, occurrences, occurred_at, last_seen_at, replay_count, resolved FROM dead_letters WHERE workspace_id = $1 ORDER BY payload`,
          [ws.workspaceId],
        )
      ).rows.map((r) => ({
        ...r,
        occurred_at: new Date(r.occurred_at).toISOString(),
        last_seen_at: new Date(r.last_seen_at).toISOString(),
      }));
    expect(await rows()).toEqual([
      {
        payload: '[1,',
        occurrences: 1,
        occurred_at: '2026-01-02T12:00:00.000Z',
        last_seen_at: '2026-01-02T12:00:00.000Z',
        replay_count: 0,
        resolved: true,
      },
      {
        payload: '{broken',
        occurrences: 3,
        occurred_at: '2026-01-01T10:00:00.000Z',
        last_seen_at: '2026-01-03T10:00:00.000Z',
        replay_count: 3,
        resolved: false,
      },
    ]);

    // The fingerprint the migration gave the stored row is the one the pipeline computes.
    await ingestBatch(old, {
      source: { workspaceId: ws.workspaceId, channelId: null, kind: 'file', format: 'mastodon' },
      messages: [],
      rejected: [{ index: null, line: 1, code: 'malformed', reason: 'line 1 is not JSON' }],
      payload: '{broken',
    });
    expect((await rows()).map((r) => [r.payload, r.occurrences])).toEqual([
      ['[1,', 1],
      ['{broken', 4],
    ]);
  });
});
