import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { insertConversation } from './testing/conversations.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('merging conversations', () => {
  it('moves the messages into the target and resolves the source, pointing at the target', async () => {
    const ws = await buildWorkspace(t.db);
    const source = await insertConversation(t.db, ws.workspaceId, {
      labels: ['vip'],
      messages: [
        { text: 'a', sentAt: new Date('2026-03-01T10:00:00Z') },
        { text: 'c', sentAt: new Date('2026-03-01T12:00:00Z') },
      ],
    });
    const target = await insertConversation(t.db, ws.workspaceId, {
      labels: ['billing'],
      messages: [{ text: 'b', sentAt: new Date('2026-03-01T11:00:00Z') }],
    });
    const response = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${source.id}/merge`, { targetId: target.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toMatchObject({
      id: target.id,
      messageCount: 3,
      preview: 'c',
      labels: ['billing', 'vip'],
      lastMessageAt: '2026-03-01T12:00:00.000Z',
    });
    const messages = json<{ data: { text: string }[] }>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${target.id}/messages`));
    expect(messages.data.map((m) => m.text)).toEqual(['a', 'b', 'c']);
    const merged = json(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${source.id}`));
    expect(merged).toMatchObject({ status: 'resolved', mergedIntoId: target.id, messageCount: 0 });
    const list = json<{ data: { id: string }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations'));
    expect(list.data.map((c) => c.id)).toEqual([target.id]);
    const { rows } = await t.db.query<{ type: string }>(`SELECT type FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id`, [
      ws.workspaceId,
      source.id,
    ]);
    expect(rows.map((r) => r.type)).toEqual(['conversation.updated', 'conversation.merged']);

    const again = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${source.id}/merge`, { targetId: target.id });
    expect(again.statusCode).toBe(409);
    const intoMerged = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${target.id}/merge`, { targetId: source.id });
    expect(intoMerged.statusCode).toBe(400);
    const replyToMerged = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${source.id}/replies`, { text: 'x' });
    expect(replyToMerged.statusCode).toBe(409);
  });

  it('keeps a merged conversation resolved and closed to notes, so nothing lands where the inbox no longer shows it', async () => {
    const ws = await buildWorkspace(t.db);
    const source = await insertConversation(t.db, ws.workspaceId);
    const target = await insertConversation(t.db, ws.workspaceId);
    expect((await send(ws.owner.headers, 'POST', `/api/v1/conversations/${source.id}/merge`, { targetId: target.id })).statusCode).toBe(
      200,
    );

    const reopen = await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${source.id}`, { status: 'open' });
    expect(reopen.statusCode, reopen.body).toBe(409);
    expect(json(reopen)).toMatchObject({ code: 'conversation_merged' });
    const note = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${source.id}/notes`, { text: 'seen this?' });
    expect(note.statusCode, note.body).toBe(409);
    expect(json(note)).toMatchObject({ code: 'conversation_merged' });

    expect(json(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${source.id}`))).toMatchObject({ status: 'resolved' });
    const { rows } = await t.db.query('SELECT 1 FROM messages WHERE workspace_id = $1 AND conversation_id = $2', [
      ws.workspaceId,
      source.id,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a target in another workspace or the conversation itself', async () => {
    const ws = await buildWorkspace(t.db);
    const mine = await insertConversation(t.db, ws.workspaceId);
    const foreign = await insertConversation(t.db, (await buildWorkspace(t.db)).workspaceId);
    expect((await send(ws.owner.headers, 'POST', `/api/v1/conversations/${mine.id}/merge`, { targetId: foreign.id })).statusCode).toBe(400);
    expect((await send(ws.owner.headers, 'POST', `/api/v1/conversations/${mine.id}/merge`, { targetId: mine.id })).statusCode).toBe(400);
    const { rows } = await t.db.query('SELECT 1 FROM messages WHERE conversation_id = $1', [foreign.id]);
    expect(rows).toHaveLength(1);
  });
});

describe('bulk actions', () => {
  it('applies one action to the conversations the caller may change, once', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const a = await insertConversation(t.db, ws.workspaceId, { labels: ['old'] });
    const b = await insertConversation(t.db, ws.workspaceId, { labels: ['old', 'keep'] });
    const foreign = await insertConversation(t.db, (await buildWorkspace(t.db)).workspaceId);
    const ids = [a.id, b.id, foreign.id];
    const assign = await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', { ids, action: { assigneeId: agent.userId } });
    expect(json(assign)).toEqual({ updated: 2 });
    const repeat = await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', { ids, action: { assigneeId: agent.userId } });
    expect(json(repeat)).toEqual({ updated: 0 });
    const { data } = json<{ data: { title: string }[] }>(await send(agent.headers, 'GET', '/api/v1/notifications'));
    expect(data.map((n) => n.title)).toEqual(['2 conversations assigned to you']);

    const labels = await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', {
      ids,
      action: { addLabels: ['new'], removeLabels: ['old'] },
    });
    expect(json(labels)).toEqual({ updated: 2 });
    const list = json<{ data: { id: string; labels: string[] }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations'));
    expect(Object.fromEntries(list.data.map((c) => [c.id, c.labels]))).toEqual({ [a.id]: ['new'], [b.id]: ['keep', 'new'] });

    expect(json(await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', { ids: [a.id], action: { isSpam: true } }))).toEqual({
      updated: 1,
    });
    expect(json(await send(ws.owner.headers, 'POST', '/api/v1/conversations/bulk', { ids, action: { status: 'resolved' } }))).toEqual({
      updated: 2,
    });
    const counts = json(await send(ws.owner.headers, 'GET', '/api/v1/conversations/counts'));
    expect(counts).toMatchObject({ statuses: { resolved: 1 } });
    const { rows } = await t.db.query('SELECT assignee_id FROM conversations WHERE id = $1', [foreign.id]);
    expect(rows[0]).toEqual({ assignee_id: null });
  });

  it('sets the priority of the selection, and refuses a priority it does not know', async () => {
    const ws = await buildWorkspace(t.db);
    const low = await insertConversation(t.db, ws.workspaceId, { priority: 'low' });
    const urgent = await insertConversation(t.db, ws.workspaceId, { priority: 'urgent' });
    const untouched = await insertConversation(t.db, ws.workspaceId);
    const url = '/api/v1/conversations/bulk';
    const raise = await send(ws.owner.headers, 'POST', url, { ids: [low.id, urgent.id], action: { priority: 'urgent' } });
    expect(json(raise)).toEqual({ updated: 1 });
    const list = json<{ data: { id: string; priority: string }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations'));
    expect(Object.fromEntries(list.data.map((c) => [c.id, c.priority]))).toEqual({
      [low.id]: 'urgent',
      [urgent.id]: 'urgent',
      [untouched.id]: 'normal',
    });
    const { rows } = await t.db.query<{ data: { before: object; after: object } }>(
      `SELECT data FROM events WHERE workspace_id = $1 AND subject_id = $2 AND type = 'conversation.updated'`,
      [ws.workspaceId, low.id],
    );
    expect(rows.map((r) => r.data)).toEqual([expect.objectContaining({ before: { priority: 'low' }, after: { priority: 'urgent' } })]);

    const unknown = await send(ws.owner.headers, 'POST', url, { ids: [low.id], action: { priority: 'critical' } });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown)).toMatchObject({ errors: [{ field: 'action.priority' }] });
  });

  it('refuses an empty action, too many ids and assignees from elsewhere', async () => {
    const ws = await buildWorkspace(t.db);
    const c = await insertConversation(t.db, ws.workspaceId);
    const url = '/api/v1/conversations/bulk';
    expect((await send(ws.owner.headers, 'POST', url, { ids: [c.id], action: {} })).statusCode).toBe(400);
    const tooMany = Array.from({ length: 501 }, () => c.id);
    expect((await send(ws.owner.headers, 'POST', url, { ids: tooMany, action: { isSpam: true } })).statusCode).toBe(400);
    const stranger = await send(ws.owner.headers, 'POST', url, {
      ids: [c.id],
      action: { assigneeId: (await buildWorkspace(t.db)).owner.userId },
    });
    expect(json(stranger)).toMatchObject({ errors: [{ field: 'action.assigneeId' }] });
  });
});
