import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Built } from '../../app.js';
import { buildWorkspace, testApp, buildTestApp, type TestApp } from '../testing/test-app.js';
import type { DomainEvent } from './event.js';
import { streamClient } from './testing/sse-client.js';

let t: TestApp;
let live: Built;
let address: string;
beforeAll(async () => {
  t = await testApp();
  // A listening app of its own: the shared test app is never closed by one file.
  live = await buildTestApp();
  address = await live.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await live.close();
});

describe('domain events', () => {
  it('are written with the change and relayed once to subscribers', async () => {
    const ws = await buildWorkspace(t.db);
    const seen: DomainEvent[] = [];
    const unsubscribe = t.deps.bus.subscribe('contact.*', (event) => {
      if (event.workspaceId === ws.workspaceId) seen.push(event);
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: ws.owner.headers, payload: { firstName: 'Evented' } });
    await t.deps.relay.flush();
    await t.deps.relay.flush();
    unsubscribe();
    expect(seen.map((e) => e.type)).toEqual(['contact.created']);
    expect(seen[0]!.actorId).toBe(ws.owner.userId);
    expect((seen[0]!.data.after as { first_name: string }).first_name).toBe('Evented');
  });

  it('a flush asked for while a relay pass is under way relays what was committed before it', async () => {
    const ws = await buildWorkspace(t.db);
    const seen: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const unsubscribe = t.deps.bus.subscribe('contact.created', async (event) => {
      if (event.workspaceId !== ws.workspaceId) return;
      seen.push((event.data.after as { first_name: string }).first_name);
      // The first pass stays in its hand-over until released, its read of the outbox long done.
      if (seen.length === 1) await held;
    });
    const create = (firstName: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: ws.owner.headers, payload: { firstName } });
    await create('First');
    const first = t.deps.relay.flush();
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await create('Second');
    const second = t.deps.relay.flush();
    release();
    await Promise.all([first, second]);
    unsubscribe();
    expect(seen).toEqual(['First', 'Second']);
  });

  it('a failed change writes no event', async () => {
    const ws = await buildWorkspace(t.db);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      payload: { firstName: 'X', companyId: '00000000-0000-4000-8000-000000000000' },
    });
    const { rows } = await t.db.query('SELECT 1 FROM events WHERE workspace_id = $1 AND type LIKE $2', [ws.workspaceId, 'contact.%']);
    expect(rows).toHaveLength(0);
  });

  it('streams changes of the caller’s workspace only over SSE, without record data', async () => {
    const mine = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    await live.deps.relay.flush();
    const response = await fetch(`${address}/api/v1/events`, { headers: mine.owner.headers });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const stream = streamClient(response);
    try {
      await live.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: other.owner.headers, payload: { firstName: 'NotForYou' } });
      await live.deps.relay.flush();
      const created = await live.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: mine.owner.headers,
        payload: { firstName: 'ForYou' },
      });
      await live.deps.relay.flush();
      // The first contact.created to arrive is the caller's: the other workspace's was relayed before it.
      const event = await stream.next((message) => message.event === 'contact.created');
      expect(event.data.subjectId).toBe(JSON.parse(created.body).id);
      expect(JSON.stringify(event)).not.toContain('ForYou');
    } finally {
      await stream.cancel();
    }
  });

  it('refuses the stream without credentials', async () => {
    const response = await fetch(`${address}/api/v1/events`);
    expect(response.status).toBe(401);
  });
});
