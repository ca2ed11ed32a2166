import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { runMaintenance } from '../maintenance/maintenance.service.js';
import { buildWorkspace, json, testApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const createContact = (headers: Record<string, string>, key: string, payload: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/contacts',
    headers: { ...headers, 'idempotency-key': key, 'content-type': 'application/json' },
    payload,
  });

describe('Idempotency-Key', () => {
  it("is the sender's own: another member's create with the same key is created for them, not answered with the first", async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const body = JSON.stringify({ firstName: 'Secret', lastName: 'Customer', tags: ['confidential'] });
    const first = await createContact(ws.owner.headers, 'order-42', body);
    const second = await createContact(limited.headers, 'order-42', body);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    const [mine, theirs] = [json<{ id: string; ownerId: string }>(second), json<{ id: string }>(first)];
    expect(mine.id).not.toBe(theirs.id);
    expect(mine.ownerId).toBe(limited.userId);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${mine.id}`, headers: limited.headers })).statusCode).toBe(200);
    // Each one's retry still replays their own.
    const retried = await createContact(limited.headers, 'order-42', body);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(json<{ id: string }>(retried).id).toBe(mine.id);
  });

  it("is shared by a person's session and tokens", async () => {
    const ws = await buildWorkspace(t.db);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: ws.owner.email, password: ws.owner.password },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const { csrfToken } = json<{ csrfToken: string }>(signIn);
    const body = JSON.stringify({ firstName: 'Once' });
    const byToken = await createContact(ws.owner.headers, 'same-person', body);
    const bySession = await createContact({ cookie, 'x-csrf-token': csrfToken }, 'same-person', body);
    expect(bySession.headers['idempotent-replayed']).toBe('true');
    expect(json<{ id: string }>(bySession).id).toBe(json<{ id: string }>(byToken).id);
  });

  it('compares bodies as JSON values: keys in another order are the same request', async () => {
    const ws = await buildWorkspace(t.db);
    const first = await createContact(
      ws.owner.headers,
      'k-1',
      '{"firstName":"Hdr","lastName":"Test","emails":[{"address":"h@x.test","label":"work"}]}',
    );
    const reordered = await createContact(
      ws.owner.headers,
      'k-1',
      '{"emails":[{"label":"work","address":"h@x.test"}],"lastName":"Test","firstName":"Hdr"}',
    );
    expect(reordered.statusCode).toBe(201);
    expect(reordered.headers['idempotent-replayed']).toBe('true');
    expect(json<{ id: string }>(reordered).id).toBe(json<{ id: string }>(first).id);
    // An array's order is part of the value.
    const other = await createContact(ws.owner.headers, 'k-1', '{"firstName":"Hdr","lastName":"Other"}');
    expect(other.statusCode).toBe(422);
  });

  it('is forgotten by the maintenance job after a day', async () => {
    const ws = await buildWorkspace(t.db);
    const body = JSON.stringify({ firstName: 'Day' });
    const first = await createContact(ws.owner.headers, 'daily', body);
    await t.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE workspace_id = $1`, [ws.workspaceId]);
    const report = await runMaintenance(t.db, new Date(), createLogger('silent'));
    expect(report.idempotencyKeysPruned).toBeGreaterThanOrEqual(1);
    const again = await createContact(ws.owner.headers, 'daily', body);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(json<{ id: string }>(again).id).not.toBe(json<{ id: string }>(first).id);
  });
});
