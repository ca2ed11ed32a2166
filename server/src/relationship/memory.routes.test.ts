import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { preferredChannel } from './memory.service.js';
import { conversationOf, mentionBy, understand } from './testing/relationship-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface Memory {
  wants: { text: string; intent: string; conversationId: string; at: string }[];
  troubles: { text: string; conversationId: string; at: string; resolved: boolean }[];
  openConversations: { id: string; subject: string; status: string; network: string }[];
  pastConversations: { id: string; closedAt: string | null }[];
  sentimentTrend: { month: string; average: number; count: number }[];
  preferredChannel: { network: string; share: number } | null;
  lastInteraction: { at: string; kind: string; network: string | null } | null;
  nextInteraction: { at: string; title: string; kind: string } | null;
  upcomingDates: { label: string; date: string; daysAway: number }[];
}

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const month = (date: Date) => date.toISOString().slice(0, 7);

async function relationshipOf(ws: TestWorkspace, contactId: string, headers = ws.owner.headers) {
  return t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contactId}/relationship`, headers });
}

describe('relationship memory', () => {
  it('remembers wants, troubles and their outcome, conversations, mood, channel, and what comes next', async () => {
    const ws = await buildWorkspace(t.db);
    const birthday = daysFromNow(10);
    const contact = json<{ id: string }>(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: ws.owner.headers,
        payload: { firstName: 'Mem', lastName: 'Ory', importantDates: [{ kind: 'birthday', date: `1990-${isoDate(birthday).slice(5)}` }] },
      }),
    ).id;
    const past = await conversationOf(t.db, ws.workspaceId, contact, {
      subject: 'Late delivery',
      status: 'resolved',
      messages: [{ text: 'My parcel is late again', sentAt: daysFromNow(-40) }],
    });
    await t.db.query('UPDATE conversations SET resolved_at = $3 WHERE workspace_id = $1 AND id = $2', [
      ws.workspaceId,
      past.id,
      daysFromNow(-39),
    ]);
    await understand(t.db, ws.workspaceId, past.messageIds[0]!, { intent: 'complaint', sentiment: 'negative', score: -0.5 });
    const open = await conversationOf(t.db, ws.workspaceId, contact, {
      subject: 'Upgrade',
      messages: [
        { text: 'I would like to buy <b>ten</b> more seats', sentAt: daysFromNow(-2) },
        { text: 'And the app crashes on login', sentAt: daysFromNow(-1) },
      ],
    });
    await understand(t.db, ws.workspaceId, open.messageIds[0]!, { intent: 'purchase', sentiment: 'positive', score: 0.5 });
    await understand(t.db, ws.workspaceId, open.messageIds[1]!, { intent: 'question', sentiment: 'negative', score: -0.3 });
    await mentionBy(t.db, ws.workspaceId, contact, {
      text: 'Great support',
      sentAt: daysFromNow(-3),
      network: 'mastodon',
      sentiment: 'positive',
    });
    const task = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tasks',
      headers: ws.owner.headers,
      payload: { title: 'Send the seat quote', contactId: contact, dueAt: daysFromNow(3).toISOString() },
    });
    expect(task.statusCode, task.body).toBe(201);

    const response = await relationshipOf(ws, contact);
    expect(response.statusCode, response.body).toBe(200);
    const { memory, score } = json<{ memory: Memory; score: unknown }>(response);
    expect(score).toBeNull();
    expect(memory.wants).toEqual([
      { text: 'I would like to buy ten more seats', intent: 'purchase', conversationId: open.id, at: expect.any(String) },
    ]);
    expect(memory.troubles.map((tr) => [tr.text, tr.conversationId, tr.resolved])).toEqual([
      ['And the app crashes on login', open.id, false],
      ['My parcel is late again', past.id, true],
    ]);
    expect(memory.openConversations).toEqual([
      { id: open.id, subject: 'Upgrade', status: 'open', network: 'email', lastMessageAt: expect.any(String) },
    ]);
    expect(memory.pastConversations).toEqual([expect.objectContaining({ id: past.id, subject: 'Late delivery', status: 'resolved' })]);
    const trend = Object.fromEntries(memory.sentimentTrend.map((m) => [m.month, m]));
    expect(trend[month(daysFromNow(-40))]).toMatchObject({ average: -0.5, count: 1 });
    expect(memory.sentimentTrend.reduce((sum, m) => sum + m.count, 0)).toBe(4);
    expect(memory.preferredChannel).toEqual({ network: 'email', share: 0.75 });
    expect(memory.lastInteraction).toMatchObject({ kind: 'message', network: 'email' });
    expect(memory.nextInteraction).toMatchObject({ kind: 'task', title: 'Send the seat quote' });
    expect(memory.upcomingDates).toEqual([{ label: 'birthday', date: isoDate(birthday), daysAway: 10 }]);
  });

  it('is refused for contacts the member may not see', async () => {
    const ws = await buildWorkspace(t.db);
    const contact = json<{ id: string }>(
      await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: ws.owner.headers, payload: { firstName: 'Hidden' } }),
    ).id;
    const limited = await ws.member('viewer', { recordScope: 'own' });
    expect((await relationshipOf(ws, contact, limited.headers)).statusCode).toBe(404);
  });

  it('prefers the channel most used, with its share', () => {
    expect(preferredChannel([])).toBeNull();
    expect(
      preferredChannel([
        { network: 'x', count: 2 },
        { network: 'email', count: 1 },
      ]),
    ).toEqual({ network: 'x', share: 0.67 });
  });
});
