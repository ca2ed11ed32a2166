import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/observability/logger.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import type { Db } from '../platform/db/db.js';
import type { DomainEvent } from '../platform/events/event.js';
import { slaBreachJob, wakeSnoozedJob } from './inbox.jobs.js';
import { manyMessagesAdded } from './sla.service.js';
import { markDelivery } from './index.js';
import {
  insertChannel,
  insertConversation,
  insertMessage,
  recordConversationCreated,
  recordMessagesAdded,
  type ConversationFixture,
  dropQueuedDeliveries,
} from './testing/conversations.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

interface Sla {
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  breached: string[];
}

async function relay() {
  await t.deps.relay.flush();
  await t.deps.relay.flush();
}

async function arrive(ws: TestWorkspace, fixture: ConversationFixture = {}) {
  const c = await insertConversation(t.db, ws.workspaceId, { channelId: await insertChannel(t.db, ws.workspaceId), ...fixture });
  await recordConversationCreated(t.db, ws.workspaceId, c);
  await relay();
  return c;
}

const conversation = async (ws: TestWorkspace, id: string) =>
  json<{ status: string; sla: Sla }>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${id}`));

const runJob = (job: typeof slaBreachJob, now: Date) => job.handler({ db: t.db, workspaceId: null, log: createLogger('silent'), now }, {});

/** The customer's message as the pipeline stores and announces it. */
async function customerWrites(ws: TestWorkspace, id: string, sentAt: Date) {
  const messageId = await insertMessage(t.db, ws.workspaceId, id, { text: 'Any news?', sentAt });
  await recordMessagesAdded(t.db, ws.workspaceId, id, { messageIds: [messageId], lastMessageAt: sentAt, inbound: true });
  await relay();
}

async function reply(ws: TestWorkspace, id: string, text: string, status?: 'pending') {
  const response = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${id}/replies`, { text, ...(status ? { status } : {}) });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string; sentAt: string }>(response);
}

async function setPolicy(ws: TestWorkspace, policy: object) {
  const response = await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', policy);
  expect(response.statusCode, response.body).toBe(200);
}

describe('SLA policy', () => {
  it('is empty until set, and refuses impossible business hours', async () => {
    const ws = await buildWorkspace(t.db);
    expect(json(await send(ws.owner.headers, 'GET', '/api/v1/inbox/sla-policy'))).toEqual({
      firstResponseMinutes: null,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHours: null,
      tierTargets: {},
      updatedAt: null,
    });
    const hours = { timezone: 'Europe/Berlin', days: { mon: [['09:00', '17:00']], fri: [['09:00', '13:00']] } };
    await setPolicy(ws, { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: null, businessHours: hours });
    expect(json(await send(ws.owner.headers, 'GET', '/api/v1/inbox/sla-policy'))).toMatchObject({
      firstResponseMinutes: 60,
      businessHours: hours,
    });
    const bad = await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', {
      firstResponseMinutes: 60,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHours: { timezone: 'Nowhere/Land', days: { mon: [['17:00', '09:00']] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(bad).errors.map((e) => e.field)).toEqual([
      'businessHours.timezone',
      'businessHours.days.mon',
    ]);
    const shape = await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', {
      firstResponseMinutes: 60,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHours: { timezone: 'UTC', days: { monday: [['9:00', '17:00']] } },
    });
    expect(shape.statusCode).toBe(400);
    const agent = await ws.member('agent');
    expect(
      (
        await send(agent.headers, 'PUT', '/api/v1/inbox/sla-policy', {
          firstResponseMinutes: 1,
          nextResponseMinutes: null,
          resolutionMinutes: null,
          businessHours: null,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses targets under a name no tier can have: they were stored as sent, and a value that was no targets broke the policy (500)', async () => {
    const ws = await buildWorkspace(t.db);
    const targets = { firstResponseMinutes: 30, nextResponseMinutes: null, resolutionMinutes: null };
    const policy = { firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: null, businessHours: null };
    for (const [tier, value] of [
      ['Gold', targets],
      ['not a tier', 1],
    ] as const) {
      const bad = await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', { ...policy, tierTargets: { [tier]: value } });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(json<{ errors: { field: string }[] }>(bad).errors.map((e) => e.field)).toEqual([`tierTargets.${tier}`]);
    }
    expect(json(await send(ws.owner.headers, 'GET', '/api/v1/inbox/sla-policy'))).toMatchObject({ firstResponseMinutes: null });
    const good = await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', { ...policy, tierTargets: { gold: targets } });
    expect(json(good)).toMatchObject({ tierTargets: { gold: targets } });
  });
});

describe('SLA clocks', () => {
  it('start when a conversation arrives, stop when answered, and restart when the customer writes again', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 24 * 60, businessHours: null });
    const c = await arrive(ws);
    const { rows } = await t.db.query<{ occurred_at: Date }>(
      `SELECT occurred_at FROM events WHERE workspace_id = $1 AND type = 'conversation.created' AND subject_id = $2`,
      [ws.workspaceId, c.id],
    );
    const arrived = rows[0]!.occurred_at.getTime();
    const started = await conversation(ws, c.id);
    expect(started.sla).toEqual({
      firstResponseDueAt: new Date(arrived + 30 * 60_000).toISOString(),
      nextResponseDueAt: null,
      resolutionDueAt: new Date(arrived + 24 * 3_600_000).toISOString(),
      firstRespondedAt: null,
      breached: [],
    });

    await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'Looking into it', status: 'pending' });
    const answered = await conversation(ws, c.id);
    expect(answered.sla.firstRespondedAt).not.toBeNull();
    expect(answered.status).toBe('pending');

    const customerAt = new Date(Date.now() + 5 * 60_000);
    await customerWrites(ws, c.id, customerAt);
    const again = await conversation(ws, c.id);
    expect(again.status).toBe('open');
    expect(again.sla.nextResponseDueAt).toBe(new Date(customerAt.getTime() + 60 * 60_000).toISOString());
    const { rows: reopened } = await t.db.query<{ data: object }>(
      `SELECT data FROM events WHERE workspace_id = $1 AND type = 'conversation.updated' AND subject_id = $2`,
      [ws.workspaceId, c.id],
    );
    expect(reopened.map((r) => r.data)).toContainEqual({ before: { status: 'pending' }, after: { status: 'open' } });

    await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'Fixed' });
    expect((await conversation(ws, c.id)).sla.nextResponseDueAt).toBeNull();

    // A message older than our last reply (a late delivery, a backfill) changes nothing.
    await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${c.id}`, { status: 'pending' });
    await customerWrites(ws, c.id, new Date(Date.now() - 3_600_000));
    expect(await conversation(ws, c.id)).toMatchObject({ status: 'pending', sla: { nextResponseDueAt: null } });
  });

  it('owe the next answer from the first of the customer’s messages since the last one, however many arrive together', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: null, businessHours: null });
    const pending = await arrive(ws);
    const answered = await arrive(ws);
    const waitingOn = await reply(ws, pending.id, 'Could you send a photo?', 'pending');
    const answer = await reply(ws, answered.id, 'It ships tomorrow');
    const after = (sent: { sentAt: string }, minutes: number) => new Date(new Date(sent.sentAt).getTime() + minutes * 60_000);

    // Both conversations' new messages are relayed in one pass, each announced with its newest message.
    for (const [id, sent] of [
      [pending.id, waitingOn],
      [answered.id, answer],
    ] as const) {
      const messageIds = [];
      for (const minutes of [2, 7, 11]) messageIds.push(await insertMessage(t.db, ws.workspaceId, id, { sentAt: after(sent, minutes) }));
      await recordMessagesAdded(t.db, ws.workspaceId, id, { messageIds, lastMessageAt: after(sent, 11), inbound: true });
    }
    await relay();

    expect(await conversation(ws, pending.id)).toMatchObject({
      status: 'open',
      sla: { nextResponseDueAt: after(waitingOn, 2 + 60).toISOString() },
    });
    expect((await conversation(ws, answered.id)).sla.nextResponseDueAt).toBe(after(answer, 2 + 60).toISOString());

    // A later message leaves the running clock as it is.
    await customerWrites(ws, answered.id, after(answer, 30));
    expect((await conversation(ws, answered.id)).sla.nextResponseDueAt).toBe(after(answer, 2 + 60).toISOString());
  });

  it('handle each conversation on its own when the pass’s transaction fails, reporting the failure once', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: null, businessHours: null });
    const events: DomainEvent[] = [];
    const answers = new Map<string, { sentAt: string }>();
    for (let i = 0; i < 2; i++) {
      const c = await arrive(ws);
      answers.set(c.id, await reply(ws, c.id, 'It ships tomorrow'));
      const sentAt = new Date(new Date(answers.get(c.id)!.sentAt).getTime() + 60_000);
      const messageId = await insertMessage(t.db, ws.workspaceId, c.id, { sentAt });
      const data = { messageIds: [messageId], count: 1, lastMessageAt: sentAt.toISOString(), inbound: true, outboundMessageIds: [] };
      events.push({
        id: i,
        workspaceId: ws.workspaceId,
        type: 'conversation.messages_added',
        subjectType: 'conversation',
        subjectId: c.id,
        actorId: null,
        data,
        occurredAt: new Date(),
      });
    }
    // The first transaction (the pass's, for both conversations) fails; the ones after it do not.
    let transactions = 0;
    const failingOnce: Db = {
      ...t.db,
      transaction: (work) => (transactions++ === 0 ? Promise.reject(new Error('deadlock detected')) : t.db.transaction(work)),
    };
    const errors: DomainEvent[] = [];
    await manyMessagesAdded(failingOnce, events, (_error, event) => errors.push(event));

    expect(errors).toEqual([events[0]]);
    for (const [id, answer] of answers) {
      expect((await conversation(ws, id)).sla.nextResponseDueAt).toBe(
        new Date(new Date(answer.sentAt).getTime() + 61 * 60_000).toISOString(),
      );
    }
  });

  it('give no response clocks where no reply can go out (a feed), only the resolution clock, and report no response breach', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 10, nextResponseMinutes: 10, resolutionMinutes: 60, businessHours: null });
    const feed = await arrive(ws, { channelId: await insertChannel(t.db, ws.workspaceId, 'rss') });
    const { sla } = await conversation(ws, feed.id);
    expect(sla).toMatchObject({ firstResponseDueAt: null, nextResponseDueAt: null, breached: [] });
    expect(sla.resolutionDueAt).not.toBeNull();
    // Nor where the channel is not set up to reply: a generic webhook without a reply endpoint.
    const mapping = { externalId: '/id', text: '/text', authorId: '/from' };
    const webhook = await arrive(ws, { network: 'webhook', channelId: await insertChannel(t.db, ws.workspaceId, 'webhook', { mapping }) });
    expect((await conversation(ws, webhook.id)).sla).toMatchObject({ firstResponseDueAt: null, nextResponseDueAt: null });
    const list = json<{ data: { id: string; sla: Sla }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations'));
    expect(list.data.find((c) => c.id === feed.id)?.sla).toEqual(sla);

    await runJob(slaBreachJob, new Date(Date.now() + 30 * 60_000));
    const { rows } = await t.db.query(`SELECT 1 FROM sla_breaches WHERE workspace_id = $1`, [ws.workspaceId]);
    expect(rows).toHaveLength(0);
  });

  it('count business hours from the arrival', async () => {
    const ws = await buildWorkspace(t.db);
    // Open every day for one minute after midnight UTC: 30 business minutes take 30 days.
    const days = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '00:01']]]));
    await setPolicy(ws, {
      firstResponseMinutes: 3,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHours: { timezone: 'UTC', days },
    });
    const c = await arrive(ws);
    const due = new Date((await conversation(ws, c.id)).sla.firstResponseDueAt!);
    expect(due.getUTCHours()).toBe(0);
    expect(due.getUTCMinutes()).toBe(1);
    expect(due.getTime() - Date.now()).toBeGreaterThan(24 * 3_600_000);
  });

  it('report each breach once, to the assignee, and show it on the conversation', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    await setPolicy(ws, { firstResponseMinutes: 10, nextResponseMinutes: null, resolutionMinutes: 60, businessHours: null });
    const c = await arrive(ws, { assigneeId: agent.userId, subject: 'Late' });
    const onTime = await arrive(ws);
    await send(ws.owner.headers, 'POST', `/api/v1/conversations/${onTime.id}/replies`, { text: 'Quick!' });
    const later = new Date(Date.now() + 20 * 60_000);
    await runJob(slaBreachJob, later);
    await runJob(slaBreachJob, later);
    const { rows } = await t.db.query<{ subject_id: string; data: { clock: string } }>(
      `SELECT subject_id, data FROM events WHERE workspace_id = $1 AND type = 'conversation.sla_breached'`,
      [ws.workspaceId],
    );
    expect(rows).toEqual([{ subject_id: c.id, data: expect.objectContaining({ clock: 'first_response' }) }]);
    const { data } = json<{ data: { kind: string; title: string }[] }>(await send(agent.headers, 'GET', '/api/v1/notifications'));
    expect(data.filter((n) => n.kind === 'conversation.sla_breached').map((n) => n.title)).toEqual(['SLA first response missed: Late']);

    await t.db.query(`UPDATE conversations SET first_response_due_at = now() - interval '1 minute' WHERE id = $1`, [c.id]);
    expect((await conversation(ws, c.id)).sla.breached).toEqual(['first_response']);
    await runJob(slaBreachJob, new Date(Date.now() + 2 * 3_600_000));
    const { rows: both } = await t.db.query(`SELECT 1 FROM sla_breaches WHERE workspace_id = $1 AND conversation_id = $2`, [
      ws.workspaceId,
      c.id,
    ]);
    expect(both).toHaveLength(3);
  });
});

describe('SLA clocks and merges', () => {
  /** X answered, then the customer writes in another thread Y, which is merged into X. */
  async function answeredThenWrittenElsewhere(ws: TestWorkspace) {
    const x = await arrive(ws);
    await reply(ws, x.id, 'On its way');
    const customerAt = new Date(Date.now() + 1000);
    const y = await arrive(ws, { messages: [{ text: 'And where is the invoice?', sentAt: customerAt }] });
    const owed = (await conversation(ws, y.id)).sla.firstResponseDueAt;
    const merged = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${y.id}/merge`, { targetId: x.id });
    expect(merged.statusCode, merged.body).toBe(200);
    return { x, customerAt, owed: owed! };
  }

  it('owe the target the next answer to the customer message the merge brought in, and report its breach', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 60, nextResponseMinutes: 30, resolutionMinutes: null, businessHours: null });
    const { x, customerAt } = await answeredThenWrittenElsewhere(ws);
    const due = new Date(customerAt.getTime() + 30 * 60_000);
    expect((await conversation(ws, x.id)).sla).toMatchObject({
      nextResponseDueAt: due.toISOString(),
      firstRespondedAt: expect.any(String),
    });

    await runJob(slaBreachJob, new Date(due.getTime() + 60_000));
    const { rows } = await t.db.query<{ subject_id: string; data: { clock: string } }>(
      `SELECT subject_id, data FROM events WHERE workspace_id = $1 AND type = 'conversation.sla_breached'`,
      [ws.workspaceId],
    );
    expect(rows).toEqual([{ subject_id: x.id, data: expect.objectContaining({ clock: 'next_response' }) }]);
  });

  it('keep the earlier due time the merged conversation owed, so a merge never extends a promise', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 20, nextResponseMinutes: 60, resolutionMinutes: null, businessHours: null });
    const { x, owed } = await answeredThenWrittenElsewhere(ws);
    expect((await conversation(ws, x.id)).sla.nextResponseDueAt).toBe(owed);

    await reply(ws, x.id, 'Invoice attached');
    expect((await conversation(ws, x.id)).sla.nextResponseDueAt).toBeNull();
  });

  it('leave the target without a next-response clock when its last word came after the merged messages', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 20, nextResponseMinutes: 60, resolutionMinutes: null, businessHours: null });
    const y = await arrive(ws, { messages: [{ text: 'Earlier question', sentAt: new Date(Date.now() - 60_000) }] });
    const x = await arrive(ws);
    await reply(ws, x.id, 'Answered both');
    await send(ws.owner.headers, 'POST', `/api/v1/conversations/${y.id}/merge`, { targetId: x.id });
    expect((await conversation(ws, x.id)).sla).toMatchObject({ nextResponseDueAt: null, breached: [] });
  });
});

describe('SLA clocks and replies that fail', () => {
  it('count a reply until its delivery fails for good; then the first-response clock runs again and its breach is reported', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    await setPolicy(ws, { firstResponseMinutes: 10, nextResponseMinutes: 30, resolutionMinutes: null, businessHours: null });
    const c = await arrive(ws, { assigneeId: agent.userId, subject: 'Lost parcel' });
    const due = (await conversation(ws, c.id)).sla.firstResponseDueAt;
    const sent = await send(agent.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'Resending it', status: 'pending' });
    expect(sent.statusCode, sent.body).toBe(201);
    const lost = json<{ id: string; sentAt: string }>(sent);
    expect((await conversation(ws, c.id)).sla.firstRespondedAt).toBe(lost.sentAt);

    expect(await markDelivery(t.db, ws.workspaceId, lost.id, { status: 'failed', error: 'SMTP 550 mailbox unavailable' })).toBe(true);
    expect(await conversation(ws, c.id)).toMatchObject({
      status: 'open',
      sla: { firstResponseDueAt: due, firstRespondedAt: null, nextResponseDueAt: null },
    });
    const { data } = json<{ data: { kind: string; title: string; body: string; subjectId: string }[] }>(
      await send(agent.headers, 'GET', '/api/v1/notifications'),
    );
    expect(data.filter((n) => n.kind === 'message.delivery_failed')).toEqual([
      expect.objectContaining({
        title: 'Your reply was not delivered: Lost parcel',
        body: 'SMTP 550 mailbox unavailable',
        subjectId: c.id,
      }),
    ]);

    await runJob(slaBreachJob, new Date(Date.now() + 20 * 60_000));
    const { rows } = await t.db.query<{ data: { clock: string; dueAt: string } }>(
      `SELECT data FROM events WHERE workspace_id = $1 AND type = 'conversation.sla_breached' AND subject_id = $2`,
      [ws.workspaceId, c.id],
    );
    expect(rows.map((r) => r.data)).toEqual([{ clock: 'first_response', dueAt: due }]);
  });

  it('put the next-response clock back as it was when the reply that stopped it fails, and leave it to a later reply that went out', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 10, nextResponseMinutes: 60, resolutionMinutes: null, businessHours: null });
    const c = await arrive(ws);
    const first = await reply(ws, c.id, 'Hello!');
    await markDelivery(t.db, ws.workspaceId, first.id, { status: 'sent', externalId: '<first@us.example>' });

    // The customer wrote just after our first reply, and the second answers that.
    const customerAt = new Date(new Date(first.sentAt).getTime() + 1);
    await customerWrites(ws, c.id, customerAt);
    const owed = (await conversation(ws, c.id)).sla.nextResponseDueAt;
    expect(owed).toBe(new Date(customerAt.getTime() + 60 * 60_000).toISOString());

    const second = await reply(ws, c.id, 'Try this');
    expect((await conversation(ws, c.id)).sla.nextResponseDueAt).toBeNull();
    await markDelivery(t.db, ws.workspaceId, second.id, { status: 'failed', error: 'account suspended' });
    expect((await conversation(ws, c.id)).sla).toMatchObject({ nextResponseDueAt: owed, firstRespondedAt: first.sentAt });

    const third = await reply(ws, c.id, 'Or this');
    await markDelivery(t.db, ws.workspaceId, first.id, { status: 'failed', error: 'bounced late' });
    expect((await conversation(ws, c.id)).sla).toMatchObject({ nextResponseDueAt: null, firstRespondedAt: third.sentAt });
  });
});

describe('SLA clocks and answers sent outside Rapport', () => {
  /** An outbound message as the pipeline stores one from a mailbox sync or a network's own app, announced like the pipeline does. */
  async function ingestedAnswer(ws: TestWorkspace, id: string, sentAt: Date, deliveryStatus: 'failed' | null = null) {
    const messageId = await insertMessage(t.db, ws.workspaceId, id, { direction: 'out', text: 'Answered from my phone', sentAt });
    if (deliveryStatus) await t.db.query(`UPDATE messages SET delivery_status = $2 WHERE id = $1`, [messageId, deliveryStatus]);
    await recordMessagesAdded(t.db, ws.workspaceId, id, { messageIds: [messageId], lastMessageAt: sentAt, inbound: false });
    await relay();
  }

  it('stop the first-response clock at an answer sent after the customer wrote, not at an older one nor at a failed reply', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 10, nextResponseMinutes: 60, resolutionMinutes: null, businessHours: null });
    const customerAt = new Date(Date.now() - 60_000);
    const c = await arrive(ws, { messages: [{ direction: 'in', text: 'Is my order on its way?', sentAt: customerAt }] });
    const due = (await conversation(ws, c.id)).sla.firstResponseDueAt;
    expect(due).not.toBeNull();

    // What the business wrote before the customer did (a backfill of the thread), and a reply that failed, answer nothing.
    await ingestedAnswer(ws, c.id, new Date(customerAt.getTime() - 3_600_000));
    await ingestedAnswer(ws, c.id, new Date(customerAt.getTime() + 1_000), 'failed');
    expect((await conversation(ws, c.id)).sla).toMatchObject({ firstResponseDueAt: due, firstRespondedAt: null });

    const answeredAt = new Date(customerAt.getTime() + 30_000);
    await ingestedAnswer(ws, c.id, answeredAt);
    expect((await conversation(ws, c.id)).sla).toMatchObject({
      firstResponseDueAt: due,
      firstRespondedAt: answeredAt.toISOString(),
      nextResponseDueAt: null,
    });
    await runJob(slaBreachJob, new Date(Date.now() + 20 * 60_000));
    expect((await conversation(ws, c.id)).sla.breached).toEqual([]);
  });

  it('keep an answer sent outside Rapport when a reply sent from it fails', async () => {
    const ws = await buildWorkspace(t.db);
    await setPolicy(ws, { firstResponseMinutes: 10, nextResponseMinutes: 60, resolutionMinutes: null, businessHours: null });
    const customerAt = new Date(Date.now() - 60_000);
    const c = await arrive(ws, { messages: [{ direction: 'in', text: 'Is my order on its way?', sentAt: customerAt }] });
    const answeredAt = new Date(customerAt.getTime() + 30_000);
    await ingestedAnswer(ws, c.id, answeredAt);
    const sent = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'And the tracking number' });
    expect(sent.statusCode, sent.body).toBe(201);
    await markDelivery(t.db, ws.workspaceId, json<{ id: string }>(sent).id, { status: 'failed', error: 'SMTP 550' });
    expect((await conversation(ws, c.id)).sla).toMatchObject({ firstRespondedAt: answeredAt.toISOString(), nextResponseDueAt: null });
  });
});

describe('snoozes', () => {
  it('wake up when their time comes, and the assignee is told', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const until = new Date(Date.now() + 60_000);
    const c = await insertConversation(t.db, ws.workspaceId, {
      status: 'snoozed',
      snoozedUntil: until,
      assigneeId: agent.userId,
      subject: 'Later',
    });
    await runJob(wakeSnoozedJob, new Date(until.getTime() - 1));
    expect((await conversation(ws, c.id)).status).toBe('snoozed');
    await runJob(wakeSnoozedJob, new Date(until.getTime() + 1));
    expect(json(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${c.id}`))).toMatchObject({
      status: 'open',
      snoozedUntil: null,
    });
    const { data } = json<{ data: { kind: string }[] }>(await send(agent.headers, 'GET', '/api/v1/notifications'));
    expect(data.map((n) => n.kind)).toEqual(['conversation.unsnoozed']);
    const { rows } = await t.db.query<{ data: object }>(
      `SELECT data FROM events WHERE workspace_id = $1 AND type = 'conversation.updated'`,
      [ws.workspaceId],
    );
    expect(rows.map((r) => r.data)).toEqual([
      { before: { status: 'snoozed', snoozedUntil: until.toISOString() }, after: { status: 'open', snoozedUntil: null } },
    ]);
  });
});
