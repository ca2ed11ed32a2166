/** Contacts' matching keys and contact pairs kept current through the contact events. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { createContact, settle } from '../testing/arrivals.js';
import { systemActor } from '../../platform/context.js';
import { resolveWorkspace } from '../review/full-pass.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function keysOf(ws: TestWorkspace, contactId: string): Promise<string[]> {
  const { rows } = await t.db.query<{ key: string }>(
    'SELECT key FROM contact_match_keys WHERE workspace_id = $1 AND contact_id = $2 ORDER BY key',
    [ws.workspaceId, contactId],
  );
  return rows.map((row) => row.key);
}

async function contactPairs(ws: TestWorkspace) {
  const { rows } = await t.db.query<{ id: string; left_id: string; right_id: string; decision: string; status: string }>(
    `SELECT id, left_id, right_id, decision, status FROM duplicate_candidates WHERE workspace_id = $1 AND kind = 'contact'`,
    [ws.workspaceId],
  );
  return rows;
}

async function patch(ws: TestWorkspace, contactId: string, payload: object) {
  const response = await t.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${contactId}`, headers: ws.owner.headers, payload });
  expect(response.statusCode, response.body).toBe(200);
  await settle(t);
}

describe('contact keys', () => {
  it('are written for a new contact, replaced when it changes and gone when it is deleted', async () => {
    const ws = await buildWorkspace(t.db);
    const id = await createContact(t, ws.owner.headers, {
      firstName: 'Ana',
      lastName: 'Berg',
      emails: [{ address: 'ana.berg@posteo.de' }],
      socialHandles: [{ network: 'bluesky', handle: 'anaberg.bsky.social' }],
    });
    expect(await keysOf(ws, id)).toEqual(
      expect.arrayContaining(['e:ana.berg@posteo.de', 'l:ana.berg', 'h:bsky.app/profile/anaberg.bsky.social', 'u:anaberg']),
    );
    expect((await keysOf(ws, id)).some((key) => key.startsWith('n:'))).toBe(true);

    await patch(ws, id, { emails: [{ address: 'ana@berg-design.se' }] });
    const changed = await keysOf(ws, id);
    expect(changed).toContain('e:ana@berg-design.se');
    expect(changed).not.toContain('e:ana.berg@posteo.de');

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${id}`, headers: ws.owner.headers })).statusCode).toBe(204);
    await settle(t);
    expect(await keysOf(ws, id)).toEqual([]);
  });

  it('are rewritten only where they change: an edit that keeps them writes none, a new e-mail only its own', async () => {
    const ws = await buildWorkspace(t.db);
    const id = await createContact(t, ws.owner.headers, {
      firstName: 'Ines',
      lastName: 'Quaresma',
      emails: [{ address: 'ines@quaresma.pt' }],
    });
    const rowsOf = async () => {
      const { rows } = await t.db.query<{ key: string; ctid: string }>(
        'SELECT key, ctid::text FROM contact_match_keys WHERE workspace_id = $1 AND contact_id = $2 ORDER BY key',
        [ws.workspaceId, id],
      );
      return new Map(rows.map((row) => [row.key, row.ctid]));
    };
    const created = await rowsOf();
    expect([...created.keys()]).toEqual(expect.arrayContaining(['e:ines@quaresma.pt', expect.stringMatching(/^n:/)]));

    await patch(ws, id, { tags: ['vip'], title: 'Architect' });
    expect(await rowsOf()).toEqual(created);

    await patch(ws, id, { emails: [{ address: 'ines.q@atelier.pt' }] });
    const changed = await rowsOf();
    expect(changed.has('e:ines@quaresma.pt')).toBe(false);
    expect(changed.has('e:ines.q@atelier.pt')).toBe(true);
    const nameKeys = [...created].filter(([key]) => key.startsWith('n:'));
    expect(nameKeys.length).toBeGreaterThan(0);
    for (const [key, ctid] of nameKeys) expect(changed.get(key)).toBe(ctid);
  });

  it('are rebuilt for a whole workspace by the full pass', async () => {
    const ws = await buildWorkspace(t.db);
    const ids = [
      await createContact(t, ws.owner.headers, { firstName: 'Ana', lastName: 'Berg', emails: [{ address: 'ana.berg@posteo.de' }] }),
      await createContact(t, ws.owner.headers, { firstName: 'Kai', lastName: 'Lund', phones: [{ number: '+46 8 123 456 78' }] }),
    ];
    const before = await Promise.all(ids.map((id) => keysOf(ws, id)));
    await t.db.query('DELETE FROM contact_match_keys WHERE workspace_id = $1', [ws.workspaceId]);
    const ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    expect(await resolveWorkspace(ctx, t.db)).toMatchObject({ contacts: 2 });
    expect(await Promise.all(ids.map((id) => keysOf(ws, id)))).toEqual(before);
  });
});

describe('contact pairs', () => {
  it('queues two contacts that look alike for review, in uuid order, and never merges them', async () => {
    const ws = await buildWorkspace(t.db);
    const first = await createContact(t, ws.owner.headers, {
      firstName: 'Anna',
      lastName: 'Zyborski',
      phones: [{ number: '+44 20 7946 0018' }],
    });
    const second = await createContact(t, ws.owner.headers, {
      firstName: 'Ana',
      lastName: 'Zyborski',
      phones: [{ number: '020 7946 0018' }],
    });
    const [pair, ...more] = await contactPairs(ws);
    expect(more).toEqual([]);
    expect(pair).toMatchObject({ left_id: [first, second].sort()[0], right_id: [first, second].sort()[1], status: 'open' });
    const { rows } = await t.db.query('SELECT id FROM contacts WHERE workspace_id = $1', [ws.workspaceId]);
    expect(rows).toHaveLength(2);
  });

  it('pairs two alike contacts created together, matched in one job', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await Promise.all(
      ['+44 20 7946 0231', '020 7946 0231'].map(async (number, i) => {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/contacts',
          headers: ws.owner.headers,
          payload: { firstName: i ? 'Tomasz' : 'Tomek', lastName: 'Wielgosz', phones: [{ number }] },
        });
        expect(response.statusCode, response.body).toBe(201);
        return (JSON.parse(response.body) as { id: string }).id;
      }),
    );
    const { rows: jobs } = await t.db.query<{ ids: string[] }>(
      `SELECT payload->'contactIds' AS ids FROM jobs WHERE workspace_id = $1 AND name = 'identity.sync-contacts'`,
      [ws.workspaceId],
    );
    expect(jobs).toEqual([]);
    await t.deps.relay.flush();
    const { rows: queued } = await t.db.query<{ ids: string[] }>(
      `SELECT payload->'contactIds' AS ids FROM jobs WHERE workspace_id = $1 AND name = 'identity.sync-contacts'`,
      [ws.workspaceId],
    );
    expect(queued.map((job) => [...job.ids].sort())).toEqual([[...created].sort()]);
    await settle(t);
    expect(await contactPairs(ws)).toEqual([
      expect.objectContaining({ left_id: [...created].sort()[0], right_id: [...created].sort()[1] }),
    ]);
  });

  it('does not reopen a pair a reviewer dismissed when a contact changes again', async () => {
    const ws = await buildWorkspace(t.db);
    await createContact(t, ws.owner.headers, { firstName: 'Mia', lastName: 'Okafor', emails: [{ address: 'mia.okafor@posteo.de' }] });
    const second = await createContact(t, ws.owner.headers, {
      firstName: 'Mia',
      lastName: 'Okafor',
      emails: [{ address: 'mia.okafor@posteo.de' }],
    });
    const [pair] = await contactPairs(ws);
    expect(pair).toMatchObject({ status: 'open', decision: 'link' });
    await t.db.query(`UPDATE duplicate_candidates SET status = 'dismissed' WHERE workspace_id = $1 AND id = $2`, [
      ws.workspaceId,
      pair!.id,
    ]);
    await patch(ws, second, { title: 'Designer' });
    expect(await contactPairs(ws)).toEqual([expect.objectContaining({ id: pair!.id, status: 'dismissed' })]);
  });

  it('drops open pairs of a deleted contact', async () => {
    const ws = await buildWorkspace(t.db);
    await createContact(t, ws.owner.headers, { firstName: 'Noor', lastName: 'Haddad', phones: [{ number: '+971 4 123 4567' }] });
    const second = await createContact(t, ws.owner.headers, {
      firstName: 'Noor',
      lastName: 'Haddad',
      phones: [{ number: '+971 4 123 4567' }],
    });
    expect(await contactPairs(ws)).toHaveLength(1);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${second}`, headers: ws.owner.headers })).statusCode).toBe(204);
    await settle(t);
    expect(await contactPairs(ws)).toEqual([]);
  });
});
