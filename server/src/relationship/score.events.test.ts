/**
 * Linking an identity to a contact, or unlinking it, changes what the contact's scores are made of
 * (its mentions, conversations, followers): the contact is rescored shortly after, not at night.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createContact, identityOf, ingest, mastodonPost } from '../identity/testing/arrivals.js';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { queuedRescores } from './testing/scoring.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const later = () => new Date(Date.now() + 60_000);

describe('rescoring on identity links', () => {
  it('queues a rescore of the contact when an identity is linked to it or unlinked from it', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await createContact(t, ws.owner.headers, { firstName: 'Ines', lastName: 'Lindqvist' });
    await ingest(
      t,
      ws.owner.headers,
      mastodonPost({ id: '9101', username: 'zq', acct: 'zq@social.test', displayName: 'Zed Q', url: 'https://social.test/@zq' }),
    );
    const identity = await identityOf(t, ws.workspaceId, 'mastodon', 'zq@social.test');
    expect(identity.contact_id).toBeNull();
    await t.jobs.runDue(later());
    expect(await queuedRescores(t.db, ws.workspaceId, contactId)).toBe(0);

    const link = await t.app.inject({
      method: 'POST',
      url: `/api/v1/contacts/${contactId}/identities`,
      headers: ws.owner.headers,
      payload: { identityId: identity.id },
    });
    expect(link.statusCode, link.body).toBeLessThan(300);
    await t.deps.relay.flush();
    expect(await queuedRescores(t.db, ws.workspaceId, contactId)).toBe(1);
    const influence = async () => {
      const { rows } = await t.db.query<{ influence: number }>(
        `SELECT (components->>'influence')::float8 AS influence FROM contact_scores WHERE workspace_id = $1 AND contact_id = $2`,
        [ws.workspaceId, contactId],
      );
      return rows[0]!.influence;
    };
    expect(await influence()).toBe(0);
    await t.jobs.runDue(later());
    // The identity's followers now count for the contact.
    expect(await influence()).toBeGreaterThan(0);

    const unlink = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/contacts/${contactId}/identities/${identity.id}`,
      headers: ws.owner.headers,
    });
    expect(unlink.statusCode, unlink.body).toBeLessThan(300);
    await t.deps.relay.flush();
    expect(await queuedRescores(t.db, ws.workspaceId, contactId)).toBe(1);
    await t.jobs.runDue(later());
    expect(await influence()).toBe(0);
  });
});

describe('rescoring on unmerge', () => {
  it('scores the contact an unmerge brings back, whose scores the merge deleted with it', async () => {
    const ws = await buildWorkspace(t.db);
    const survivorId = await createContact(t, ws.owner.headers, { firstName: 'Ada', lastName: 'Lindqvist' });
    const mergedId = await createContact(t, ws.owner.headers, { firstName: 'Ada', lastName: 'Lindquist' });
    await t.deps.relay.flush();
    await t.jobs.runDue(later());
    const scored = async (contactId: string) => {
      const { rows } = await t.db.query(`SELECT 1 FROM contact_scores WHERE workspace_id = $1 AND contact_id = $2`, [
        ws.workspaceId,
        contactId,
      ]);
      return rows.length === 1;
    };
    expect(await scored(mergedId)).toBe(true);

    const merge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts/merge',
      headers: ws.owner.headers,
      payload: { survivorId, mergedId },
    });
    expect(merge.statusCode, merge.body).toBe(201);
    await t.deps.relay.flush();
    await t.jobs.runDue(later());
    expect(await scored(mergedId)).toBe(false);

    const unmerge = await t.app.inject({
      method: 'POST',
      url: `/api/v1/merges/${json<{ id: string }>(merge).id}/unmerge`,
      headers: ws.owner.headers,
    });
    expect(unmerge.statusCode, unmerge.body).toBe(200);
    await t.deps.relay.flush();
    expect(await queuedRescores(t.db, ws.workspaceId, mergedId)).toBe(1);
    await t.jobs.runDue(later());
    expect(await scored(mergedId)).toBe(true);
    const restored = json<{ tier: string | null; health: number | null }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${mergedId}`, headers: ws.owner.headers }),
    );
    expect(restored.tier).not.toBeNull();
    expect(restored.health).not.toBeNull();
  });
});
