/**
 * Pins the plan-relevant part of the inbox's hot queries: which index serves the list, a member's
 * view, a conversation's messages, and where the relay finds a customer's wait. The planner decides from statistics, so each test first
 * fills a workspace with a realistic inbox and analyses it, in a transaction that is rolled back.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../platform/context.js';
import type { Queryable } from '../platform/db/db.js';
import { buildWorkspace, testApp, type TestApp } from '../platform/testing/test-app.js';
import { labelSuggestions, listConversations } from './conversation.repo.js';
import { LABEL_SUGGESTIONS_LIMIT, LABEL_SUGGESTIONS_WINDOW } from './conversation.schema.js';
import { listMessages } from './message.repo.js';
import { touchedByNewMessages } from './sla.repo.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

class RolledBack extends Error {}

/** 4,000 conversations (a tenth assigned to the member, most resolved, one in twenty labelled) with two messages each. */
async function fill(tx: Queryable, workspaceId: string, userId: string) {
  await tx.query(
    `INSERT INTO conversations (workspace_id, id, network, thread_key, subject, status, assignee_id, labels, preview, message_count,
                                last_message_at, created_at, updated_at)
     SELECT $1, gen_random_uuid(), 'email', 'thread-' || g, 'Subject ' || g, CASE WHEN g % 4 = 0 THEN 'open' ELSE 'resolved' END,
            CASE WHEN g % 10 = 0 THEN $2::uuid END, CASE WHEN g % 20 = 0 THEN ARRAY['billing', 'tier-' || g % 7] ELSE '{}' END,
            'preview', 3, now() - g * interval '1 minute', now(), now()
       FROM generate_series(1, 4000) g`,
    [workspaceId, userId],
  );
  await tx.query(
    `INSERT INTO messages (workspace_id, id, conversation_id, network, external_id, direction, text, sent_at, received_at)
     SELECT c.workspace_id, gen_random_uuid(), c.id, 'email', c.thread_key || '-' || n, 'in', 'text ' || n,
            c.last_message_at - n * interval '1 second', c.last_message_at
       FROM conversations c CROSS JOIN generate_series(1, 2) n WHERE c.workspace_id = $1`,
    [workspaceId],
  );
  await tx.query('ANALYZE conversations');
  await tx.query('ANALYZE messages');
}

/** The plans of every statement `run` issues (instead of running them). */
async function plans(run: (ctx: Ctx, conversationId: string) => Promise<unknown>): Promise<string> {
  const ws = await buildWorkspace(t.db);
  const lines: string[] = [];
  await t.db
    .transaction(async (tx) => {
      await fill(tx, ws.workspaceId, ws.owner.userId);
      const { rows } = await tx.query<{ id: string }>(`SELECT id FROM conversations WHERE workspace_id = $1 LIMIT 1`, [ws.workspaceId]);
      const explaining: Queryable = {
        async query<Row>(sql: string, params?: readonly unknown[]) {
          const result = await tx.query<Record<string, string>>(`EXPLAIN ${sql}`, params);
          lines.push(...result.rows.map((row) => Object.values(row)[0]!));
          return { rows: [] as Row[], rowCount: 0 };
        },
      };
      const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
      await run({ workspaceId: ws.workspaceId, db: explaining, requestId: 'plan', actor }, rows[0]!.id);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return lines.join('\n');
}

describe('inbox query plans', () => {
  it('reads the whole inbox, newest first, through the recency index', async () => {
    const plan = await plans((ctx) => listConversations(ctx, {}, null, 50));
    expect(plan).toContain('conversations_recent');
    expect(plan).not.toMatch(/Seq Scan on conversations/);
  });

  it("reads a member's open conversations through the assignee index", async () => {
    const plan = await plans((ctx) => listConversations(ctx, { view: 'mine', status: 'open' }, null, 50));
    expect(plan).toMatch(/conversations_assignee|conversations_recent/);
    expect(plan).not.toMatch(/Seq Scan on conversations/);
  });

  it('suggests labels from the latest labelled conversations, read through their own index', async () => {
    const plan = await plans((ctx) => labelSuggestions(ctx, LABEL_SUGGESTIONS_LIMIT, LABEL_SUGGESTIONS_WINDOW));
    expect(plan).toContain('conversations_labelled');
    expect(plan).not.toMatch(/Seq Scan on conversations/);
  });

  it("reads a conversation's messages through its index", async () => {
    const plan = await plans((ctx, id) => listMessages(ctx.db, ctx.workspaceId, id, null, 50));
    expect(plan).toContain('messages_conversation');
    expect(plan).not.toMatch(/Seq Scan on messages/);
  });

  it("finds the relay pass's new messages by key, and each conversation's first waiting message through its index", async () => {
    const plan = await plans((ctx, id) =>
      touchedByNewMessages(
        ctx.db,
        ctx.workspaceId,
        [id],
        [randomUUID(), randomUUID(), randomUUID()].map((messageId) => ({ conversationId: id, messageId })),
        true,
      ),
    );
    // The added messages by an index whichever the planner picks (the primary key, or the conversation's with the id).
    expect(plan).toMatch(/Index (Only )?Scan using messages_(pkey|conversation) on messages m /);
    expect(plan).toMatch(/Index (Only )?Scan using messages_conversation on messages i /);
    expect(plan).not.toMatch(/Seq Scan on (messages|conversations)/);
  });
});
