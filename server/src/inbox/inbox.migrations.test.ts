/** Upgrading a database whose conversations hold labels that differ only in case. */
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/db/db.js';
import { migrate } from '../platform/db/migrate.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { buildWorkspace } from '../platform/testing/test-app.js';
import { allMigrations } from '../modules.js';
import { insertConversation } from './testing/conversations.js';

const LABELS = 'inbox/008-labels-one-whatever-their-case';

describe(LABELS, () => {
  let old: Db;
  afterAll(async () => {
    await old?.close();
  });

  it('keeps one of each label on a conversation, the first spelling stored', async () => {
    old = await openFreshDb(allMigrations().filter((m) => m.id !== LABELS));
    const ws = await buildWorkspace(old);
    const doubled = await insertConversation(old, ws.workspaceId, { labels: ['Billing', 'VIP', 'billing', 'vip', 'bug'] });
    const clean = await insertConversation(old, ws.workspaceId, { labels: ['b', 'A'] });
    const bare = await insertConversation(old, ws.workspaceId, { labels: [] });

    expect(await migrate(old, allMigrations())).toEqual([LABELS]);

    const { rows } = await old.query<{ id: string; labels: string[] }>('SELECT id, labels FROM conversations WHERE workspace_id = $1', [
      ws.workspaceId,
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.labels]))).toEqual({
      [doubled.id]: ['Billing', 'bug', 'VIP'],
      [clean.id]: ['b', 'A'],
      [bare.id]: [],
    });
  });
});
