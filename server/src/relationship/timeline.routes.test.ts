import { beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../ingest/testing/mastodon-statuses.js';
import { systemActor } from '../platform/context.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { plainPreview } from './plain-text.js';
import { conversationOf, mentionBy, understand } from './testing/relationship-fixtures.js';
import { timelineStatement } from './timeline.repo.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface Item {
  id: string;
  kind: string;
  occurredAt: string;
  title: string;
  body: string;
  network: string | null;
  direction: string | null;
  conversationId: string | null;
  sentiment: string | null;
  author: string | null;
  task: { dueAt: string | null; doneAt: string | null; assigneeId: string | null; assigneeName: string | null } | null;
  isMention: boolean;
}
interface Page {
  data: Item[];
  nextCursor: string | null;
}

const at = (iso: string) => new Date(iso);
const get = (ws: TestWorkspace, url: string, headers = ws.owner.headers) => t.app.inject({ method: 'GET', url, headers });

async function contactIn(ws: TestWorkspace, payload: object = {}): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/contacts',
    headers: ws.owner.headers,
    payload: { firstName: 'Tess', lastName: 'Timeline', ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response).id;
}

async function logNote(ws: TestWorkspace, payload: object) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/activities',
    headers: ws.owner.headers,
    payload: { type: 'note', ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response).id;
}

/** A contact with a note, a call, a two-way conversation with an internal note, and a mention matched twice. */
async function richContact(ws: TestWorkspace) {
  const contactId = await contactIn(ws);
  const note = await logNote(ws, {
    contactId,
    subject: 'Met at the fair',
    body: '<p>Likes <b>blue</b> &amp; green</p>',
    occurredAt: '2026-01-01T10:00:00Z',
  });
  const call = await logNote(ws, {
    type: 'call',
    contactId,
    subject: 'Intro call',
    direction: 'in',
    durationMinutes: 25,
    occurredAt: '2026-01-03T10:00:00Z',
  });
  const conversation = await conversationOf(t.db, ws.workspaceId, contactId, {
    subject: 'Broken widget',
    messages: [
      { direction: 'in', text: 'My widget is broken', sentAt: at('2026-01-05T10:00:00Z') },
      { direction: 'out', text: 'Sorry, sending a new one', sentAt: at('2026-01-05T11:00:00Z'), authorUserId: ws.owner.userId },
      { kind: 'note', direction: 'out', text: 'Internal: check stock', sentAt: at('2026-01-05T12:00:00Z'), authorUserId: ws.owner.userId },
    ],
  });
  await understand(t.db, ws.workspaceId, conversation.messageIds[0]!, { intent: 'complaint', sentiment: 'negative', score: -0.7 });
  const mention = await mentionBy(t.db, ws.workspaceId, contactId, {
    text: 'Loving the new widget!',
    sentAt: at('2026-01-07T10:00:00Z'),
    queries: 2,
    sentiment: 'positive',
  });
  return { contactId, note, call, conversation, mention };
}

describe('contact timeline', () => {
  it('merges activities, messages and mentions newest first, each once: activities as written, messages as plain text', async () => {
    const ws = await buildWorkspace(t.db);
    const { contactId, note, call, conversation, mention } = await richContact(ws);
    const page = json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline`));
    const ids = page.data.map((i) => [i.kind, i.id]);
    expect(ids).toEqual([
      ['mention', mention.messageId],
      ['message', conversation.messageIds[1]],
      ['message', conversation.messageIds[0]],
      ['call', call],
      ['note', note],
      // The contact's creation is a system entry only when something records it; none here.
    ]);
    expect(page.nextCursor).toBeNull();
    const [posted, reply, complaint, called, noted] = page.data;
    expect(posted).toMatchObject({
      network: 'mastodon',
      direction: 'in',
      sentiment: 'positive',
      author: 'Posting Person',
      authorId: null,
      conversationId: mention.conversationId,
      isMention: true,
    });
    expect(reply).toMatchObject({
      direction: 'out',
      author: 'Olive Owner',
      authorId: ws.owner.userId,
      title: 'Broken widget',
      conversationId: conversation.id,
    });
    expect(complaint).toMatchObject({
      direction: 'in',
      sentiment: 'negative',
      author: 'Casey Customer',
      authorId: null,
      durationMinutes: null,
      isMention: false,
    });
    expect(called).toMatchObject({ durationMinutes: 25, authorId: ws.owner.userId });
    // A note is text someone typed: "<b>" in it is what they wrote, shown as text, never markup.
    expect(noted).toMatchObject({
      title: 'Met at the fair',
      body: '<p>Likes <b>blue</b> &amp; green</p>',
      network: null,
      conversationId: null,
      isMention: false,
    });
  });

  it('returns notes whole, with their lines and every character, however long', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await contactIn(ws);
    const body = `Pricing if seats <50 then >10% off.\nBudget <5k but >2k.\n\n${'Ask about the <Enterprise> tier. '.repeat(200)}`;
    const note = await logNote(ws, { contactId, subject: 'Terms <draft>', body, occurredAt: '2026-01-01T10:00:00Z' });
    const [item] = json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline`)).data;
    expect(item).toMatchObject({ id: note, title: 'Terms <draft>', body });
  });

  it('carries a task’s state: due, done, and who has it', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await contactIn(ws);
    const task = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const response = await t.app.inject({ method, url, headers: ws.owner.headers, payload });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return json<{ id: string }>(response).id;
    };
    const open = await task('POST', '/api/v1/tasks', { title: 'Send the quote', contactId, dueAt: '2026-02-01T09:00:00Z' });
    const done = await task('POST', '/api/v1/tasks', { title: 'Call back', contactId, assigneeId: null });
    await task('PATCH', `/api/v1/tasks/${done}`, { done: true });
    const note = await logNote(ws, { contactId, subject: 'A note', occurredAt: '2026-01-08T10:00:00Z' });

    const items = json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline`)).data;
    const stateOf = (id: string) => items.find((item) => item.id === id)!.task;
    expect(stateOf(open)).toEqual({
      dueAt: '2026-02-01T09:00:00.000Z',
      doneAt: null,
      assigneeId: ws.owner.userId,
      assigneeName: 'Olive Owner',
    });
    expect(stateOf(done)).toEqual({ dueAt: null, doneAt: expect.any(String) as string, assigneeId: null, assigneeName: null });
    expect(stateOf(note)).toBeNull();
  });

  it('shows a mention in the contact’s own conversation once, as the message', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await contactIn(ws);
    const { messageId, conversationId } = await mentionBy(t.db, ws.workspaceId, contactId, {
      text: 'Hello brand',
      sentAt: at('2026-02-01T00:00:00Z'),
    });
    await t.db.query('UPDATE conversations SET contact_id = $3 WHERE workspace_id = $1 AND id = $2', [
      ws.workspaceId,
      conversationId,
      contactId,
    ]);
    const page = json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline`));
    expect(page.data.map((i) => [i.kind, i.id, i.isMention])).toEqual([['message', messageId, true]]);
  });

  it('names no customer by the numeric id Meta knows them by', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await contactIn(ws);
    const psid = '6512345678909999';
    const identity = { network: 'facebook', externalId: psid, handle: psid, displayName: psid, email: null };
    await conversationOf(t.db, ws.workspaceId, contactId, {
      network: 'facebook',
      identity,
      messages: [{ text: 'Is the shop open on Sunday?', sentAt: at('2026-02-01T10:00:00Z') }],
    });
    const page = json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline`));
    expect(page.data.map((i) => [i.kind, i.author])).toEqual([['message', null]]);
    await t.db.query('UPDATE social_identities SET display_name = $3 WHERE workspace_id = $1 AND external_id = $2', [
      ws.workspaceId,
      psid,
      'Mia Rossi',
    ]);
    expect(json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline`)).data.map((i) => i.author)).toEqual(['Mia Rossi']);
  });

  it('finds what listening heard from an author added as a contact under mentions, once, as the messages they are', async () => {
    const ws = await buildWorkspace(t.db);
    const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });
    await send('POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' });
    const content = [
      mastodonStatus('heard', { text: 'Acme rockets are too loud', account: 7, createdAt: at('2026-03-01T10:00:00Z') }),
      mastodonStatus('aside', { text: 'Lunch by the river today', account: 7, createdAt: at('2026-03-02T10:00:00Z') }),
    ]
      .map((status) => JSON.stringify(status))
      .join('\n');
    expect((await send('POST', '/api/v1/ingest/files', { format: 'mastodon', content })).statusCode).toBe(200);
    const [heard] = json<{ data: { messageId: string; author: { identityId: string } }[] }>(
      await send('GET', '/api/v1/listening/mentions'),
    ).data;
    const added = await send('POST', `/api/v1/identities/${heard!.author.identityId}/contact`);
    expect(added.statusCode, added.body).toBe(201);
    const contactId = json<{ contact: { id: string } }>(added).contact.id;

    const timeline = async (kinds: string) =>
      json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline?kinds=${kinds}`)).data.map((i) => [i.kind, i.isMention, i.body]);
    expect(await timeline('mention')).toEqual([['message', true, 'Acme rockets are too loud']]);
    expect(await timeline('message')).toEqual([
      ['message', false, 'Lunch by the river today'],
      ['message', true, 'Acme rockets are too loud'],
    ]);
    expect(await timeline('message,mention')).toEqual(await timeline('message'));
  });

  it('filters by kind and network, and pages without gaps or repeats', async () => {
    const ws = await buildWorkspace(t.db);
    const { contactId, note, call } = await richContact(ws);
    const activities = json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline?kinds=note,call`));
    expect(activities.data.map((i) => i.id)).toEqual([call, note]);
    const onMastodon = json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline?network=mastodon`));
    expect(onMastodon.data.map((i) => i.kind)).toEqual(['mention']);
    const all = json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline`)).data.map((i) => i.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(ws, `/api/v1/contacts/${contactId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page: Page = json<Page>(response);
      expect(page.data.length).toBeLessThanOrEqual(2);
      paged.push(...page.data.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect((await get(ws, `/api/v1/contacts/${contactId}/timeline?kinds=note,letters`)).statusCode).toBe(400);
    expect((await get(ws, `/api/v1/contacts/${contactId}/timeline?cursor=bogus`)).statusCode).toBe(400);
  });

  it('is refused for contacts the member may not see', async () => {
    const ws = await buildWorkspace(t.db);
    const { contactId } = await richContact(ws);
    const limited = await ws.member('agent', { recordScope: 'own' });
    expect((await get(ws, `/api/v1/contacts/${contactId}/timeline`, limited.headers)).statusCode).toBe(404);
    const other = await buildWorkspace(t.db);
    expect((await get(other, `/api/v1/contacts/${contactId}/timeline`)).statusCode).toBe(404);
  });
});

describe('company timeline', () => {
  it('holds the company’s own entries and its contacts’ items', async () => {
    const ws = await buildWorkspace(t.db);
    const company = json<{ id: string }>(
      await t.app.inject({ method: 'POST', url: '/api/v1/companies', headers: ws.owner.headers, payload: { name: 'Widgets Ltd' } }),
    ).id;
    const contactId = await contactIn(ws, { companyId: company });
    const own = await logNote(ws, { companyId: company, subject: 'Annual review', occurredAt: '2026-03-01T00:00:00Z' });
    const conversation = await conversationOf(t.db, ws.workspaceId, contactId, {
      messages: [{ text: 'Order 66', sentAt: at('2026-02-01T00:00:00Z') }],
    });
    const elsewhere = await contactIn(ws);
    await logNote(ws, { contactId: elsewhere, subject: 'Not theirs' });
    const page = json<Page>(await get(ws, `/api/v1/companies/${company}/timeline`));
    expect(page.data.map((i) => i.id)).toEqual([own, conversation.messageIds[0]]);
  });
});

describe('timeline plan', () => {
  it('reads every source through its index for a contact with ten thousand items', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await contactIn(ws);
    const conversation = await conversationOf(t.db, ws.workspaceId, contactId, { messages: [{ text: 'first' }] });
    await t.db.query(
      `INSERT INTO messages (workspace_id, id, conversation_id, network, kind, direction, text, sent_at, received_at)
       SELECT $1, gen_random_uuid(), $2, 'email', 'message', 'in', 'message ' || n, now() - n * interval '1 minute', now()
         FROM generate_series(1, 6000) n`,
      [ws.workspaceId, conversation.id],
    );
    await t.db.query(
      `INSERT INTO activities (workspace_id, id, type, contact_id, subject, body, occurred_at, created_at, updated_at)
       SELECT $1, gen_random_uuid(), 'note', $2, 'note ' || n, '', now() - n * interval '1 minute', now(), now()
         FROM generate_series(1, 4000) n`,
      [ws.workspaceId, contactId],
    );
    await mentionBy(t.db, ws.workspaceId, contactId, { text: 'hi', sentAt: new Date() });
    // Other people's activities and mentions in the same workspace, so the plan is the one a busy workspace gets.
    const stranger = await contactIn(ws);
    await t.db.query(
      `INSERT INTO activities (workspace_id, id, type, contact_id, subject, body, occurred_at, created_at, updated_at)
       SELECT $1, gen_random_uuid(), 'note', $2, 'other ' || n, '', now() - n * interval '1 minute', now(), now()
         FROM generate_series(1, 6000) n`,
      [ws.workspaceId, stranger],
    );
    const { identityId: strangerIdentity } = await mentionBy(t.db, ws.workspaceId, stranger, { text: 'me too', sentAt: new Date() });
    await t.db.query(
      `INSERT INTO mentions (workspace_id, id, query_id, message_id, conversation_id, author_identity_id, network, sent_at, matched_at)
       SELECT m.workspace_id, gen_random_uuid(), q.id, m.id, m.conversation_id, $2, 'email', m.sent_at, now()
         FROM messages m, (SELECT id FROM listening_queries WHERE workspace_id = $1 LIMIT 1) q
        WHERE m.workspace_id = $1 AND m.text LIKE 'message %'`,
      [ws.workspaceId, strangerIdentity],
    );
    for (const table of ['messages', 'activities', 'mentions', 'conversations', 'social_identities']) await t.db.query(`ANALYZE ${table}`);
    const planOf = async (kinds: { activityKinds: string[]; messages: boolean }) => {
      const statement = timelineStatement(ws.workspaceId, systemActor(), {
        contactIds: [contactId],
        companyId: null,
        ...kinds,
        mentions: true,
        network: null,
        before: { at: new Date(Date.now() - 3_600_000), id: '00000000-0000-4000-8000-000000000000' },
        limit: 50,
      })!;
      const { rows } = await t.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.sql}`, statement.params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    };
    const plan = await planOf({ activityKinds: ['note', 'call', 'meeting', 'email', 'task', 'system'], messages: true });
    expect(plan).toMatch(/Index Scan( Backward)? using activities_contact_timeline/);
    expect(plan).toMatch(/Index Scan( Backward)? using messages_conversation/);
    expect(plan).toMatch(/mentions_author/);
    expect(plan).toMatch(/mentions_message/);
    expect(plan).not.toMatch(/Seq Scan on (messages|activities|mentions)/);
    // Mentions alone: the messages of the contact's conversations that listening heard, and their mentions elsewhere.
    const mentionsOnly = await planOf({ activityKinds: [], messages: false });
    expect(mentionsOnly).toMatch(/Index Scan( Backward)? using messages_conversation/);
    expect(mentionsOnly).toMatch(/mentions_message/);
    expect(mentionsOnly).not.toMatch(/Seq Scan on (messages|activities|mentions)/);
    const started = performance.now();
    const page = json<Page>(await get(ws, `/api/v1/contacts/${contactId}/timeline?limit=50`));
    expect(page.data).toHaveLength(50);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('plain text previews', () => {
  it('drops markup, decodes entities, folds whitespace and cuts at a word', () => {
    expect(plainPreview('<div>Hi&nbsp;<i>there</i></div>\n\n<script>alert(1)</script>&#233;t&eacute;', 100)).toBe('Hi there ét&eacute;');
    expect(plainPreview('alpha beta gamma delta', 15)).toBe('alpha beta…');
  });
});
