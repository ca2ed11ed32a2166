/**
 * A scoring run that moves a contact's value score, tier or health announces it with one
 * `contact.score_changed` event, written in the transaction that writes the score; a run that moves
 * nothing announces nothing. The live stream tells only the members who may see the contact.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Built } from '../app.js';
import { streamClient, type StreamClient, type StreamMessage } from '../platform/events/testing/sse-client.js';
import { buildTestApp, buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { recomputeContactScores, recomputeWorkspaceScores } from './score.service.js';
import { conversationOf } from './testing/relationship-fixtures.js';
import { queuedRescores, RECENCY_TIERS } from './testing/scoring.js';

interface ScoreChangedEvent {
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  data: Record<string, unknown>;
  sameTransactionAsScore: boolean;
}

describe('announcing score changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });

  const send = (ws: TestWorkspace, method: 'POST' | 'PUT', url: string, payload: object) =>
    t.app.inject({ method, url, headers: ws.owner.headers, payload });

  /** The workspace's score events, oldest first, and whether each was written by the transaction that last wrote its contact's score. */
  async function scoreEvents(ws: TestWorkspace): Promise<ScoreChangedEvent[]> {
    const { rows } = await t.db.query<ScoreChangedEvent>(
      `SELECT e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.actor_id AS "actorId", e.data,
              e.xmin::text = s.xmin::text AS "sameTransactionAsScore"
         FROM events e LEFT JOIN contact_scores s ON s.workspace_id = e.workspace_id AND s.contact_id::text = e.subject_id
        WHERE e.workspace_id = $1 AND e.type = 'contact.score_changed' ORDER BY e.id`,
      [ws.workspaceId],
    );
    return rows;
  }

  async function storedScore(ws: TestWorkspace, contactId: string) {
    const { rows } = await t.db.query<{ valueScore: number; tier: string; health: number }>(
      `SELECT value_score::int AS "valueScore", tier, health::int AS health FROM contact_scores WHERE workspace_id = $1 AND contact_id = $2`,
      [ws.workspaceId, contactId],
    );
    return rows[0]!;
  }

  it('tells of each change of a scored contact once, with the scores before and after, and of no first score nor a rerun that changes nothing', async () => {
    const ws = await buildWorkspace(t.db);
    expect((await send(ws, 'PUT', '/api/v1/relationship/settings', RECENCY_TIERS)).statusCode).toBe(200);
    await t.jobs.runDue();
    const created = await send(ws, 'POST', '/api/v1/contacts', { firstName: 'Sol', lastName: 'Changed' });
    expect(created.statusCode, created.body).toBe(201);
    const contactId = json<{ id: string }>(created).id;
    await t.deps.relay.flush();
    const later = new Date(Date.now() + 60_000);
    await t.jobs.runDue(later);

    const first = await storedScore(ws, contactId);
    expect(first).toMatchObject({ valueScore: 0, tier: 'bronze' });
    expect(await scoreEvents(ws)).toEqual([]);
    await recomputeContactScores(t.db, ws.workspaceId, [contactId], later);
    await recomputeWorkspaceScores(t.db, ws.workspaceId, later);
    expect(await scoreEvents(ws)).toEqual([]);

    // Three interactions: enough evidence for a tier above the lowest.
    const messages = [3, 2, 1].map((hours) => ({
      direction: 'in' as const,
      text: 'Hello again',
      sentAt: new Date(later.getTime() - hours * 3_600_000),
    }));
    await conversationOf(t.db, ws.workspaceId, contactId, { messages });
    await recomputeWorkspaceScores(t.db, ws.workspaceId, later);
    const second = await storedScore(ws, contactId);
    expect(second.tier).toBe('gold');
    expect(await scoreEvents(ws)).toEqual([
      {
        subjectType: 'contact',
        subjectId: contactId,
        actorId: null,
        data: { before: first, after: second, recordAudience: { ownerId: ws.owner.userId, teamId: null } },
        sameTransactionAsScore: true,
      },
    ]);
    // The event is no change of the contact's own: it queues no rescore of it.
    await t.deps.relay.flush();
    expect(await queuedRescores(t.db, ws.workspaceId, contactId)).toBe(0);

    await recomputeWorkspaceScores(t.db, ws.workspaceId, later);
    expect(await scoreEvents(ws)).toHaveLength(1);
  });

  it('writes a batch’s events together with its scores, one for each contact that changed', async () => {
    const ws = await buildWorkspace(t.db);
    expect((await send(ws, 'PUT', '/api/v1/relationship/settings', RECENCY_TIERS)).statusCode).toBe(200);
    const ids: string[] = [];
    for (const firstName of ['Ann', 'Ben', 'Cy']) {
      ids.push(json<{ id: string }>(await send(ws, 'POST', '/api/v1/contacts', { firstName })).id);
    }
    const transactions = async () => {
      const { rows } = await t.db.query<{ count: number }>(
        `SELECT count(DISTINCT xmin::text)::int AS count FROM events WHERE workspace_id = $1 AND type = 'contact.score_changed'`,
        [ws.workspaceId],
      );
      return rows[0]!.count;
    };
    // The creates nudged the event relay (it runs 30 ms after a write): let it run and relay now, so it
    // does not mark the score events relayed, rewriting their rows, between the rescore and the check.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.deps.relay.flush();
    const now = new Date();
    await recomputeContactScores(t.db, ws.workspaceId, ids, now);
    expect(await scoreEvents(ws)).toEqual([]);

    for (const id of [ids[0]!, ids[2]!]) {
      await conversationOf(t.db, ws.workspaceId, id, { messages: [{ direction: 'in', text: 'News', sentAt: now }] });
    }
    await recomputeContactScores(t.db, ws.workspaceId, ids, now);
    const changed = await scoreEvents(ws);
    expect(changed.map((e) => e.subjectId).sort()).toEqual([ids[0], ids[2]].sort());
    expect(changed.every((e) => e.sameTransactionAsScore)).toBe(true);
    expect(await transactions()).toBe(1);
  });
});

describe('score changes on the live stream', () => {
  let live: Built;
  let address: string;
  const open: StreamClient[] = [];
  beforeAll(async () => {
    live = await buildTestApp();
    address = await live.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((client) => client.cancel()));
  });
  afterAll(async () => {
    await live.close();
  });

  async function connect(headers: Record<string, string>): Promise<StreamClient> {
    const response = await fetch(`${address}/api/v1/events`, { headers });
    expect(response.status).toBe(200);
    const client = streamClient(response);
    open.push(client);
    return client;
  }

  async function createContact(headers: Record<string, string>, firstName: string): Promise<string> {
    const response = await live.app.inject({ method: 'POST', url: '/api/v1/contacts', headers, payload: { firstName } });
    expect(response.statusCode, response.body).toBe(201);
    await live.deps.relay.flush();
    return json<{ id: string }>(response).id;
  }

  const scoreChanged = (contactId: string) => (m: StreamMessage) => m.event === 'contact.score_changed' && m.data.subjectId === contactId;
  const created = (contactId: string) => (m: StreamMessage) => m.event === 'contact.created' && m.data.subjectId === contactId;

  it('tells a member limited to their own records of their contacts’ changes only, live and when replayed', async () => {
    const ws = await buildWorkspace(live.deps.db);
    const own = await ws.member('agent', { recordScope: 'own' });
    const theirs = await createContact(own.headers, 'Theirs');
    const others = await createContact(ws.owner.headers, 'Others');
    const { rows } = await live.deps.db.query<{ id: string }>('SELECT max(id)::text AS id FROM events WHERE workspace_id = $1', [
      ws.workspaceId,
    ]);
    await recomputeContactScores(live.deps.db, ws.workspaceId, [theirs, others]);
    const ownStream = await connect(own.headers);
    const ownerStream = await connect(ws.owner.headers);

    for (const contactId of [theirs, others]) {
      await conversationOf(live.deps.db, ws.workspaceId, contactId, { messages: [{ direction: 'in', text: 'News', sentAt: new Date() }] });
    }
    await recomputeContactScores(live.deps.db, ws.workspaceId, [theirs, others]);
    await live.deps.relay.flush();
    await ownerStream.next(scoreChanged(others));
    await ownerStream.next(scoreChanged(theirs));
    // Events reach a stream in order: once a later one arrived, an earlier one it lacks was held back.
    const marker = await createContact(own.headers, 'Marker');
    await ownStream.next(created(marker));
    const message = await ownStream.next(scoreChanged(theirs));
    expect(ownStream.messages.some(scoreChanged(others))).toBe(false);
    // Like every stored event, it names its subject only: the scores are read through the API, as the member may see them.
    expect(Object.keys(message.data).sort()).toEqual(['id', 'occurredAt', 'subjectId', 'subjectType', 'type']);
    expect(message.data.subjectType).toBe('contact');

    const replayed = await connect({ ...own.headers, 'last-event-id': rows[0]!.id });
    await replayed.next(created(marker));
    expect(replayed.messages.filter((m) => m.event === 'contact.score_changed').map((m) => m.data.subjectId)).toEqual([theirs]);
  });
});
