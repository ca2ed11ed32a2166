import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Built } from '../app.js';
import { createEventBus } from '../platform/events/bus.js';
import type { DomainEvent } from '../platform/events/event.js';
import { buildTestApp, buildWorkspace, json } from '../platform/testing/test-app.js';
import { streamClient } from '../platform/events/testing/sse-client.js';
import { createPresence } from './presence.js';
import { insertConversation } from './testing/conversations.js';

let live: Built;
let address: string;
beforeAll(async () => {
  live = await buildTestApp();
  address = await live.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await live.close();
});

/** Reads server-sent events until `count` of type `type` arrived. */
async function readEvents(response: Response, type: string, count: number): Promise<{ id?: string; data: Record<string, unknown> }[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: { id?: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (/^event: (.+)$/m.exec(block)?.[1] === type && data) {
        events.push({ id: /^id: (.+)$/m.exec(block)?.[1], data: JSON.parse(data) as Record<string, unknown> });
      }
    }
  }
  await reader.cancel();
  return events;
}

describe('presence', () => {
  it('pushes who views and replies to the workspace stream, and shows viewers on the conversation', async () => {
    const ws = await buildWorkspace(live.deps.db);
    const agent = await ws.member('agent');
    const c = await insertConversation(live.deps.db, ws.workspaceId);
    const url = `/api/v1/conversations/${c.id}/presence`;
    const stream = await fetch(`${address}/api/v1/events`, { headers: ws.owner.headers });
    const received = readEvents(stream, 'conversation.presence', 3);
    const post = (headers: Record<string, string>, activity: string) =>
      live.app.inject({ method: 'POST', url, headers, payload: { activity } });
    expect((await post(ws.owner.headers, 'viewing')).statusCode).toBe(204);
    expect((await post(ws.owner.headers, 'viewing')).statusCode).toBe(204);
    expect((await post(agent.headers, 'replying')).statusCode).toBe(204);
    const get = await live.app.inject({ method: 'GET', url: `/api/v1/conversations/${c.id}`, headers: agent.headers });
    expect(json<{ viewers: unknown[] }>(get).viewers).toEqual([
      { userId: ws.owner.userId, name: 'Olive Owner', activity: 'viewing' },
      { userId: agent.userId, name: expect.any(String), activity: 'replying' },
    ]);
    expect((await post(agent.headers, 'left')).statusCode).toBe(204);
    const events = await received;
    expect(events.map((e) => [e.data.userId, e.data.activity, (e.data.viewers as unknown[]).length])).toEqual([
      [ws.owner.userId, 'viewing', 1],
      [agent.userId, 'replying', 2],
      [agent.userId, 'left', 1],
    ]);
    expect(events[0]).toMatchObject({ id: undefined, data: { type: 'conversation.presence', conversationId: c.id, subjectId: c.id } });
    const { rows } = await live.deps.db.query(`SELECT 1 FROM events WHERE workspace_id = $1 AND type = 'conversation.presence'`, [
      ws.workspaceId,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('tells only the members who may see the conversation', async () => {
    const ws = await buildWorkspace(live.deps.db);
    const assignee = await ws.member('agent', { recordScope: 'own' });
    const stranger = await ws.member('agent', { recordScope: 'own' });
    const teamMate = await ws.member('agent', { recordScope: 'team' });
    const otherTeam = await ws.member('agent', { recordScope: 'team' });
    const team = async (name: string, memberIds: string[]) =>
      json<{ id: string }>(
        await live.app.inject({ method: 'POST', url: '/api/v1/teams', headers: ws.owner.headers, payload: { name, memberIds } }),
      ).id;
    const support = await team('Support', [teamMate.userId]);
    await team('Sales', [otherTeam.userId]);
    const c = await insertConversation(live.deps.db, ws.workspaceId, { assigneeId: assignee.userId, teamId: support });
    const members = { owner: ws.owner, assignee, stranger, teamMate, otherTeam };
    const streams = await Promise.all(
      Object.values(members).map(async (member) => streamClient(await fetch(`${address}/api/v1/events`, { headers: member.headers }))),
    );

    const replying = await live.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${c.id}/presence`,
      headers: ws.owner.headers,
      payload: { activity: 'replying' },
    });
    expect(replying.statusCode).toBe(204);
    // Every stream hears of this contact after the presence: whoever heard nothing before it was not told.
    const marker = json<{ id: string }>(
      await live.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: ws.owner.headers, payload: { firstName: 'Marker' } }),
    ).id;
    await live.deps.relay.flush();
    const told = await Promise.all(
      streams.map(async (stream) => {
        await stream.next((m) => m.event === 'contact.created' && m.data.subjectId === marker);
        await stream.cancel();
        return stream.messages.some((m) => m.event === 'conversation.presence');
      }),
    );
    expect(Object.fromEntries(Object.keys(members).map((name, i) => [name, told[i]]))).toEqual({
      owner: true,
      assignee: true,
      stranger: false,
      teamMate: true,
      otherTeam: false,
    });
  });

  it('refuses conversations the caller cannot see', async () => {
    const ws = await buildWorkspace(live.deps.db);
    const foreign = await insertConversation(live.deps.db, (await buildWorkspace(live.deps.db)).workspaceId);
    const response = await live.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${foreign.id}/presence`,
      headers: ws.owner.headers,
      payload: { activity: 'viewing' },
    });
    expect(response.statusCode).toBe(404);
  });

  it('forgets a member who stops renewing, and says so', async () => {
    const events: DomainEvent[] = [];
    const bus = createEventBus(() => undefined);
    bus.subscribe('conversation.presence', (event) => {
      events.push(event);
    });
    const presence = createPresence(bus, 40);
    await presence.update('w', 'c', { userId: 'u1', name: 'Ada' }, 'viewing', { ownerId: null, teamId: null });
    await new Promise((resolve) => setTimeout(resolve, 25));
    await presence.update('w', 'c', { userId: 'u1', name: 'Ada' }, 'viewing', { ownerId: null, teamId: null });
    await new Promise((resolve) => setTimeout(resolve, 25));
    expect(presence.viewers('w', 'c')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(presence.viewers('w', 'c')).toEqual([]);
    expect(events.map((e) => [e.data.activity, e.ephemeral])).toEqual([
      ['viewing', true],
      ['left', true],
    ]);
  });
});
