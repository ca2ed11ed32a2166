import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Built } from '../../app.js';
import { buildTestApp, buildWorkspace, json, signedIn, type TestWorkspace } from '../testing/test-app.js';
import { recordEvents } from './event.js';
import { streamClient, type StreamClient } from './testing/sse-client.js';

let live: Built;
let address: string;
beforeAll(async () => {
  live = await buildTestApp();
  address = await live.app.listen({ port: 0, host: '127.0.0.1' });
});
const open: StreamClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.cancel()));
});
afterAll(async () => {
  await live.close();
});

async function connect(headers: Record<string, string>, query = ''): Promise<StreamClient> {
  const response = await fetch(`${address}/api/v1/events${query}`, { headers });
  expect(response.status).toBe(200);
  const client = streamClient(response);
  open.push(client);
  return client;
}

async function request(method: string, url: string, headers: Record<string, string>, payload?: object) {
  const response = await live.app.inject({ method: method as 'POST', url, headers, ...(payload ? { payload } : {}) });
  await live.deps.relay.flush();
  return response;
}

const createContact = (ws: TestWorkspace, firstName: string) =>
  request('POST', '/api/v1/contacts', ws.owner.headers, { firstName }).then((r) => json<{ id: string }>(r).id);

const createdContact = (id: string) => (m: { event: string; data: Record<string, unknown> }) =>
  m.event === 'contact.created' && m.data.subjectId === id;

/** The workspace's stored events after `afterId`, oldest first (with whom a notification is for). */
async function storedEvents(ws: TestWorkspace, afterId = 0) {
  const { rows } = await live.deps.db.query<{ id: string; type: string; userId: string | null }>(
    `SELECT id, type, data->>'userId' AS "userId" FROM events WHERE workspace_id = $1 AND id > $2 ORDER BY id`,
    [ws.workspaceId, afterId],
  );
  return rows.map((row) => ({ id: Number(row.id), type: row.type, userId: row.userId }));
}

async function signIn(ws: TestWorkspace) {
  const response = await live.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: ws.owner.email, password: ws.owner.password },
  });
  const cookie = [response.headers['set-cookie']]
    .flat()
    .find((c) => c?.startsWith('rapport_session='))!
    .split(';')[0]!;
  return { cookie, csrf: json<{ csrfToken: string }>(response).csrfToken };
}

describe('the live stream after its credentials change', () => {
  it('closes the stream of a revoked API token before writing anything more to it', async () => {
    const ws = await buildWorkspace(live.deps.db);
    const created = json<{ id: string; token: string }>(
      await request('POST', '/api/v1/api-tokens', await signedIn(live.app, ws.owner), { name: 'Script', scopes: ['read'] }),
    );
    const revoked = await connect({ authorization: `Bearer ${created.token}` });
    const watching = await connect(ws.owner.headers);

    expect((await request('DELETE', `/api/v1/api-tokens/${created.id}`, ws.owner.headers)).statusCode).toBe(204);
    const contactId = await createContact(ws, 'AfterRevocation');

    await watching.next(createdContact(contactId));
    await revoked.end();
    expect(revoked.messages).toEqual([]);
  });

  it('closes a session’s stream when the session signs out', async () => {
    const ws = await buildWorkspace(live.deps.db);
    const session = await signIn(ws);
    await live.deps.relay.flush();
    const signedOut = await connect({ cookie: session.cookie });
    const watching = await connect(ws.owner.headers);

    const signOut = await request('POST', '/api/v1/auth/sign-out', { cookie: session.cookie, 'x-csrf-token': session.csrf });
    expect(signOut.statusCode).toBe(204);
    const contactId = await createContact(ws, 'AfterSignOut');

    await watching.next(createdContact(contactId));
    await signedOut.end();
    expect(signedOut.messages).toEqual([]);
  });

  it('closes a removed member’s stream, and a changed member’s (who reconnects), and leaves the others open', async () => {
    const ws = await buildWorkspace(live.deps.db);
    const removed = await ws.member('agent');
    const changed = await ws.member('agent');
    const bystander = await ws.member('viewer');
    await live.deps.relay.flush();
    const removedStream = await connect(removed.headers);
    const changedStream = await connect(changed.headers);
    const bystanderStream = await connect(bystander.headers);

    expect((await request('DELETE', `/api/v1/members/${removed.userId}`, ws.owner.headers)).statusCode).toBe(204);
    expect((await request('PATCH', `/api/v1/members/${changed.userId}`, ws.owner.headers, { recordScope: 'own' })).statusCode).toBe(200);
    const contactId = await createContact(ws, 'AfterMemberChanges');

    await bystanderStream.next(createdContact(contactId));
    expect(bystanderStream.ended).toBe(false);
    await removedStream.end();
    await changedStream.end();
    expect(removedStream.messages).toEqual([]);
    // Still a member after the removal of another, it heard of it; the change of its own scope closed it.
    expect(changedStream.messages.map((m) => m.event)).toEqual(['member.removed']);
    // With its new record scope, it opens again and resumes where it was.
    const removal = (await storedEvents(ws)).find((e) => e.type === 'member.removed')!;
    const reconnected = await connect({ ...changed.headers, 'last-event-id': String(removal.id) });
    await reconnected.next(createdContact(contactId));
    expect(reconnected.messages.map((m) => m.event)).toEqual(['member.changed', 'contact.created']);
  });
});

describe('resuming the live stream with Last-Event-ID', () => {
  it('replays the missed events the member may receive, in order, then goes on live without gaps or repeats', async () => {
    const ws = await buildWorkspace(live.deps.db);
    const other = await buildWorkspace(live.deps.db);
    const colleague = await ws.member('agent');
    const seen = await createContact(ws, 'Seen');
    const lastSeen = (await storedEvents(ws)).find((e) => e.type === 'contact.created')!;
    const missed = await createContact(ws, 'Missed');
    await createContact(other, 'OtherWorkspace');
    const notificationFor = (userId: string) => ({
      workspaceId: ws.workspaceId,
      type: 'notification.created',
      subjectType: 'notification',
      subjectId: userId,
      actorId: null,
      data: { userId, title: 'Assigned to you' },
    });
    await recordEvents(live.deps.db, [notificationFor(ws.owner.userId), notificationFor(colleague.userId)]);
    await live.deps.relay.flush();
    // Committed while the client is away and relayed only once it is back: written once, not twice.
    await recordEvents(live.deps.db, [
      { workspaceId: ws.workspaceId, type: 'contact.updated', subjectType: 'contact', subjectId: missed, actorId: null, data: {} },
    ]);

    const stream = await connect({ ...ws.owner.headers, 'last-event-id': String(lastSeen.id) });
    await stream.next((m) => m.event === 'contact.updated');
    await live.deps.relay.flush();
    const after = await createContact(ws, 'Live');
    await stream.next(createdContact(after));

    const expected = (await storedEvents(ws, lastSeen.id))
      .filter((e) => e.type !== 'notification.created' || e.userId === ws.owner.userId)
      .map((e) => ({ id: e.id, type: e.type }));
    expect(stream.messages.map((m) => ({ id: Number(m.id), type: m.event }))).toEqual(expected);
    expect(expected.map((e) => e.type)).toEqual(['contact.created', 'notification.created', 'contact.updated', 'contact.created']);
    expect(stream.messages.some(createdContact(seen))).toBe(false);
    expect(stream.messages[0]!.data.subjectId).toBe(missed);
    expect(stream.messages[1]!.data.notification).toMatchObject({ userId: ws.owner.userId });
  });

  it('takes the id from the lastEventId parameter for clients that cannot send the header, the header winning', async () => {
    const ws = await buildWorkspace(live.deps.db);
    await createContact(ws, 'First');
    const second = await createContact(ws, 'Second');
    const third = await createContact(ws, 'Third');
    const [first, secondEvent] = (await storedEvents(ws)).filter((e) => e.type === 'contact.created');

    const byParameter = await connect(ws.owner.headers, `?lastEventId=${first!.id}`);
    await byParameter.next(createdContact(third));
    expect(byParameter.messages.map((m) => m.data.subjectId)).toEqual([second, third]);

    const byHeader = await connect({ ...ws.owner.headers, 'last-event-id': String(secondEvent!.id) }, `?lastEventId=${first!.id}`);
    await byHeader.next(createdContact(third));
    expect(byHeader.messages.map((m) => m.data.subjectId)).toEqual([third]);

    // An id past the newest replays nothing: the stream goes on live.
    const ahead = await connect({ ...ws.owner.headers, 'last-event-id': '999999999999' }, `?lastEventId=${first!.id}`);
    const fourth = await createContact(ws, 'Fourth');
    await ahead.next(createdContact(fourth));
    expect(ahead.messages.map((m) => m.data.subjectId)).toEqual([fourth]);
  });

  it('tells the client to refetch everything, once, when more was missed than is replayed', async () => {
    const ws = await buildWorkspace(live.deps.db);
    await createContact(ws, 'Seen');
    const [seen] = await storedEvents(ws);
    await recordEvents(
      live.deps.db,
      Array.from({ length: 1001 }, (_, i) => ({
        workspaceId: ws.workspaceId,
        type: 'contact.updated',
        subjectType: 'contact',
        subjectId: `c${i}`,
        actorId: null,
        data: {},
      })),
    );
    await live.deps.relay.flush();
    const newest = (await storedEvents(ws)).at(-1)!;

    const stream = await connect({ ...ws.owner.headers, 'last-event-id': String(seen!.id) });
    await stream.next((m) => m.event === 'stream.refetch');
    const after = await createContact(ws, 'After');
    await stream.next(createdContact(after));
    expect(stream.messages.map((m) => [m.event, m.id])).toEqual([
      ['stream.refetch', String(newest.id)],
      ['contact.created', expect.any(String)],
    ]);
    expect(stream.messages[0]!.data).toMatchObject({ type: 'stream.refetch', subjectType: 'workspace', subjectId: ws.workspaceId });
  });

  it('refuses an id that is not a number, naming where it came from', async () => {
    const ws = await buildWorkspace(live.deps.db);
    for (const [headers, query, field] of [
      [{ ...ws.owner.headers, 'last-event-id': 'abc' }, '', 'headers.last-event-id'],
      [ws.owner.headers, '?lastEventId=-1', 'querystring.lastEventId'],
    ] as const) {
      const response = await fetch(`${address}/api/v1/events${query}`, { headers });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toEqual([field]);
    }
  });
});
