/** Upgrading databases written before a change to the inbox: what each data migration does to the rows it finds. */
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNEL_KINDS } from '../channels/index.js';
import type { Db } from '../platform/db/db.js';
import { newId } from '../platform/db/ids.js';
import { migrate } from '../platform/db/migrate.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { buildWorkspace } from '../platform/testing/test-app.js';
import { allMigrations } from '../modules.js';
import { SLA_CLOCKS } from './conversation.schema.js';
import { replyUnavailableThrough, type ReplyChannel } from './reply-availability.js';
import { insertChannel, insertConversation } from './testing/conversations.js';

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

const RESPONSE_CLOCKS = 'inbox/011-no-response-clocks-without-replies';

describe(RESPONSE_CLOCKS, () => {
  let old: Db;
  afterAll(async () => {
    await old?.close();
  });

  it('stops the response clocks of conversations no reply can go out on, and forgets their response breaches', async () => {
    old = await openFreshDb(allMigrations().filter((m) => m.id !== RESPONSE_CLOCKS));
    const ws = await buildWorkspace(old);
    const w = ws.workspaceId;
    // Every kind of channel, and a webhook set up to reply: whether the clocks stop is what the
    // rule new conversations follow says of each.
    const channels: ReplyChannel[] = [
      ...CHANNEL_KINDS.map((kind) => ({ kind, config: {} })),
      { kind: 'webhook', config: { outboundUrl: 'https://helpdesk.example/replies' } },
    ];
    const conversations = [];
    for (const channel of channels) {
      const channelId = await insertChannel(old, w, channel.kind, channel.config);
      const { id } = await insertConversation(old, w, { channelId });
      conversations.push({
        id,
        unanswerable: ['channel_cannot_reply', 'reply_not_set_up'].includes(replyUnavailableThrough(channelId, channel) ?? ''),
      });
    }
    // Imported (no channel) and of a removed channel: they may be answered another way, and keep theirs.
    for (const channelId of [null, newId()]) {
      const { id } = await insertConversation(old, w, { channelId });
      conversations.push({ id, unanswerable: false });
    }
    expect(conversations.filter((c) => c.unanswerable).length).toBeGreaterThanOrEqual(3);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await old.query(
      `UPDATE conversations SET first_response_due_at = $2, next_response_due_at = $2, resolution_due_at = $2 WHERE workspace_id = $1`,
      [w, hourAgo],
    );
    await old.query(
      `INSERT INTO sla_breaches (workspace_id, conversation_id, kind, due_at, detected_at)
       SELECT workspace_id, id, kind, $2, now() FROM conversations, unnest($3::text[]) AS kind WHERE workspace_id = $1`,
      [w, hourAgo, SLA_CLOCKS],
    );

    expect(await migrate(old, allMigrations())).toEqual([RESPONSE_CLOCKS]);

    const { rows } = await old.query<{ id: string; clocks: (Date | null)[]; breaches: string[] }>(
      `SELECT c.id, ARRAY[c.first_response_due_at, c.next_response_due_at, c.resolution_due_at] AS clocks,
              ARRAY(SELECT b.kind FROM sla_breaches b WHERE b.workspace_id = c.workspace_id AND b.conversation_id = c.id ORDER BY b.kind) AS breaches
         FROM conversations c WHERE c.workspace_id = $1`,
      [w],
    );
    const after = new Map(rows.map((r) => [r.id, { clocks: r.clocks.map((at) => at && new Date(at).getTime()), breaches: r.breaches }]));
    const due = hourAgo.getTime();
    for (const { id, unanswerable } of conversations) {
      expect(after.get(id), id).toEqual(
        unanswerable
          ? { clocks: [null, null, due], breaches: ['resolution'] }
          : { clocks: [due, due, due], breaches: ['first_response', 'next_response', 'resolution'] },
      );
    }
  });
});
