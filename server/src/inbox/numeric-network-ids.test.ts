/**
 * A customer Meta knows only by a numeric page-scoped id is no one called 6512345678901234: the
 * inbox shows them without a name or handle (the web names them "Unknown sender"), and a canned
 * reply's {{contact.name}} is left empty rather than greeting the number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { dropQueuedDeliveries, insertConversation } from './testing/conversations.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

const PSID = '6512345678907777';

describe('a customer known by a numeric network id', () => {
  it('is shown and greeted without the number', async () => {
    const ws = await buildWorkspace(t.db);
    const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });
    const { id } = await insertConversation(t.db, ws.workspaceId, {
      network: 'facebook',
      identity: { externalId: PSID, handle: PSID, displayName: PSID },
      messages: [{ direction: 'in', text: 'Is the shop open on Sunday?' }],
    });
    const conversation = json<{ identity: { displayName: string | null; handle: string | null } }>(
      await send('GET', `/api/v1/conversations/${id}`),
    );
    expect(conversation.identity).toMatchObject({ displayName: null, handle: null });
    const messages = json<{ data: { author: { name: string | null; handle: string | null } }[] }>(
      await send('GET', `/api/v1/conversations/${id}/messages`),
    );
    expect(messages.data.map((m) => m.author)).toEqual([expect.objectContaining({ name: null, handle: null })]);

    const canned = await send('POST', '/api/v1/canned-responses', {
      name: 'Hello',
      shortcut: 'hello',
      body: 'Hi {{contact.name}}, thanks!',
    });
    expect(canned.statusCode, canned.body).toBe(201);
    const rendered = await send('POST', `/api/v1/canned-responses/${json<{ id: string }>(canned).id}/render`, { conversationId: id });
    expect(json<{ text: string }>(rendered).text).toBe('Hi , thanks!');
  });
});
