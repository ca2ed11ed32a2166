import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { LABEL_SUGGESTIONS_WINDOW } from './conversation.schema.js';
import { dropQueuedDeliveries, insertChannel, insertConversation } from './testing/conversations.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
interface ConversationBody {
  id: string;
  status: string;
  snoozedUntil: string | null;
  priority: string;
  assigneeId: string | null;
  teamId: string | null;
  labels: string[];
  isSpam: boolean;
  subject: string;
  identity: { id: string; handle: string | null; displayName: string; email: string | null } | null;
  contact: { id: string; displayName: string } | null;
  sla: { breached: string[] };
  viewers?: unknown[];
}

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** Every page of a list, two at a time. */
async function list(headers: Headers, query = ''): Promise<ConversationBody[]> {
  const all: ConversationBody[] = [];
  let cursor: string | null = null;
  do {
    const response = await send(headers, 'GET', `/api/v1/conversations?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page: { data: ConversationBody[]; nextCursor: string | null } = json(response);
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe('conversations API', () => {
  it('lists the inbox newest first, by view, status and filters', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const team = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/teams', { name: 'Support', memberIds: [ws.owner.userId] }),
    );
    const w = ws.workspaceId;
    const oldest = await insertConversation(t.db, w, { subject: 'Refund please', createdAt: minutesAgo(50), labels: ['billing'] });
    const mine = await insertConversation(t.db, w, { assigneeId: ws.owner.userId, createdAt: minutesAgo(40), network: 'mastodon' });
    const teams = await insertConversation(t.db, w, {
      teamId: team.id,
      assigneeId: agent.userId,
      createdAt: minutesAgo(30),
      priority: 'high',
    });
    const woke = await insertConversation(t.db, w, { status: 'snoozed', snoozedUntil: minutesAgo(1), createdAt: minutesAgo(20) });
    const sleeping = await insertConversation(t.db, w, {
      status: 'snoozed',
      snoozedUntil: new Date(Date.now() + 3_600_000),
      createdAt: minutesAgo(15),
    });
    const resolved = await insertConversation(t.db, w, { status: 'resolved', createdAt: minutesAgo(10) });
    const spam = await insertConversation(t.db, w, { isSpam: true, createdAt: minutesAgo(5) });
    await insertConversation(t.db, (await buildWorkspace(t.db)).workspaceId, { createdAt: minutesAgo(1) });

    const ids = async (query: string) => (await list(ws.owner.headers, query)).map((c) => c.id);
    expect(await ids('')).toEqual([resolved.id, sleeping.id, woke.id, teams.id, mine.id, oldest.id]);
    expect(await ids('view=mine')).toEqual([mine.id]);
    expect(await ids('view=unassigned&status=open')).toEqual([woke.id, oldest.id]);
    expect(await ids('view=my_teams')).toEqual([teams.id]);
    expect(await ids('status=snoozed')).toEqual([sleeping.id]);
    expect(await ids('status=resolved')).toEqual([resolved.id]);
    expect(await ids('spam=true')).toEqual([spam.id]);
    expect(await ids('network=mastodon')).toEqual([mine.id]);
    expect(await ids(`teamId=${team.id}`)).toEqual([teams.id]);
    expect(await ids(`assigneeId=${agent.userId}`)).toEqual([teams.id]);
    expect(await ids('label=billing')).toEqual([oldest.id]);
    expect(await ids('priority=high')).toEqual([teams.id]);
    expect(await ids('q=refund')).toEqual([oldest.id]);
    expect(await ids('q=arrived')).toHaveLength(6);

    const [wokeBody] = (await list(ws.owner.headers, 'status=open')).filter((c) => c.id === woke.id);
    expect(wokeBody!.status).toBe('open');

    const counts = json(await send(ws.owner.headers, 'GET', '/api/v1/conversations/counts'));
    expect(counts).toEqual({
      views: { mine: 1, unassigned: 4, my_teams: 1, all: 6 },
      statuses: { open: 4, pending: 0, snoozed: 1, resolved: 1 },
      spam: 1,
    });
  });

  it('counts what each view, each status and the spam folder list, with the same filters', async () => {
    const ws = await buildWorkspace(t.db);
    const team = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/teams', { name: 'Support', memberIds: [ws.owner.userId] }),
    );
    const w = ws.workspaceId;
    const open = await Promise.all(
      [0, 1, 2, 3].map((n) => insertConversation(t.db, w, { labels: n === 0 ? ['billing'] : [], createdAt: minutesAgo(60 - n) })),
    );
    open.push(await insertConversation(t.db, w, { assigneeId: ws.owner.userId, network: 'mastodon', createdAt: minutesAgo(50) }));
    await insertConversation(t.db, w, { status: 'pending', labels: ['Billing'], createdAt: minutesAgo(45) });
    await insertConversation(t.db, w, { status: 'resolved', assigneeId: ws.owner.userId, createdAt: minutesAgo(40) });
    await insertConversation(t.db, w, { status: 'snoozed', snoozedUntil: new Date(Date.now() + 3_600_000), teamId: team.id });
    await insertConversation(t.db, w, { isSpam: true, createdAt: minutesAgo(30) });
    await insertConversation(t.db, w, { isSpam: true, status: 'resolved', network: 'mastodon', createdAt: minutesAgo(20) });

    type Query = Record<string, string>;
    const search = (query: Query) => new URLSearchParams(query).toString();
    const counts = async (query: Query) =>
      json<{ views: Record<string, number>; statuses: Record<string, number>; spam: number }>(
        await send(ws.owner.headers, 'GET', `/api/v1/conversations/counts?${search(query)}`),
      );
    const listed = async (query: Query) => (await list(ws.owner.headers, search(query))).length;

    // The inbox opens on All at Open: five open conversations, the pending one is not among them.
    expect((await counts({ status: 'open' })).views.all).toBe(5);
    const queries: Query[] = [
      {},
      { status: 'open' },
      { view: 'mine', status: 'open' },
      { view: 'unassigned', status: 'pending' },
      { view: 'my_teams' },
      { status: 'open', label: 'billing' },
      { network: 'mastodon', status: 'resolved' },
    ];
    for (const query of queries) {
      const { view: _view, status: _status, ...filters } = query;
      const got = await counts(query);
      for (const view of ['mine', 'unassigned', 'my_teams', 'all']) {
        expect(got.views[view], `${view} in ${search(query)}`).toBe(await listed({ ...query, view }));
      }
      for (const status of ['open', 'pending', 'snoozed', 'resolved']) {
        expect(got.statuses[status], `${status} in ${search(query)}`).toBe(await listed({ ...query, status }));
      }
      expect(got.spam, `spam in ${search(query)}`).toBe(await listed({ ...filters, spam: 'true' }));
    }

    // Resolving every open conversation empties the Open list, and its counts say so.
    const resolve = await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', {
      ids: open.map((c) => c.id),
      action: { status: 'resolved' },
    });
    expect(json(resolve)).toEqual({ updated: 5 });
    expect(await counts({ status: 'open' })).toMatchObject({ views: { all: 0, mine: 0 }, statuses: { open: 0, pending: 1 }, spam: 2 });
    expect((await send(ws.owner.headers, 'GET', '/api/v1/conversations/counts?label=%20')).statusCode).toBe(400);
  });

  it('shows the customer’s identity and contact', async () => {
    const ws = await buildWorkspace(t.db);
    const contact = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/contacts', { firstName: 'Casey', lastName: 'Cole' }),
    );
    const c = await insertConversation(t.db, ws.workspaceId, {
      contactId: contact.id,
      identity: { handle: 'casey@customer.example', displayName: 'Casey C.' },
    });
    const body = json<ConversationBody>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${c.id}`));
    expect(body.identity).toMatchObject({
      id: c.identityId,
      handle: 'casey@customer.example',
      displayName: 'Casey C.',
      email: 'casey@customer.example',
    });
    expect(body.contact).toEqual({ id: contact.id, displayName: 'Casey Cole', tier: null });
    // The customer's other conversations: the list filtered by identity.
    await insertConversation(t.db, ws.workspaceId, { identity: { handle: 'someone@else.example', displayName: 'Someone' } });
    expect((await list(ws.owner.headers, `identityId=${c.identityId}`)).map((x) => x.id)).toEqual([c.id]);
    expect(body.sla.breached).toEqual([]);
    expect(body.viewers).toEqual([]);
    const missing = await send(ws.owner.headers, 'GET', '/api/v1/conversations/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('lists a contact’s conversations on every network, in the workspace and as far as the member may see them', async () => {
    const ws = await buildWorkspace(t.db);
    const own = await ws.member('agent', { recordScope: 'own' });
    const w = ws.workspaceId;
    const newContact = async (headers: Headers, firstName: string) =>
      json<{ id: string }>(await send(headers, 'POST', '/api/v1/contacts', { firstName })).id;
    const ada = await newContact(ws.owner.headers, 'Ada');
    const mail = await insertConversation(t.db, w, {
      contactId: ada,
      identity: { handle: 'ada@analytical.example', contactId: ada },
      createdAt: minutesAgo(30),
    });
    const toot = await insertConversation(t.db, w, {
      network: 'mastodon',
      contactId: ada,
      identity: { handle: 'ada@social.example', contactId: ada },
      assigneeId: own.userId,
      createdAt: minutesAgo(20),
    });
    await insertConversation(t.db, w, { createdAt: minutesAgo(10) });
    const elsewhere = await buildWorkspace(t.db);
    const theirs = await newContact(elsewhere.owner.headers, 'Grace');
    const theirConversation = await insertConversation(t.db, elsewhere.workspaceId, { contactId: theirs });

    const ids = async (headers: Headers, contactId: string) => (await list(headers, `contactId=${contactId}`)).map((c) => c.id);
    expect(await ids(ws.owner.headers, ada)).toEqual([toot.id, mail.id]);
    expect(json(await send(ws.owner.headers, 'GET', `/api/v1/conversations/counts?contactId=${ada}`))).toMatchObject({ views: { all: 2 } });
    expect(await ids(own.headers, ada)).toEqual([toot.id]);
    expect(await ids(ws.owner.headers, theirs)).toEqual([]);
    expect(await ids(elsewhere.owner.headers, theirs)).toEqual([theirConversation.id]);
    expect(await ids(elsewhere.owner.headers, ada)).toEqual([]);
    expect((await send(ws.owner.headers, 'GET', '/api/v1/conversations?contactId=ada')).statusCode).toBe(400);
  });

  it('shows members limited to their own or their teams’ records only those conversations', async () => {
    const ws = await buildWorkspace(t.db);
    const own = await ws.member('agent', { recordScope: 'own' });
    const teamMember = await ws.member('agent', { recordScope: 'team' });
    const team = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/teams', { name: 'Sales', memberIds: [teamMember.userId] }),
    );
    const w = ws.workspaceId;
    const assigned = await insertConversation(t.db, w, { assigneeId: own.userId });
    const teams = await insertConversation(t.db, w, { teamId: team.id });
    const other = await insertConversation(t.db, w, {});
    expect((await list(own.headers)).map((c) => c.id)).toEqual([assigned.id]);
    expect((await list(teamMember.headers)).map((c) => c.id)).toEqual([teams.id]);
    expect((await send(own.headers, 'GET', `/api/v1/conversations/${other.id}`)).statusCode).toBe(404);
    expect((await send(own.headers, 'PATCH', `/api/v1/conversations/${other.id}`, { priority: 'high' })).statusCode).toBe(404);
    expect(json(await send(own.headers, 'GET', '/api/v1/conversations/counts'))).toMatchObject({ views: { all: 1, mine: 1 } });
  });

  it('assigns, notifies the assignee and audits the change', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const c = await insertConversation(t.db, ws.workspaceId, { subject: 'Broken widget' });
    const response = await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${c.id}`, {
      assigneeId: agent.userId,
      priority: 'urgent',
      labels: [' vip ', 'vip', 'bug'],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toMatchObject({ assigneeId: agent.userId, priority: 'urgent', labels: ['bug', 'vip'] });
    const notifications = json<{ data: { kind: string; title: string; subjectId: string }[] }>(
      await send(agent.headers, 'GET', '/api/v1/notifications'),
    );
    expect(notifications.data).toEqual([
      expect.objectContaining({ kind: 'conversation.assigned', title: 'Conversation assigned to you: Broken widget', subjectId: c.id }),
    ]);
    const { rows } = await t.db.query<{ data: { before: object; after: object } }>(
      `SELECT data FROM events WHERE workspace_id = $1 AND type = 'conversation.updated' AND subject_id = $2`,
      [ws.workspaceId, c.id],
    );
    expect(rows.map((r) => r.data)).toEqual([
      {
        before: { assigneeId: null, priority: 'normal', labels: [] },
        after: { assigneeId: agent.userId, priority: 'urgent', labels: ['bug', 'vip'] },
      },
    ]);
    const unassigned = await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${c.id}`, { assigneeId: null });
    expect(json(unassigned)).toMatchObject({ assigneeId: null });
  });

  it('treats labels differing only in case as one: on a conversation, in bulk, in filters and in the suggestions', async () => {
    const ws = await buildWorkspace(t.db);
    const upper = await insertConversation(t.db, ws.workspaceId, { labels: ['Billing'], createdAt: minutesAgo(3) });
    const lower = await insertConversation(t.db, ws.workspaceId, { labels: ['billing', 'vip'], createdAt: minutesAgo(2) });
    const other = await insertConversation(t.db, ws.workspaceId, { labels: ['Bug'], createdAt: minutesAgo(1) });

    const patched = await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${upper.id}`, {
      labels: ['Billing', 'billing', 'BILLING '],
    });
    expect(json(patched)).toMatchObject({ labels: ['Billing'] });
    const added = await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', {
      ids: [upper.id, lower.id],
      action: { addLabels: ['BILLING', 'Urgent'] },
    });
    expect(json(added)).toEqual({ updated: 2 });
    const labelsOf = async () => Object.fromEntries((await list(ws.owner.headers)).map((c) => [c.id, c.labels]));
    expect(await labelsOf()).toEqual({ [upper.id]: ['Billing', 'Urgent'], [lower.id]: ['billing', 'Urgent', 'vip'], [other.id]: ['Bug'] });

    for (const label of ['billing', 'BILLING', ' Billing']) {
      expect((await list(ws.owner.headers, `label=${encodeURIComponent(label)}`)).map((c) => c.id)).toEqual([lower.id, upper.id]);
    }
    const suggestions = await send(ws.owner.headers, 'GET', '/api/v1/conversations/labels');
    expect(suggestions.statusCode, suggestions.body).toBe(200);
    expect(json(suggestions)).toEqual({
      data: [
        { label: 'Billing', count: 2 },
        { label: 'Urgent', count: 2 },
        { label: 'Bug', count: 1 },
        { label: 'vip', count: 1 },
      ],
    });

    const removed = await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', {
      ids: [upper.id, lower.id],
      action: { removeLabels: ['urgent', 'BILLING'] },
    });
    expect(json(removed)).toEqual({ updated: 2 });
    expect(await labelsOf()).toEqual({ [upper.id]: [], [lower.id]: ['vip'], [other.id]: ['Bug'] });

    // A label of spaces only is refused, not dropped without a word.
    const blankPatch = await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${lower.id}`, { labels: ['vip', '  '] });
    expect(blankPatch.statusCode).toBe(400);
    expect(json(blankPatch)).toMatchObject({ errors: [{ field: 'labels.1', reason: 'must not be blank' }] });
    const blankBulk = await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', { ids: [lower.id], action: { addLabels: [' '] } });
    expect(json(blankBulk)).toMatchObject({ status: 400, errors: [{ field: 'action.addLabels.0', reason: 'must not be blank' }] });
    const blankFilter = await send(ws.owner.headers, 'GET', '/api/v1/conversations?label=%20%20');
    expect(json(blankFilter)).toMatchObject({ status: 400, errors: [{ field: 'label', reason: 'must not be blank' }] });
  });

  it('finds conversations by their customer: name, handle and e-mail, and the linked contact’s', async () => {
    const ws = await buildWorkspace(t.db);
    const w = ws.workspaceId;
    const [contact] = (
      await t.db.query<{ id: string }>(
        `INSERT INTO contacts (workspace_id, id, first_name, last_name, display_name, emails, search_text)
         VALUES ($1, gen_random_uuid(), 'Ada', 'Lovelace', 'Ada Lovelace', '[{"address":"ada@analytical.example"}]',
                 'ada lovelace ada analytical example') RETURNING id`,
        [w],
      )
    ).rows;
    const leo = await insertConversation(t.db, w, {
      network: 'mastodon',
      subject: 'Order question',
      identity: { handle: 'leo@social.example', displayName: 'Leo Brandt', email: null },
      messages: [{ text: 'Where is my parcel?' }],
    });
    const mia = await insertConversation(t.db, w, {
      network: 'meta',
      subject: 'Photo',
      identity: { externalId: '6512345678901234', handle: '6512345678901234', displayName: 'Mia Rossi', email: null },
      messages: [{ text: 'Look at this' }],
    });
    const ada = await insertConversation(t.db, w, {
      subject: 'Invoice',
      contactId: contact!.id,
      identity: { handle: 'a.l@example.org', displayName: 'A. L.', email: 'a.l@example.org', contactId: contact!.id },
      messages: [{ text: 'Please resend it' }],
    });
    const thanks = await insertConversation(t.db, w, { subject: 'Re: help', messages: [{ text: 'Thanks, Ada' }] });
    // Another workspace's customer of the same name stays out.
    await insertConversation(t.db, (await buildWorkspace(t.db)).workspaceId, { identity: { displayName: 'Leo Brandt' } });

    const ids = async (q: string) => (await list(ws.owner.headers, `q=${encodeURIComponent(q)}`)).map((c) => c.id).sort();
    expect(await ids('Leo')).toEqual([leo.id]);
    expect(await ids('social.example')).toEqual([leo.id]);
    expect(await ids('Rossi')).toEqual([mia.id]);
    expect(await ids('mia')).toEqual([mia.id]);
    expect(await ids('ada@analytical.example')).toEqual([ada.id]);
    expect(await ids('Lovelace')).toEqual([ada.id]);
    expect(await ids('Ada')).toEqual([ada.id, thanks.id].sort());
    const counts = json<{ views: { all: number } }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations/counts?q=Rossi'));
    expect(counts.views.all).toBe(1);

    // Meta's page-scoped id is no handle: not shown beside the name, on the conversation or its messages.
    const identityOf = async (id: string) =>
      json<ConversationBody>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${id}`)).identity;
    expect(await identityOf(mia.id)).toMatchObject({ displayName: 'Mia Rossi', handle: null });
    expect(await identityOf(leo.id)).toMatchObject({ handle: 'leo@social.example' });
    const authors = json<{ data: { author: { name: string; handle: string | null } }[] }>(
      await send(ws.owner.headers, 'GET', `/api/v1/conversations/${mia.id}/messages`),
    ).data.map((m) => m.author);
    expect(authors).toEqual([expect.objectContaining({ name: 'Mia Rossi', handle: null })]);
  });

  it('names a conversation without a subject by the customer’s first message, never by our reply', async () => {
    const ws = await buildWorkspace(t.db);
    const w = ws.workspaceId;
    const channelId = await insertChannel(t.db, w, 'sandbox', { network: 'meta' });
    const words = await insertConversation(t.db, w, {
      network: 'meta',
      channelId,
      subject: '',
      messages: [{ text: '' }, { text: '  My order\n is late ' }],
    });
    const photo = await insertConversation(t.db, w, { network: 'meta', channelId, subject: '', messages: [{ text: '' }] });
    await t.db.query(
      `UPDATE messages SET attachments = '[{"name":"photo.jpg","contentType":"image/jpeg"}]' WHERE workspace_id = $1 AND conversation_id = $2`,
      [w, photo.id],
    );
    for (const c of [words, photo]) {
      const reply = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'hi u3' });
      expect(reply.statusCode, reply.body).toBe(201);
    }
    const subjects = Object.fromEntries((await list(ws.owner.headers)).map((c) => [c.id, c.subject]));
    expect(subjects).toEqual({ [words.id]: 'My order is late', [photo.id]: 'photo.jpg' });
    expect(json<ConversationBody>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${words.id}`)).subject).toBe(
      'My order is late',
    );
  });

  it('refuses labels with bidirectional or other control characters, saying why', async () => {
    const ws = await buildWorkspace(t.db);
    const conversation = await insertConversation(t.db, ws.workspaceId);
    const why = /must not contain control characters or bidirectional text controls/;
    // U+202E turns what follows around: "\u202Eevil" displays as "live".
    for (const label of ['\u202Eevil', 'a\u2066b', 'line\nbreak', 'tab\tbed', 'bell\u0007']) {
      const patch = await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${conversation.id}`, { labels: ['vip', label] });
      expect(patch.statusCode, JSON.stringify(label)).toBe(400);
      expect(json<{ errors: { field: string; reason: string }[] }>(patch).errors).toEqual([
        { field: 'labels.1', reason: expect.stringMatching(why) },
      ]);
    }
    const bulk = await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', {
      ids: [conversation.id],
      action: { addLabels: ['\u202Dx'] },
    });
    expect(json(bulk)).toMatchObject({ status: 400, errors: [{ field: 'action.addLabels.0', reason: expect.stringMatching(why) }] });
    // Letters of right-to-left scripts are not controls.
    const hebrew = await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${conversation.id}`, { labels: ['לקוח', 'Ünïcode'] });
    expect(hebrew.statusCode, hebrew.body).toBe(200);
  });

  it('suggests the labels of the latest labelled conversations, so one no longer used fades out', async () => {
    const ws = await buildWorkspace(t.db);
    await insertConversation(t.db, ws.workspaceId, { labels: ['Retired'], createdAt: minutesAgo(LABEL_SUGGESTIONS_WINDOW + 10) });
    await insertConversation(t.db, ws.workspaceId, { labels: [], createdAt: minutesAgo(1) });
    await t.db.query(
      `INSERT INTO conversations (workspace_id, id, network, thread_key, subject, labels, preview, last_message_at, created_at, updated_at)
       SELECT $1, gen_random_uuid(), 'email', 'recent-' || g, 'Recent ' || g, CASE WHEN g % 2 = 0 THEN '{Current,Vip}'::text[] ELSE '{Current}' END,
              '', now() - g * interval '1 minute', now(), now()
         FROM generate_series(1, $2::int) g`,
      [ws.workspaceId, LABEL_SUGGESTIONS_WINDOW],
    );
    const suggestions = await send(ws.owner.headers, 'GET', '/api/v1/conversations/labels');
    expect(json(suggestions)).toEqual({
      data: [
        { label: 'Current', count: LABEL_SUGGESTIONS_WINDOW },
        { label: 'Vip', count: LABEL_SUGGESTIONS_WINDOW / 2 },
      ],
    });
  });

  it('snoozes until a future time, wakes and resolves', async () => {
    const ws = await buildWorkspace(t.db);
    const c = await insertConversation(t.db, ws.workspaceId);
    const url = `/api/v1/conversations/${c.id}`;
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expect(json(await send(ws.owner.headers, 'PATCH', url, { snoozedUntil: until }))).toMatchObject({
      status: 'snoozed',
      snoozedUntil: until,
    });
    expect(json(await send(ws.owner.headers, 'PATCH', url, { status: 'open' }))).toMatchObject({ status: 'open', snoozedUntil: null });
    const noTime = await send(ws.owner.headers, 'PATCH', url, { status: 'snoozed' });
    expect(noTime.statusCode).toBe(400);
    expect(json(noTime)).toMatchObject({ errors: [{ field: 'snoozedUntil', reason: 'must be a time in the future' }] });
    const past = await send(ws.owner.headers, 'PATCH', url, { status: 'snoozed', snoozedUntil: minutesAgo(1).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(json(await send(ws.owner.headers, 'PATCH', url, { status: 'resolved' }))).toMatchObject({ status: 'resolved' });
    const { rows } = await t.db.query<{ resolved_at: Date | null }>(
      'SELECT resolved_at FROM conversations WHERE workspace_id = $1 AND id = $2',
      [ws.workspaceId, c.id],
    );
    expect(rows[0]!.resolved_at).not.toBeNull();
  });

  it('treats a snooze whose time passed as open when something else changes', async () => {
    const ws = await buildWorkspace(t.db);
    const c = await insertConversation(t.db, ws.workspaceId, { status: 'snoozed', snoozedUntil: minutesAgo(5) });
    const response = await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${c.id}`, { priority: 'high' });
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toMatchObject({ status: 'open', snoozedUntil: null, priority: 'high' });
    const bulk = await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', { ids: [c.id], action: { addLabels: ['x'] } });
    expect(json(bulk)).toEqual({ updated: 1 });
  });

  it('refuses assignees and teams that are not the workspace’s, and viewers’ changes', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    const viewer = await ws.member('viewer');
    const c = await insertConversation(t.db, ws.workspaceId);
    const url = `/api/v1/conversations/${c.id}`;
    const response = await send(ws.owner.headers, 'PATCH', url, {
      assigneeId: other.owner.userId,
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(response.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toEqual(['assigneeId', 'teamId']);
    expect((await send(viewer.headers, 'PATCH', url, { priority: 'low' })).statusCode).toBe(403);
    expect((await send(viewer.headers, 'GET', url)).statusCode).toBe(200);
  });

  it('refuses a cursor it did not give out', async () => {
    const ws = await buildWorkspace(t.db);
    const response = await send(ws.owner.headers, 'GET', '/api/v1/conversations?cursor=bm9wZQ');
    expect(response.statusCode).toBe(400);
  });
});
