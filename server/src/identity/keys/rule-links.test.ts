/**
 * A contact given the address or handle of an author already heard from gets that author's
 * identity, as matching on arrival would have linked it had the contact been there first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { systemActor } from '../../platform/context.js';
import { resolveWorkspace } from '../review/full-pass.js';
import { createContact, emailFrom, identityOf, ingest, mastodonPost, settle } from '../testing/arrivals.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

let accounts = 0;
async function mastodonAuthor(ws: TestWorkspace, username: string) {
  const acct = `${username}@social.test`;
  const account = {
    id: `acc-${username}-${accounts++}`,
    username,
    acct,
    displayName: 'Zed Quill',
    url: `https://social.test/@${username}`,
  };
  await ingest(t, ws.owner.headers, mastodonPost(account));
  const identity = await identityOf(t, ws.workspaceId, 'mastodon', acct);
  expect(identity.contact_id).toBeNull();
  expect(identity.matched_at).not.toBeNull();
  return identity;
}

async function lastLink(ws: TestWorkspace, identityId: string) {
  const { rows } = await t.db.query<{ action: string; method: string; rule: string | null; contact_id: string }>(
    `SELECT action, method, rule, contact_id FROM identity_links WHERE workspace_id = $1 AND identity_id = $2
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [ws.workspaceId, identityId],
  );
  return rows[0];
}

async function patchContact(ws: TestWorkspace, contactId: string, payload: object) {
  const response = await t.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${contactId}`, headers: ws.owner.headers, payload });
  expect(response.statusCode, response.body).toBe(200);
  await settle(t);
}

describe('identities linked when a contact gets their handle or address', () => {
  it('links an author heard from before the contact existed, with the rule that found it', async () => {
    const ws = await buildWorkspace(t.db);
    const identity = await mastodonAuthor(ws, 'zquill');
    const contactId = await createContact(t, ws.owner.headers, {
      firstName: 'Zed',
      lastName: 'Quill',
      socialHandles: [{ network: 'mastodon', handle: '@zquill@social.test' }],
    });
    expect((await identityOf(t, ws.workspaceId, 'mastodon', 'zquill@social.test')).contact_id).toBe(contactId);
    // A fediverse handle names its profile: the rule is the one arrival would have used.
    expect(await lastLink(ws, identity.id)).toMatchObject({ action: 'link', method: 'rule', rule: 'profile-url', contact_id: contactId });
    const identities = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contactId}/identities`, headers: ws.owner.headers });
    expect(identities.json<{ data: { id: string }[] }>().data.map((item) => item.id)).toEqual([identity.id]);
  });

  it('links by a profile URL added to an existing contact later', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await createContact(t, ws.owner.headers, { firstName: 'Petra', lastName: 'Lund' });
    const identity = await mastodonAuthor(ws, 'plund');
    await patchContact(ws, contactId, { socialHandles: [{ network: 'website', handle: 'plund', url: 'https://social.test/@plund' }] });
    expect(await lastLink(ws, identity.id)).toMatchObject({ action: 'link', method: 'rule', rule: 'profile-url', contact_id: contactId });
  });

  it('leaves alone an identity a person unlinked from the contact', async () => {
    const ws = await buildWorkspace(t.db);
    const identity = await mastodonAuthor(ws, 'unlinked');
    const contactId = await createContact(t, ws.owner.headers, {
      firstName: 'Una',
      lastName: 'Link',
      socialHandles: [{ network: 'mastodon', handle: 'unlinked@social.test' }],
    });
    expect((await identityOf(t, ws.workspaceId, 'mastodon', 'unlinked@social.test')).contact_id).toBe(contactId);
    const unlink = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/contacts/${contactId}/identities/${identity.id}`,
      headers: ws.owner.headers,
    });
    expect(unlink.statusCode, unlink.body).toBe(204);
    await patchContact(ws, contactId, { title: 'Buyer', socialHandles: [{ network: 'mastodon', handle: '@unlinked@social.test' }] });
    expect((await identityOf(t, ws.workspaceId, 'mastodon', 'unlinked@social.test')).contact_id).toBeNull();
    expect(await lastLink(ws, identity.id)).toMatchObject({ action: 'unlink', method: 'manual' });
  });

  it('links an e-mail sender by a personal address, never by a shared mailbox', async () => {
    const ws = await buildWorkspace(t.db);
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/identity/settings',
      headers: ws.owner.headers,
      payload: { identifierFields: [], createContactsFromEmail: false },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    await ingest(t, ws.owner.headers, emailFrom('Ines Moreau <Ines.Moreau@posteo.test>'));
    await ingest(t, ws.owner.headers, emailFrom('Orbit Support <support@orbit.test>'));
    expect((await identityOf(t, ws.workspaceId, 'email', 'ines.moreau@posteo.test')).contact_id).toBeNull();

    const ines = await createContact(t, ws.owner.headers, {
      firstName: 'Ines',
      lastName: 'Moreau',
      emails: [{ address: 'ines.moreau@posteo.test' }],
    });
    const sender = await identityOf(t, ws.workspaceId, 'email', 'ines.moreau@posteo.test');
    expect(sender.contact_id).toBe(ines);
    expect(await lastLink(ws, sender.id)).toMatchObject({ method: 'rule', rule: 'email' });
    const { rows } = await t.db.query<{ contact_id: string | null }>(
      'SELECT contact_id FROM conversations WHERE workspace_id = $1 AND identity_id = $2',
      [ws.workspaceId, sender.id],
    );
    expect(rows.map((row) => row.contact_id)).toEqual([ines]);

    await createContact(t, ws.owner.headers, { firstName: 'Olga', lastName: 'Orbit', emails: [{ address: 'support@orbit.test' }] });
    expect((await identityOf(t, ws.workspaceId, 'email', 'support@orbit.test')).contact_id).toBeNull();
  });

  it('are caught up by the full pass for contacts that held the handle before, leaving unlinked ones alone', async () => {
    const ws = await buildWorkspace(t.db);
    const identity = await mastodonAuthor(ws, 'before');
    const unlinked = await mastodonAuthor(ws, 'declined');
    const contactId = await createContact(t, ws.owner.headers, {
      firstName: 'Bea',
      lastName: 'Fore',
      socialHandles: [
        { network: 'mastodon', handle: 'before@social.test' },
        { network: 'mastodon', handle: 'declined@social.test' },
      ],
    });
    const unlink = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/contacts/${contactId}/identities/${unlinked.id}`,
      headers: ws.owner.headers,
    });
    expect(unlink.statusCode, unlink.body).toBe(204);
    // As a workspace from before contacts linked the authors they name: the link undone, leaving no trace.
    await t.db.query('UPDATE social_identities SET contact_id = NULL WHERE workspace_id = $1 AND id = $2', [ws.workspaceId, identity.id]);
    await t.db.query('DELETE FROM identity_links WHERE workspace_id = $1 AND identity_id = $2', [ws.workspaceId, identity.id]);

    const ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'rule-links-test' };
    const summary = await resolveWorkspace(ctx, t.db);
    expect(summary.identitiesLinked).toBe(1);
    expect((await identityOf(t, ws.workspaceId, 'mastodon', 'before@social.test')).contact_id).toBe(contactId);
    expect((await identityOf(t, ws.workspaceId, 'mastodon', 'declined@social.test')).contact_id).toBeNull();
  });
});
