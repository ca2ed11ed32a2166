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

  it('shows a member limited to their own records only what they may see: nothing counted from conversations hidden from them', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent', { recordScope: 'own' });
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: agent.headers, payload: { firstName: 'Own' } });
    const contact = json<{ id: string }>(created).id;
    // The agent owns the contact, but these conversations are nobody's: hidden from the agent.
    const hidden = await conversationOf(t.db, ws.workspaceId, contact, {
      subject: 'Refund',
      network: 'email',
      messages: [
        { text: 'Where is my refund', sentAt: daysFromNow(-5) },
        { text: 'Still nothing', sentAt: daysFromNow(-3) },
        { text: 'I am leaving', sentAt: daysFromNow(-2) },
      ],
    });
    for (const id of hidden.messageIds)
      await understand(t.db, ws.workspaceId, id, { intent: 'complaint', sentiment: 'negative', score: -0.9 });
    await t.db.query(
      `INSERT INTO sla_breaches (workspace_id, conversation_id, kind, due_at, detected_at) VALUES ($1, $2, 'first_response', $3, $3)`,
      [ws.workspaceId, hidden.id, daysFromNow(-4)],
    );
    const settled = await conversationOf(t.db, ws.workspaceId, contact, {
      subject: 'Old issue',
      status: 'resolved',
      messages: [{ text: 'It broke', sentAt: daysFromNow(-20) }],
    });
    await t.db.query('UPDATE conversations SET resolved_at = $3 WHERE workspace_id = $1 AND id = $2', [
      ws.workspaceId,
      settled.id,
      daysFromNow(-19),
    ]);
    await understand(t.db, ws.workspaceId, settled.messageIds[0]!, { intent: 'complaint', sentiment: 'negative', score: -0.5 });
    // The agent's own conversation, and a public post every member sees.
    const lastOfMine = daysFromNow(-4);
    const mine = await conversationOf(t.db, ws.workspaceId, contact, {
      subject: 'Seats',
      network: 'x',
      assigneeId: agent.userId,
      messages: [
        { text: 'I would like to buy seats', sentAt: daysFromNow(-6) },
        { text: 'Ten of them', sentAt: lastOfMine },
      ],
    });
    for (const id of mine.messageIds) await understand(t.db, ws.workspaceId, id, { intent: 'purchase', sentiment: 'positive', score: 0.6 });
    await mentionBy(t.db, ws.workspaceId, contact, { text: 'Great product', sentAt: daysFromNow(-8), sentiment: 'positive' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/relationship/recompute', headers: ws.owner.headers })).statusCode).toBe(200);

    type Score = { valueScore: number; health: number; healthReasons: { code: string; text: string }[]; components: { frequency: number } };
    const view = async (headers: Record<string, string>) => {
      const response = await relationshipOf(ws, contact, headers);
      expect(response.statusCode, response.body).toBe(200);
      return json<{ memory: Memory; score: Score }>(response);
    };
    const total = (memory: Memory) => memory.sentimentTrend.reduce((sum, m) => sum + m.count, 0);
    const codes = (score: Score) => score.healthReasons.map((r) => r.code).sort();

    const all = await view(ws.owner.headers);
    expect(all.memory.troubles).toHaveLength(4);
    expect(total(all.memory)).toBe(7);
    expect(all.memory.preferredChannel).toEqual({ network: 'email', share: 0.57 });
    expect(all.memory.lastInteraction).toMatchObject({ kind: 'message', network: 'email' });
    expect(codes(all.score)).toEqual(
      ['issues_resolved', 'negative_sentiment', 'positive_sentiment', 'recently_active', 'sla_breached', 'waiting_on_us'].sort(),
    );

    const own = await view(agent.headers);
    expect(own.memory.wants.map((w) => w.conversationId)).toEqual([mine.id, mine.id]);
    expect(own.memory.troubles).toEqual([]);
    expect(own.memory.openConversations.map((c) => c.id)).toEqual([mine.id]);
    expect(own.memory.pastConversations).toEqual([]);
    expect(total(own.memory)).toBe(3);
    expect(own.memory.sentimentTrend.every((m) => m.average === 0.6)).toBe(true);
    expect(own.memory.preferredChannel).toEqual({ network: 'x', share: 0.67 });
    expect(own.memory.lastInteraction).toEqual({ at: lastOfMine.toISOString(), kind: 'message', network: 'x' });
    const reason = (score: Score, code: string) => score.healthReasons.find((r) => r.code === code)?.text;
    expect(reason(all.score, 'waiting_on_us')).toBe('2 open conversations waiting on us for more than a day');
    expect(codes(own.score)).toEqual(['positive_sentiment', 'recently_active', 'waiting_on_us']);
    expect(reason(own.score, 'waiting_on_us')).toBe('1 open conversation waiting on us for more than a day');
    expect(reason(own.score, 'positive_sentiment')).toBe('3 positive messages in the last 30 days');
    expect(own.score.components.frequency).toBeLessThan(all.score.components.frequency);
    expect(own.score.health).toBeGreaterThan(all.score.health);
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
