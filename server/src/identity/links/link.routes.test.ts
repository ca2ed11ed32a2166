/** A contact's identities through the API: read, link by hand, move, unlink; the identity picker. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { insertIdentity } from '../../inbox/testing/conversations.js';
import { decidedPairs } from '../review/full-pass.repo.js';
import { createContact, identityOf, ingest, mastodonPost, type MastodonAccount } from '../testing/arrivals.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const noor: MastodonAccount = {
  id: '7301',
  username: 'noor',
  acct: 'noor@fosstodon.example',
  displayName: 'Noor Haddad',
  url: 'https://fosstodon.example/@noor',
};

const ana: MastodonAccount = {
  id: '7001',
  username: 'anab',
  acct: 'anab@fosstodon.org',
  displayName: 'Ana B',
  url: 'https://fosstodon.org/@anab',
};

/** A workspace with two contacts and Ana's Mastodon identity, linked to the first by its profile (the handle names it). */
async function setUp() {
  const ws = await buildWorkspace(t.db);
  const first = await createContact(t, ws.owner.headers, {
    firstName: 'Ana',
    lastName: 'Berg',
    socialHandles: [{ network: 'mastodon', handle: '@anab@fosstodon.org' }],
  });
  const second = await createContact(t, ws.owner.headers, { firstName: 'Anna', lastName: 'Borg' });
  await ingest(t, ws.owner.headers, mastodonPost(ana));
  const identity = await identityOf(t, ws.workspaceId, 'mastodon', 'anab@fosstodon.org');
  expect(identity.contact_id).toBe(first);
  return { ws, first, second, identityId: identity.id };
}

async function decisions(ws: TestWorkspace, identityId: string) {
  const { rows } = await t.db.query<{ action: string; method: string; contact_id: string; decided_by: string | null }>(
    'SELECT action, method, contact_id, decided_by FROM identity_links WHERE workspace_id = $1 AND identity_id = $2 ORDER BY created_at, action DESC',
    [ws.workspaceId, identityId],
  );
  return rows;
}

async function conversationContacts(ws: TestWorkspace, identityId: string): Promise<(string | null)[]> {
  const { rows } = await t.db.query<{ contact_id: string | null }>(
    'SELECT contact_id FROM conversations WHERE workspace_id = $1 AND identity_id = $2',
    [ws.workspaceId, identityId],
  );
  return rows.map((row) => row.contact_id);
}

describe('a contact’s identities', () => {
  it('are listed with the decision that linked them', async () => {
    const { ws, first, identityId } = await setUp();
    const viewer = await ws.member('viewer');
    const response = await send(viewer.headers, 'GET', `/api/v1/contacts/${first}/identities`);
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toEqual({
      data: [
        {
          id: identityId,
          network: 'mastodon',
          handle: 'anab@fosstodon.org',
          displayName: 'Ana B',
          profileUrl: 'https://fosstodon.org/@anab',
          avatarUrl: 'https://fosstodon.org/@anab/avatar.png',
          email: null,
          followers: 12,
          link: { method: 'rule', rule: 'profile-url', probability: null, evidence: [], decidedBy: null, linkedAt: expect.any(String) },
        },
      ],
    });
  });

  it('moves an identity linked elsewhere, recorded as an unlink and a link, with its conversations', async () => {
    const { ws, first, second, identityId } = await setUp();
    const agent = await ws.member('agent');
    const viewer = await ws.member('viewer');
    expect((await send(viewer.headers, 'POST', `/api/v1/contacts/${second}/identities`, { identityId })).statusCode).toBe(403);

    const response = await send(agent.headers, 'POST', `/api/v1/contacts/${second}/identities`, { identityId });
    expect(response.statusCode, response.body).toBe(201);
    expect(json(response)).toMatchObject({ id: identityId, link: { method: 'manual', rule: null, decidedBy: agent.userId } });
    expect(await decisions(ws, identityId)).toEqual([
      { action: 'link', method: 'rule', contact_id: first, decided_by: null },
      { action: 'unlink', method: 'manual', contact_id: first, decided_by: agent.userId },
      { action: 'link', method: 'manual', contact_id: second, decided_by: agent.userId },
    ]);
    expect(await conversationContacts(ws, identityId)).toEqual([second]);
    expect(json<{ data: unknown[] }>(await send(agent.headers, 'GET', `/api/v1/contacts/${first}/identities`)).data).toEqual([]);
    const { rows: events } = await t.db.query<{ type: string }>(
      `SELECT type FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id`,
      [ws.workspaceId, identityId],
    );
    expect(events.map((e) => e.type)).toEqual(['identity.linked', 'identity.unlinked', 'identity.linked']);
  });

  it('unlinks, and matching on arrival leaves the identity alone afterwards', async () => {
    const { ws, first, identityId } = await setUp();
    const agent = await ws.member('agent');
    const response = await send(agent.headers, 'DELETE', `/api/v1/contacts/${first}/identities/${identityId}`);
    expect(response.statusCode, response.body).toBe(204);
    expect(await conversationContacts(ws, identityId)).toEqual([null]);
    expect((await send(agent.headers, 'DELETE', `/api/v1/contacts/${first}/identities/${identityId}`)).statusCode).toBe(404);

    await ingest(t, ws.owner.headers, mastodonPost(ana, 'Still here'));
    const identity = await identityOf(t, ws.workspaceId, 'mastodon', 'anab@fosstodon.org');
    expect(identity.contact_id).toBeNull();
    expect(identity.matched_at).not.toBeNull();
    expect((await decisions(ws, identityId)).map((d) => d.action)).toEqual(['link', 'unlink']);
  });

  it('unlinking an identity linked from the review queue dismisses its pair in the unlinker’s name, a non-match for the next fit', async () => {
    const ws = await buildWorkspace(t.db);
    const noorContact = await createContact(t, ws.owner.headers, { firstName: 'Noor', lastName: 'Haddad' });
    await ingest(t, ws.owner.headers, mastodonPost(noor));
    const identity = await identityOf(t, ws.workspaceId, 'mastodon', noor.acct);
    const pairs = async (status: string) =>
      json<{ data: { id: string; decidedBy: string | null; decidedAt: string | null }[] }>(
        await send(ws.owner.headers, 'GET', `/api/v1/duplicates?status=${status}&identityId=${identity.id}`),
      ).data;
    const [pair] = await pairs('open');
    expect(pair, 'a names-only pair proposed on arrival').toBeDefined();
    const reviewer = await ws.member('agent');
    expect((await send(reviewer.headers, 'POST', `/api/v1/duplicates/${pair!.id}/link`)).statusCode).toBe(200);
    expect((await pairs('linked')).map((p) => p.id)).toEqual([pair!.id]);

    const unlinker = await ws.member('agent');
    const unlinked = await send(unlinker.headers, 'DELETE', `/api/v1/contacts/${noorContact}/identities/${identity.id}`);
    expect(unlinked.statusCode, unlinked.body).toBe(204);
    expect(await pairs('linked')).toEqual([]);
    expect(await pairs('dismissed')).toEqual([
      expect.objectContaining({ id: pair!.id, decidedBy: unlinker.userId, decidedAt: expect.any(String) }),
    ]);
    expect(await decidedPairs(t.db, ws.workspaceId)).toEqual([expect.objectContaining({ match: false })]);
    const audit = await send(ws.owner.headers, 'GET', `/api/v1/audit-log?type=duplicate.dismissed&subjectId=${pair!.id}`);
    expect(json<{ data: unknown[] }>(audit).data).toEqual([
      expect.objectContaining({ actorId: unlinker.userId, data: expect.objectContaining({ leftId: identity.id, rightId: noorContact }) }),
    ]);

    // Not proposed again by the full pass, nor by a later message.
    expect((await send(ws.owner.headers, 'POST', '/api/v1/identity/resolve')).statusCode).toBe(200);
    await ingest(t, ws.owner.headers, mastodonPost(noor, 'Hello again'));
    expect(await pairs('open')).toEqual([]);
    expect((await identityOf(t, ws.workspaceId, 'mastodon', noor.acct)).contact_id).toBeNull();

    // Linked again by hand, the pair follows the latest decision.
    expect(
      (await send(unlinker.headers, 'POST', `/api/v1/contacts/${noorContact}/identities`, { identityId: identity.id })).statusCode,
    ).toBe(201);
    expect((await pairs('linked')).map((p) => p.id)).toEqual([pair!.id]);
    expect(await decidedPairs(t.db, ws.workspaceId)).toEqual([expect.objectContaining({ match: true })]);
  });

  it('will not move an identity away from a contact the person cannot see', async () => {
    const { ws, first, identityId } = await setUp();
    const limited = await ws.member('agent', { recordScope: 'own' });
    const mine = await createContact(t, limited.headers, { firstName: 'Mine' });
    expect((await send(limited.headers, 'GET', `/api/v1/contacts/${first}`)).statusCode).toBe(404);

    const response = await send(limited.headers, 'POST', `/api/v1/contacts/${mine}/identities`, { identityId });
    expect(response.statusCode, response.body).toBe(403);
    expect((await identityOf(t, ws.workspaceId, 'mastodon', 'anab@fosstodon.org')).contact_id).toBe(first);
    expect(await conversationContacts(ws, identityId)).toEqual([first]);
    expect(await decisions(ws, identityId)).toHaveLength(1);

    const unlinked = await send(ws.owner.headers, 'DELETE', `/api/v1/contacts/${first}/identities/${identityId}`);
    expect(unlinked.statusCode, unlinked.body).toBe(204);
    const linked = await send(limited.headers, 'POST', `/api/v1/contacts/${mine}/identities`, { identityId });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(await conversationContacts(ws, identityId)).toEqual([mine]);
  });

  it('refuses another workspace’s identity or contact, changing nothing', async () => {
    const { ws, second, identityId } = await setUp();
    const other = await buildWorkspace(t.db);
    const otherContact = await createContact(t, other.owner.headers, { firstName: 'Other' });
    expect((await send(other.owner.headers, 'POST', `/api/v1/contacts/${otherContact}/identities`, { identityId })).statusCode).toBe(404);
    expect((await send(other.owner.headers, 'GET', `/api/v1/contacts/${second}/identities`)).statusCode).toBe(404);
    expect((await identityOf(t, ws.workspaceId, 'mastodon', 'anab@fosstodon.org')).contact_id).not.toBe(otherContact);
    expect(await decisions(ws, identityId)).toHaveLength(1);
  });
});

describe('the identity picker', () => {
  it('finds identities by text, link state and network, a page at a time', async () => {
    const { ws, first } = await setUp();
    await ingest(
      t,
      ws.owner.headers,
      mastodonPost({ id: '7002', username: 'kai', acct: 'kai@hachyderm.io', displayName: 'Kai Lund', url: 'https://hachyderm.io/@kai' }),
    );
    const list = async (query: string) => {
      const response = await send(ws.owner.headers, 'GET', `/api/v1/identities${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return json<{ data: { handle: string; contactId: string | null; contactName: string | null }[]; nextCursor: string | null }>(
        response,
      );
    };
    expect((await list('?q=LUND')).data.map((i) => i.handle)).toEqual(['kai@hachyderm.io']);
    expect((await list('?linked=true')).data).toEqual([
      expect.objectContaining({ handle: 'anab@fosstodon.org', contactId: first, contactName: 'Ana Berg' }),
    ]);
    expect((await list('?linked=false&network=mastodon')).data.map((i) => i.handle)).toEqual(['kai@hachyderm.io']);
    expect((await list('?network=email')).data).toEqual([]);

    const page1 = await list('?limit=1');
    expect(page1.data).toHaveLength(1);
    const page2 = await list(`?limit=1&cursor=${page1.nextCursor}`);
    expect(page2.data).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.data, ...page2.data].map((i) => i.handle))).toEqual(new Set(['anab@fosstodon.org', 'kai@hachyderm.io']));
  });

  it('hides the name of a contact the member may not see', async () => {
    const { ws } = await setUp();
    const limited = await ws.member('agent', { recordScope: 'own' });
    const response = await send(limited.headers, 'GET', '/api/v1/identities?linked=true');
    expect(json<{ data: { contactName: string | null }[] }>(response).data).toEqual([expect.objectContaining({ contactName: null })]);
  });

  it('never makes a Meta author’s numeric id a handle or a name', async () => {
    const ws = await buildWorkspace(t.db);
    // As the Meta parser stores a person known by a page-scoped id: the id as handle, and as name when there is none.
    const numeric = (externalId: string, displayName: string) =>
      insertIdentity(t.db, ws.workspaceId, { network: 'facebook', externalId, handle: externalId, displayName, email: null });
    const mia = await numeric('6512345678901234', 'Mia Rossi');
    const nameless = await numeric('6512345678909999', '6512345678909999');

    const listed = json<{ data: { id: string; handle: string | null; displayName: string | null }[] }>(
      await send(ws.owner.headers, 'GET', '/api/v1/identities?network=facebook'),
    );
    expect(listed.data.map((identity) => identity.handle)).toEqual([null, null]);
    // The number is no name either; the picker still finds the author by it.
    expect(Object.fromEntries(listed.data.map((identity) => [identity.id, identity.displayName]))).toEqual({
      [mia]: 'Mia Rossi',
      [nameless]: null,
    });
    const found = json<{ data: { id: string }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/identities?q=6512345678909999'));
    expect(found.data.map((identity) => identity.id)).toEqual([nameless]);

    const contactOf = async (identityId: string) => {
      const added = await send(ws.owner.headers, 'POST', `/api/v1/identities/${identityId}/contact`);
      expect(added.statusCode, added.body).toBe(201);
      const { contact } = json<{ contact: { id: string } }>(added);
      return json<{ id: string; displayName: string; socialHandles: unknown[] }>(
        await send(ws.owner.headers, 'GET', `/api/v1/contacts/${contact.id}`),
      );
    };
    expect(await contactOf(mia)).toMatchObject({ displayName: 'Mia Rossi', socialHandles: [] });
    const unnamed = await contactOf(nameless);
    expect(unnamed).toMatchObject({ displayName: 'Unknown', socialHandles: [] });
    const identities = json<{ data: { handle: string | null }[] }>(
      await send(ws.owner.headers, 'GET', `/api/v1/contacts/${unnamed.id}/identities`),
    );
    expect(identities.data).toEqual([expect.objectContaining({ id: nameless, handle: null, displayName: null })]);
  });

  it('adds an author as a contact, once, with their conversations; agents only, never another workspace’s', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    await ingest(t, ws.owner.headers, mastodonPost(noor));
    const identity = await identityOf(t, ws.workspaceId, 'mastodon', 'noor@fosstodon.example');
    expect(identity.contact_id).toBeNull();

    const viewer = await ws.member('viewer');
    expect((await send(viewer.headers, 'POST', `/api/v1/identities/${identity.id}/contact`)).statusCode).toBe(403);
    expect((await send(other.owner.headers, 'POST', `/api/v1/identities/${identity.id}/contact`)).statusCode).toBe(404);

    const added = await send(ws.owner.headers, 'POST', `/api/v1/identities/${identity.id}/contact`);
    expect(added.statusCode, added.body).toBe(201);
    const { contact } = json<{ contact: { id: string; displayName: string }; created: boolean }>(added);
    expect(contact.displayName).toBe('Noor Haddad');
    const stored = await send(ws.owner.headers, 'GET', `/api/v1/contacts/${contact.id}`);
    expect(json<{ socialHandles: unknown[] }>(stored).socialHandles).toEqual([
      { network: 'mastodon', handle: 'noor@fosstodon.example', url: 'https://fosstodon.example/@noor' },
    ]);
    expect(await conversationContacts(ws, identity.id)).toEqual([contact.id]);
    expect(await decisions(ws, identity.id)).toEqual([
      { action: 'link', method: 'manual', contact_id: contact.id, decided_by: ws.owner.userId },
    ]);

    const again = await send(ws.owner.headers, 'POST', `/api/v1/identities/${identity.id}/contact`);
    expect(again.statusCode).toBe(200);
    expect(json(again)).toEqual({ contact, created: false });
    const { rows } = await t.db.query('SELECT 1 FROM contacts WHERE workspace_id = $1', [ws.workspaceId]);
    expect(rows).toHaveLength(1);
  });
});
