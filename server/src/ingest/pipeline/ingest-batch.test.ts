import { beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, parseFile, type NormalisedMessage } from '../../channels/index.js';
import { CORPUS_FOLDERS, corpusFile, corpusFiles } from '../../channels/testing/corpora.js';
import { newId } from '../../platform/db/ids.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { TEST_DB_KIND } from '../../platform/testing/test-db.js';
import type { IngestBatch } from '../ingest.contract.js';
import { createEnricherRegistry } from './enrichers.js';
import { ingestBatch } from './ingest-batch.js';
import { storedMessagesSteps } from './stored-message-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

function message(externalId: string, overrides: Partial<NormalisedMessage> = {}): NormalisedMessage {
  return {
    channel: 'mastodon',
    externalId,
    author: { externalId: 'acct-1', handle: 'ada@example.social', displayName: 'Ada' },
    text: `Message ${externalId}`,
    sentAt: new Date('2026-03-01T10:00:00Z'),
    direction: 'in',
    isPrivate: false,
    attachments: [],
    raw: { format: 'mastodon', index: 0 },
    ...overrides,
  };
}

const batchOf = (workspaceId: string, messages: NormalisedMessage[], extra: Partial<IngestBatch> = {}): IngestBatch => ({
  source: { workspaceId, channelId: null, kind: 'file', format: 'mastodon' },
  messages,
  ...extra,
});

async function count(table: string, workspaceId: string): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
  return rows[0]!.n;
}

async function conversations(workspaceId: string) {
  const { rows } = await t.db.query<{
    id: string;
    thread_key: string;
    subject: string;
    status: string;
    message_count: number;
    preview: string;
    identity_id: string | null;
    contact_id: string | null;
    team_id: string | null;
    last_message_at: Date;
  }>('SELECT * FROM conversations WHERE workspace_id = $1 ORDER BY thread_key', [workspaceId]);
  return rows;
}

async function conversationOf(workspaceId: string, externalId: string): Promise<string> {
  const { rows } = await t.db.query<{ conversation_id: string }>(
    'SELECT conversation_id FROM messages WHERE workspace_id = $1 AND external_id = $2',
    [workspaceId, externalId],
  );
  return rows[0]!.conversation_id;
}

describe('ingestBatch', () => {
  it('stores every recorded corpus once, however often it is replayed', async () => {
    const ws = await buildWorkspace(t.db);
    const batches: IngestBatch[] = [];
    for (const folder of CORPUS_FOLDERS) {
      for (const name of corpusFiles(folder)) {
        const content = corpusFile(folder, name);
        const format = detectFormat(name, content);
        if (!format) continue;
        const parsed = await parseFile(format, content, { receivedAt: new Date('2026-03-01T00:00:00Z') });
        batches.push({
          source: { workspaceId: ws.workspaceId, channelId: null, kind: 'file', format },
          messages: parsed.messages,
          profiles: parsed.profiles,
          rejected: parsed.rejected,
          payload: content.toString('utf8'),
        });
      }
    }
    const distinct = new Set(batches.flatMap((b) => b.messages.map((m) => `${m.channel} ${m.externalId}`)));
    expect(distinct.size).toBeGreaterThan(100);
    // The pipeline's own events: other test files relay every workspace's events in the shared
    // PostgreSQL database meanwhile, and the handlers record events of their own.
    const pipelineEvents = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM events WHERE workspace_id = $1 AND (type LIKE 'conversation.messages\\_%' OR type = 'conversation.created')`,
          [ws.workspaceId],
        )
      ).rows[0]!.n;
    const counts = async () =>
      Promise.all([
        ...['messages', 'conversations', 'social_identities', 'dead_letters'].map((table) => count(table, ws.workspaceId)),
        pipelineEvents(),
      ]);
    let created = 0;
    for (const batch of batches) {
      const report = await ingestBatch(t.db, batch);
      expect(report.received).toBe(report.ingested + report.duplicates + report.rejected);
      created += report.conversationsCreated;
    }
    const before = await counts();
    expect(before[0]).toBe(distinct.size);
    expect(before[1]).toBe(created);
    expect(before[4]).toBeGreaterThan(created);

    for (const batch of batches) {
      const again = await ingestBatch(t.db, { ...batch, rejected: [] });
      expect(again).toMatchObject({ ingested: 0, duplicates: batch.messages.length, conversationsCreated: 0 });
    }
    expect(await counts()).toEqual(before);
  });

  it('threads by thread key, by the message replied to, and lets an early reply meet its late root', async () => {
    const ws = await buildWorkspace(t.db);
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));
    // The reply arrives first and names its root; the root comes in a later batch.
    await ingestBatch(t.db, batchOf(ws.workspaceId, [message('reply-1', { inReplyToExternalId: 'root', sentAt: at(5) })]));
    const late = await ingestBatch(t.db, batchOf(ws.workspaceId, [message('root', { sentAt: at(0), title: 'The root post' })]));
    expect(late.conversationsCreated).toBe(0);
    expect(await conversationOf(ws.workspaceId, 'root')).toBe(await conversationOf(ws.workspaceId, 'reply-1'));

    // A reply to a stored reply joins that reply's conversation, whatever it is keyed by.
    await ingestBatch(t.db, batchOf(ws.workspaceId, [message('reply-2', { inReplyToExternalId: 'reply-1', sentAt: at(9) })]));
    expect(await conversationOf(ws.workspaceId, 'reply-2')).toBe(await conversationOf(ws.workspaceId, 'root'));

    // Thread keys group messages that do not reply to each other (an e-mail thread, a DM).
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [
        message('dm-2', { threadKey: 'dm:42', isPrivate: true, sentAt: at(2), text: 'second' }),
        message('dm-1', { threadKey: 'dm:42', isPrivate: true, sentAt: at(1), text: 'first' }),
      ]),
    );
    expect(await conversationOf(ws.workspaceId, 'dm-1')).toBe(await conversationOf(ws.workspaceId, 'dm-2'));

    const list = await conversations(ws.workspaceId);
    expect(list.map((c) => [c.thread_key, c.message_count])).toEqual([
      ['dm:42', 2],
      ['root', 3],
    ]);
    const dm = list[0]!;
    expect(dm).toMatchObject({ subject: 'first', preview: 'second', status: 'open' });
    expect(dm.identity_id).not.toBeNull();
    expect(list[1]!.last_message_at.toISOString()).toBe(at(9).toISOString());
  });

  it('reopens a resolved or snoozed conversation on an inbound message, not on an outbound one', async () => {
    const ws = await buildWorkspace(t.db);
    await ingestBatch(t.db, batchOf(ws.workspaceId, [message('a', { threadKey: 'k1' }), message('b', { threadKey: 'k2' })]));
    await t.db.query(
      `UPDATE conversations SET status = CASE thread_key WHEN 'k1' THEN 'resolved' ELSE 'snoozed' END,
         resolved_at = CASE thread_key WHEN 'k1' THEN '2026-03-01T11:00:00Z'::timestamptz END,
         snoozed_until = CASE thread_key WHEN 'k2' THEN '2026-04-01T00:00:00Z'::timestamptz END
       WHERE workspace_id = $1`,
      [ws.workspaceId],
    );
    const later = new Date('2026-03-02T09:00:00Z');
    const out = await ingestBatch(t.db, batchOf(ws.workspaceId, [message('a-out', { threadKey: 'k1', direction: 'out', sentAt: later })]));
    expect(out.ingested).toBe(1);
    expect((await conversations(ws.workspaceId)).map((c) => c.status)).toEqual(['resolved', 'snoozed']);
    // An inbound message older than the resolution (a backfill) leaves it resolved.
    await ingestBatch(t.db, batchOf(ws.workspaceId, [message('a-old', { threadKey: 'k1', sentAt: new Date('2026-03-01T10:30:00Z') })]));
    expect((await conversations(ws.workspaceId))[0]!.status).toBe('resolved');
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [message('a-in', { threadKey: 'k1', sentAt: later }), message('b-in', { threadKey: 'k2', sentAt: later })]),
    );
    const after = await conversations(ws.workspaceId);
    expect(after.map((c) => [c.status, c.message_count])).toEqual([
      ['open', 4],
      ['open', 2],
    ]);
    const { rows } = await t.db.query<{ snoozed_until: Date | null; resolved_at: Date | null }>(
      'SELECT snoozed_until, resolved_at FROM conversations WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(rows.every((r) => r.snoozed_until === null && r.resolved_at === null)).toBe(true);
  });

  it("files a linked customer's new conversations under their contact, and a thread the business started once they answer", async () => {
    const ws = await buildWorkspace(t.db);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      payload: { firstName: 'Ada' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const contactId = (JSON.parse(created.body) as { id: string }).id;
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [message('first', { threadKey: 'k1' }), message('ours', { threadKey: 'k2', direction: 'out' })]),
    );
    await t.db.query('UPDATE social_identities SET contact_id = $2 WHERE workspace_id = $1', [ws.workspaceId, contactId]);
    const later = new Date('2026-03-02T09:00:00Z');
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [
        message('again', { threadKey: 'k3', sentAt: later }),
        message('answer', { threadKey: 'k2', sentAt: later }),
      ]),
    );
    const { rows } = await t.db.query<{ thread_key: string; contact_id: string | null }>(
      'SELECT thread_key, contact_id FROM conversations WHERE workspace_id = $1 ORDER BY thread_key',
      [ws.workspaceId],
    );
    // k1 came before the link, which this test made without the identity domain (linking updates those itself).
    expect(rows).toEqual([
      { thread_key: 'k1', contact_id: null },
      { thread_key: 'k2', contact_id: contactId },
      { thread_key: 'k3', contact_id: contactId },
    ]);
  });

  it('records one created event per new conversation and one messages_added per touched conversation', async () => {
    const ws = await buildWorkspace(t.db);
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [message('p1'), message('p1-r1', { inReplyToExternalId: 'p1' }), message('p2', { direction: 'out' })]),
    );
    const { rows } = await t.db.query<{ type: string; subject_id: string; data: Record<string, unknown> }>(
      `SELECT type, subject_id, data FROM events WHERE workspace_id = $1 AND type LIKE 'conversation.%' ORDER BY id`,
      [ws.workspaceId],
    );
    expect(rows.map((r) => r.type).sort()).toEqual([
      'conversation.created',
      'conversation.created',
      'conversation.messages_added',
      'conversation.messages_added',
    ]);
    const p1 = await conversationOf(ws.workspaceId, 'p1');
    const added = rows.find((r) => r.type === 'conversation.messages_added' && r.subject_id === p1)!;
    expect(added.data).toMatchObject({ count: 2, inbound: true, outboundMessageIds: [], lastMessageAt: '2026-03-01T10:00:00.000Z' });
    expect(added.data.messageIds).toHaveLength(2);
    const p2 = rows.find((r) => r.type === 'conversation.messages_added' && r.subject_id !== p1)!;
    expect(p2.data).toMatchObject({ count: 1, inbound: false, outboundMessageIds: p2.data.messageIds });
  });

  it('stores what registered enrichers add, keyed by enricher, and survives a failing one', async () => {
    const ws = await buildWorkspace(t.db);
    const registry = createEnricherRegistry();
    registry.register({ name: 'length', enrich: (m) => ({ characters: m.text.length }) });
    registry.register({ name: 'shouting', enrich: (m) => (m.text === m.text.toUpperCase() ? { loud: true } : undefined) });
    registry.register({
      name: 'broken',
      enrich: () => {
        throw new Error('model missing');
      },
    });
    expect(() => registry.register({ name: 'length', enrich: () => undefined })).toThrow(/already registered/);
    const failures: string[] = [];
    await ingestBatch(t.db, batchOf(ws.workspaceId, [message('e1', { text: 'HELLO' }), message('e2', { text: 'quiet' })]), {
      enrichers: registry.list(),
      onEnricherError: (name) => failures.push(name),
    });
    const { rows } = await t.db.query<{ external_id: string; enrichment: unknown }>(
      'SELECT external_id, enrichment FROM messages WHERE workspace_id = $1 ORDER BY external_id',
      [ws.workspaceId],
    );
    expect(rows).toEqual([
      { external_id: 'e1', enrichment: { length: { characters: 5 }, shouting: { loud: true } } },
      { external_id: 'e2', enrichment: { length: { characters: 5 } } },
    ]);
    expect(failures).toEqual(['broken', 'broken']);
  });

  it('creates and refreshes identities, the fresher sighting winning, and applies profiles', async () => {
    const ws = await buildWorkspace(t.db);
    const author = (handle: string, extra: object = {}) => ({ externalId: 'acct-9', handle, displayName: handle, ...extra });
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [
        message('i1', { author: author('new-handle', { followers: 10 }), sentAt: new Date('2026-03-02T00:00:00Z') }),
        message('i2', { author: author('old-handle', { bio: 'Old bio' }), sentAt: new Date('2026-03-01T00:00:00Z') }),
      ]),
    );
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [message('i0', { author: author('older'), sentAt: new Date('2026-02-01T00:00:00Z') })]),
    );
    const identity = async () =>
      (
        await t.db.query<Record<string, unknown>>(
          `SELECT handle, followers, bio, location, first_seen_at, last_seen_at FROM social_identities WHERE workspace_id = $1 AND external_id = 'acct-9'`,
          [ws.workspaceId],
        )
      ).rows;
    expect(await identity()).toEqual([
      {
        handle: 'new-handle',
        followers: 10,
        bio: 'Old bio',
        location: null,
        first_seen_at: new Date('2026-02-01T00:00:00Z'),
        last_seen_at: new Date('2026-03-02T00:00:00Z'),
      },
    ]);
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [], {
        profiles: [
          { channel: 'mastodon', author: author('renamed', { location: 'Lisbon' }), raw: { format: 'mastodon', index: 0 } },
          { channel: 'mastodon', author: author('someone-else', { externalId: 'acct-10' }), raw: { format: 'mastodon', index: 1 } },
        ],
      }),
    );
    const [refreshed] = await identity();
    expect(refreshed).toMatchObject({ handle: 'renamed', followers: 10, location: 'Lisbon' });
    expect(await count('social_identities', ws.workspaceId)).toBe(2);
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages m JOIN social_identities s ON s.workspace_id = m.workspace_id AND s.id = m.author_identity_id
        WHERE m.workspace_id = $1 AND s.external_id = 'acct-9'`,
      [ws.workspaceId],
    );
    expect(rows[0]!.n).toBe(3);
  });

  it('dead-letters parser rejections and invalid messages in the same commit, skipping non-messages', async () => {
    const ws = await buildWorkspace(t.db);
    const payload = ['{"id":"1"}', '{not json', '{"id":"3"}'].join('\n');
    const broken = { ...message('bad'), direction: 'sideways' } as unknown as NormalisedMessage;
    const report = await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [message('good'), message('good'), broken], {
        payload,
        rejected: [
          { index: null, line: 2, code: 'malformed', reason: 'line 2 is not JSON' },
          { index: 3, code: 'not-a-message', reason: 'a favourite' },
          { index: null, code: 'empty', reason: 'nothing here' },
        ],
      }),
    );
    expect(report).toEqual({ received: 5, ingested: 1, duplicates: 1, rejected: 3, conversationsCreated: 1, deleted: 0 });
    const { rows } = await t.db.query<{ code: string; reason: string; format: string | null; payload: string; source: string }>(
      'SELECT code, reason, format, payload, source FROM dead_letters WHERE workspace_id = $1 ORDER BY code',
      [ws.workspaceId],
    );
    expect(rows.map((r) => [r.code, r.format, r.source])).toEqual([
      ['empty', 'mastodon', 'file'],
      ['invalid', null, 'file'],
      ['malformed', 'mastodon', 'file'],
    ]);
    expect(rows[0]!.payload).toBe(payload);
    expect(rows[1]!.reason).toMatch(/^direction /);
    expect(JSON.parse(rows[1]!.payload)).toMatchObject({ externalId: 'bad' });
    expect(rows[2]!.payload).toBe('{not json');
  });

  it('stores text cut inside an emoji with U+FFFD in its place, and dead-letters a date outside years 1-9999', async () => {
    const ws = await buildWorkspace(t.db);
    const half = '😀'.slice(0, 1);
    const report = await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [
        message('cut', {
          title: `Title ${half}`,
          text: `Body ${half} and more`,
          author: { externalId: 'acct-cut', handle: 'cut@example.social', displayName: `Name ${half}` },
        }),
        message('far', { sentAt: new Date(Date.parse('+010000-01-01T00:00:00Z')) }),
      ]),
    );
    expect(report).toMatchObject({ ingested: 1, rejected: 1 });
    const { rows } = await t.db.query<{ title: string; text: string; display_name: string; subject: string }>(
      `SELECT m.title, m.text, i.display_name, c.subject FROM messages m
         JOIN social_identities i ON i.id = m.author_identity_id JOIN conversations c ON c.id = m.conversation_id
        WHERE m.workspace_id = $1`,
      [ws.workspaceId],
    );
    expect(rows).toEqual([{ title: 'Title \ufffd', text: 'Body \ufffd and more', display_name: 'Name \ufffd', subject: 'Title \ufffd' }]);
    const dead = await t.db.query<{ reason: string }>('SELECT reason FROM dead_letters WHERE workspace_id = $1', [ws.workspaceId]);
    expect(dead.rows.map((r) => r.reason)).toEqual([expect.stringMatching(/^sentAt .*years 1 to 9999/)]);
  });

  it('takes a sending time far ahead of the clock as the time received, so it cannot pin its conversation to the top', async () => {
    const ws = await buildWorkspace(t.db);
    const receivedAt = new Date(Date.now() - 60_000);
    const soon = new Date(Date.now() + 60_000);
    const report = await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [
        message('future', { sentAt: new Date('9999-01-01T00:00:00Z'), receivedAt, threadKey: 'far' }),
        message('skewed', { sentAt: soon, threadKey: 'near' }),
      ]),
    );
    expect(report).toMatchObject({ ingested: 2, rejected: 0 });
    const { rows } = await t.db.query<{ external_id: string; sent_at: Date; last_message_at: Date; last_inbound_at: Date }>(
      `SELECT m.external_id, m.sent_at, c.last_message_at, c.last_inbound_at FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.workspace_id = $1 ORDER BY m.external_id`,
      [ws.workspaceId],
    );
    expect(rows).toEqual([
      { external_id: 'future', sent_at: receivedAt, last_message_at: receivedAt, last_inbound_at: receivedAt },
      // A few minutes ahead is a clock's ordinary drift, kept as the source says.
      { external_id: 'skewed', sent_at: soon, last_message_at: soon, last_inbound_at: soon },
    ]);
  });

  it('cuts dead-letter payloads to 64 KiB and flags the cut', async () => {
    const ws = await buildWorkspace(t.db);
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [], { payload: 'é'.repeat(40_000), rejected: [{ index: null, code: 'malformed', reason: 'bad' }] }),
    );
    const { rows } = await t.db.query<{ payload: string; payload_truncated: boolean }>(
      'SELECT payload, payload_truncated FROM dead_letters WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(rows[0]!.payload_truncated).toBe(true);
    expect(rows[0]!.payload).toBe('é'.repeat(32_768));
  });

  it('deletes messages the source says are gone and recounts their conversations', async () => {
    const ws = await buildWorkspace(t.db);
    await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [
        message('d1', { threadKey: 't', text: 'first', sentAt: new Date('2026-03-01T10:00:00Z') }),
        message('d2', { threadKey: 't', text: 'second', sentAt: new Date('2026-03-01T11:00:00Z') }),
      ]),
    );
    const report = await ingestBatch(
      t.db,
      batchOf(ws.workspaceId, [], {
        deletions: [
          { channel: 'mastodon', externalId: 'd2', raw: { format: 'mastodon', index: 0 } },
          { channel: 'mastodon', externalId: 'never-seen', raw: { format: 'mastodon', index: 1 } },
        ],
      }),
    );
    expect(report.deleted).toBe(1);
    const [conversation] = await conversations(ws.workspaceId);
    expect(conversation).toMatchObject({ message_count: 1, preview: 'first' });
    expect(conversation!.last_message_at.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    const { rows } = await t.db.query<{ type: string }>(
      `SELECT type FROM events WHERE workspace_id = $1 AND type = 'conversation.messages_deleted'`,
      [ws.workspaceId],
    );
    expect(rows).toHaveLength(1);
  });

  it("files conversations under the channel's team, and refuses a channel of another workspace", async () => {
    const ws = await buildWorkspace(t.db);
    const channelId = newId();
    const teamId = newId();
    await t.db.query(
      `INSERT INTO channels (workspace_id, id, kind, name, team_id, created_at, updated_at) VALUES ($1, $2, 'mastodon', 'Toots', $3, now(), now())`,
      [ws.workspaceId, channelId, teamId],
    );
    const source = { workspaceId: ws.workspaceId, channelId, kind: 'poll' as const };
    await ingestBatch(t.db, { source, messages: [message('c1')] });
    const [conversation] = await conversations(ws.workspaceId);
    expect(conversation!.team_id).toBe(teamId);
    const other = await buildWorkspace(t.db);
    await expect(ingestBatch(t.db, { source: { ...source, workspaceId: other.workspaceId }, messages: [message('c2')] })).rejects.toThrow(
      'channelId is not a channel of this workspace',
    );
    expect(await count('messages', other.workspaceId)).toBe(0);
  });

  it('stays exact when overlapping batches commit concurrently', async () => {
    const ws = await buildWorkspace(t.db);
    const all = Array.from({ length: 300 }, (_, i) =>
      message(`m${i}`, {
        inReplyToExternalId: i % 3 ? `m${i - (i % 3)}` : undefined,
        author: { externalId: `a${i % 7}`, handle: `a${i % 7}`, displayName: `A${i % 7}` },
        sentAt: new Date(Date.UTC(2026, 2, 1, 0, i)),
      }),
    );
    const slices = [all.slice(0, 200), all.slice(100, 300), all.slice(50, 250), [...all].reverse()];
    const reports = await Promise.all(slices.map((messages) => ingestBatch(t.db, batchOf(ws.workspaceId, messages))));
    expect(reports.reduce((sum, r) => sum + r.ingested, 0)).toBe(300);
    expect(reports.reduce((sum, r) => sum + r.ingested + r.duplicates, 0)).toBe(900);
    expect(await count('messages', ws.workspaceId)).toBe(300);
    const list = await conversations(ws.workspaceId);
    expect(list).toHaveLength(100);
    expect(list.reduce((sum, c) => sum + c.message_count, 0)).toBe(300);
    expect(reports.reduce((sum, r) => sum + r.conversationsCreated, 0)).toBe(list.length);
    expect(await count('social_identities', ws.workspaceId)).toBe(7);
  });

  // PGlite has one session: a second batch cannot run while the first is open.
  it.runIf(TEST_DB_KIND === 'postgres')(
    'commits what a concurrent batch does not hold and holds back its threads until it commits',
    async () => {
      const ws = await buildWorkspace(t.db);
      await ingestBatch(t.db, batchOf(ws.workspaceId, [message('x0')]));
      let aInStep!: () => void;
      const aReachedStep = new Promise<void>((resolve) => (aInStep = resolve));
      let releaseA!: () => void;
      const aReleased = new Promise<void>((resolve) => (releaseA = resolve));
      const holdOpen = { name: 'hold-open', run: () => (aInStep(), aReleased) };
      const later = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 11, minutes));

      const newcomer = { externalId: 'acct-new', handle: 'pat', displayName: 'Pat Doe', email: 'pat@example.com' };

      // A creates thread r1, adds to x0's conversation and matches a new author, then stays open.
      const a = ingestBatch(
        t.db,
        batchOf(ws.workspaceId, [
          message('r1', { sentAt: later(1) }),
          message('x1', { inReplyToExternalId: 'x0', sentAt: later(2) }),
          message('p1', { author: newcomer, sentAt: later(2) }),
        ]),
        { steps: [...storedMessagesSteps.list(), holdOpen] },
      );
      await aReachedStep;
      const b = ingestBatch(
        t.db,
        batchOf(ws.workspaceId, [
          message('r2', { inReplyToExternalId: 'r1', rootExternalId: 'r1', sentAt: later(3) }),
          message('x2', { inReplyToExternalId: 'x0', sentAt: later(4) }),
          message('u1', { sentAt: later(5) }),
          message('p2', { author: newcomer, sentAt: later(6) }),
        ]),
        { steps: storedMessagesSteps.list() },
      );
      const storedIds = async () => {
        const { rows } = await t.db.query<{ external_id: string }>(
          'SELECT external_id FROM messages WHERE workspace_id = $1 ORDER BY external_id',
          [ws.workspaceId],
        );
        return rows.map((r) => r.external_id);
      };
      await expect.poll(storedIds, { timeout: 5_000 }).toContain('u1');
      // B's part that A holds waits for A, and A is still open.
      expect(await storedIds()).toEqual(['p2', 'u1', 'x0']);

      releaseA();
      const [aReport, bReport] = await Promise.all([a, b]);
      expect(aReport).toMatchObject({ ingested: 3, conversationsCreated: 2 });
      expect(bReport).toMatchObject({ received: 4, ingested: 4, duplicates: 0, conversationsCreated: 2 });
      expect(await conversationOf(ws.workspaceId, 'r2')).toBe(await conversationOf(ws.workspaceId, 'r1'));
      expect(await conversationOf(ws.workspaceId, 'x2')).toBe(await conversationOf(ws.workspaceId, 'x0'));
      const list = await conversations(ws.workspaceId);
      expect(list.map((c) => [c.thread_key, c.message_count])).toEqual([
        ['p1', 1],
        ['p2', 1],
        ['r1', 2],
        ['u1', 1],
        ['x0', 3],
      ]);
      // A linked the newcomer to a contact it made while B created their second conversation, neither seeing the other.
      const contactOf = (rows: typeof list, threadKey: string) => rows.find((c) => c.thread_key === threadKey)!.contact_id;
      expect(contactOf(list, 'p1')).not.toBeNull();
      await t.deps.relay.flush();
      const relayed = await conversations(ws.workspaceId);
      expect(contactOf(relayed, 'p2')).toBe(contactOf(relayed, 'p1'));
    },
  );
});
