import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { insertChannel, insertConversation, dropQueuedDeliveries } from './testing/conversations.js';
import { renderTemplate, unknownVariables } from './template.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('templates', () => {
  it('finds unknown variables and fills known ones, empty when missing', () => {
    expect(unknownVariables('Hi {{ contact.firstName }}, {{contact.nickname}} {{agent.name}} {{contact.nickname}}')).toEqual([
      'contact.nickname',
    ]);
    expect(
      renderTemplate('Hi {{contact.firstName}}{{ contact.lastName }}, I am {{agent.name}}.', {
        'contact.firstName': 'Ada',
        'agent.name': null,
      }),
    ).toBe('Hi Ada, I am .');
  });
});

describe('canned responses API', () => {
  it('refuses a name or body of spaces only, naming the field', async () => {
    const ws = await buildWorkspace(t.db);
    const blankName = await send(ws.owner.headers, 'POST', '/api/v1/canned-responses', { name: '   ', shortcut: 'blank', body: 'Hi' });
    expect(blankName.statusCode, blankName.body).toBe(400);
    expect(json(blankName)).toMatchObject({ errors: [{ field: 'name', reason: 'must not be blank' }] });
    const blankBody = await send(ws.owner.headers, 'POST', '/api/v1/canned-responses', { name: 'Blank', shortcut: 'blank', body: ' \n ' });
    expect(blankBody.statusCode, blankBody.body).toBe(400);
    expect(json(blankBody)).toMatchObject({ errors: [{ field: 'body', reason: 'must not be blank' }] });

    const created = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/canned-responses', { name: 'Fine', shortcut: 'fine', body: 'Hi' }),
    );
    const renamed = await send(ws.owner.headers, 'PATCH', `/api/v1/canned-responses/${created.id}`, { name: '\t' });
    expect(renamed.statusCode, renamed.body).toBe(400);
    expect(json(renamed)).toMatchObject({ errors: [{ field: 'name', reason: 'must not be blank' }] });
    expect(json(await send(ws.owner.headers, 'GET', `/api/v1/canned-responses/${created.id}`))).toMatchObject({ name: 'Fine' });
  });

  it('creates, lists, changes and deletes canned responses', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await send(ws.owner.headers, 'POST', '/api/v1/canned-responses', {
      name: 'Greeting',
      shortcut: 'hello',
      body: 'Hi {{contact.firstName}},',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = json<{ id: string }>(created);
    for (const shortcut of ['thanks', 'bye']) {
      await send(ws.owner.headers, 'POST', '/api/v1/canned-responses', { name: shortcut, shortcut, body: 'x' });
    }
    const page1 = json<{ data: { shortcut: string }[]; nextCursor: string }>(
      await send(ws.owner.headers, 'GET', '/api/v1/canned-responses?limit=2'),
    );
    const page2 = json<{ data: { shortcut: string }[]; nextCursor: null }>(
      await send(ws.owner.headers, 'GET', `/api/v1/canned-responses?limit=2&cursor=${page1.nextCursor}`),
    );
    expect([...page1.data, ...page2.data].map((c) => c.shortcut)).toEqual(['bye', 'hello', 'thanks']);
    expect(json<{ data: unknown[] }>(await send(ws.owner.headers, 'GET', '/api/v1/canned-responses?q=greet')).data).toHaveLength(1);

    const patched = await send(ws.owner.headers, 'PATCH', `/api/v1/canned-responses/${id}`, { body: 'Hello {{contact.name}}' });
    expect(json(patched)).toMatchObject({ name: 'Greeting', shortcut: 'hello', body: 'Hello {{contact.name}}' });
    const taken = await send(ws.owner.headers, 'PATCH', `/api/v1/canned-responses/${id}`, { shortcut: 'thanks' });
    expect(taken.statusCode).toBe(409);
    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/canned-responses/${id}`)).statusCode).toBe(204);
    expect((await send(ws.owner.headers, 'GET', `/api/v1/canned-responses/${id}`)).statusCode).toBe(404);
    const { rows } = await t.db.query<{ type: string }>(`SELECT type FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id`, [
      ws.workspaceId,
      id,
    ]);
    expect(rows.map((r) => r.type)).toEqual(['canned_response.created', 'canned_response.updated', 'canned_response.deleted']);
  });

  it('refuses unknown variables when saving, naming them', async () => {
    const ws = await buildWorkspace(t.db);
    const response = await send(ws.owner.headers, 'POST', '/api/v1/canned-responses', {
      name: 'Bad',
      shortcut: 'bad',
      body: 'Hi {{contact.nickname}} from {{company}}',
    });
    expect(response.statusCode).toBe(422);
    expect(json(response)).toMatchObject({
      code: 'unknown_variable',
      errors: [
        { field: 'body', reason: '{{contact.nickname}} is not a known variable' },
        { field: 'body', reason: '{{company}} is not a known variable' },
      ],
    });
    const badShortcut = await send(ws.owner.headers, 'POST', '/api/v1/canned-responses', { name: 'x', shortcut: 'Has Space', body: 'x' });
    expect(badShortcut.statusCode).toBe(400);
  });

  it('renders for a conversation from its contact, or the customer’s identity when there is none', async () => {
    const ws = await buildWorkspace(t.db);
    const { id } = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/canned-responses', {
        name: 'Reply',
        shortcut: 'reply',
        body: 'Hi {{contact.firstName}} ({{contact.name}}, {{contact.email}}), about "{{conversation.subject}}": {{agent.firstName}} here.',
      }),
    );
    const contact = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/contacts', {
        firstName: 'Ada',
        lastName: 'Lovelace',
        emails: [{ address: 'ada@example.com' }],
      }),
    );
    const withContact = await insertConversation(t.db, ws.workspaceId, { subject: 'Invoice', contactId: contact.id });
    const rendered = await send(ws.owner.headers, 'POST', `/api/v1/canned-responses/${id}/render`, { conversationId: withContact.id });
    expect(json(rendered)).toEqual({ text: 'Hi Ada (Ada Lovelace, ada@example.com), about "Invoice": Olive here.' });

    const social = await insertConversation(t.db, ws.workspaceId, {
      network: 'mastodon',
      subject: '',
      identity: { displayName: 'Grace Hopper', email: null },
    });
    const fromIdentity = await send(ws.owner.headers, 'POST', `/api/v1/canned-responses/${id}/render`, { conversationId: social.id });
    expect(json(fromIdentity)).toEqual({ text: 'Hi Grace (Grace Hopper, ), about "": Olive here.' });

    const foreign = await insertConversation(t.db, (await buildWorkspace(t.db)).workspaceId);
    expect((await send(ws.owner.headers, 'POST', `/api/v1/canned-responses/${id}/render`, { conversationId: foreign.id })).statusCode).toBe(
      404,
    );
  });

  it('links a reply to the canned response it used', async () => {
    const ws = await buildWorkspace(t.db);
    const { id } = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/canned-responses', { name: 'T', shortcut: 't', body: 'Thanks' }),
    );
    const c = await insertConversation(t.db, ws.workspaceId, { channelId: await insertChannel(t.db, ws.workspaceId) });
    const reply = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'Thanks', cannedResponseId: id });
    expect(reply.statusCode).toBe(201);
    const { rows } = await t.db.query<{ data: { cannedResponseId: string } }>(
      `SELECT data FROM events WHERE workspace_id = $1 AND type = 'message.created' AND subject_id = $2`,
      [ws.workspaceId, json<{ id: string }>(reply).id],
    );
    expect(rows[0]!.data.cannedResponseId).toBe(id);
  });
});
