import { beforeAll, describe, expect, it } from 'vitest';
import { insertIdentity } from '../../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { upsertCandidates } from '../candidates/candidate.repo.js';
import type { Evidence } from '../matching/index.js';
import type { DuplicateCandidate, ResolveSummary } from './duplicate.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Page = { data: DuplicateCandidate[]; nextCursor: string | null };

async function addContact(ws: TestWorkspace, payload: object, headers = ws.owner.headers): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers, payload });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response).id;
}

/** Two pairs of one person each, found by the full pass. */
async function workspaceWithPairs() {
  const ws = await buildWorkspace(t.db);
  const zofia = await addContact(ws, {
    firstName: 'Zofia',
    lastName: 'Kaczmarek',
    emails: [{ address: 'zofia.kaczmarek@globex.net' }],
    phones: [{ number: '+48 601 234 567' }],
  });
  const zosia = await addContact(ws, { firstName: 'Zofia', lastName: 'Kaczmarek', phones: [{ number: '601 234 567' }] });
  const astrid = await addContact(ws, {
    firstName: 'Astrid',
    lastName: 'Lindqvist',
    emails: [{ address: 'astrid.lindqvist@hooli.com' }],
    address: { street: 'Kungsgatan', streetNumber: '12', postcode: '11156', locality: 'Stockholm' },
  });
  const astri = await addContact(ws, {
    firstName: 'Astri',
    lastName: 'Lindqvist',
    emails: [{ address: 'astrid.lindqvist@hooli.com' }],
    address: { street: 'Kungsgatan', postcode: '11156', locality: 'Stockholm' },
  });
  const resolved = await t.app.inject({ method: 'POST', url: '/api/v1/identity/resolve', headers: ws.owner.headers });
  expect(resolved.statusCode, resolved.body).toBe(200);
  return { ws, zofia, zosia, astrid, astri, summary: json<ResolveSummary>(resolved) };
}

const list = async (ws: TestWorkspace, query = '', headers = ws.owner.headers) =>
  json<Page>(await t.app.inject({ method: 'GET', url: `/api/v1/duplicates${query}`, headers }));

describe('duplicate review queue', () => {
  it('lists the pairs the full pass found, strongest first, with both contacts and the evidence', async () => {
    const { ws, zofia, zosia, astrid, astri, summary } = await workspaceWithPairs();
    expect(summary).toMatchObject({ contacts: 4, linkPairs: expect.any(Number) as number });
    expect(summary.linkPairs + summary.reviewPairs).toBe(2);

    const viewer = await ws.member('viewer');
    const page = await list(ws, '', viewer.headers);
    expect(page.data).toHaveLength(2);
    expect(page.data[0]!.probability).toBeGreaterThanOrEqual(page.data[1]!.probability);
    const pairs = page.data.map((item) => [item.left!.id, item.right.id].sort().join(' '));
    expect(pairs.sort()).toEqual([[zofia, zosia].sort().join(' '), [astrid, astri].sort().join(' ')].sort());
    const astridPair = page.data.find((item) => item.right.id === astrid || item.left!.id === astrid)!;
    expect(astridPair).toMatchObject({ kind: 'contact', status: 'open', identity: null, decidedAt: null });
    expect(astridPair.left!.emails).toEqual(['astrid.lindqvist@hooli.com']);
    expect(astridPair.evidence).toContainEqual(expect.objectContaining({ field: 'email', level: 'same address' }));

    const one = json<DuplicateCandidate>(
      await t.app.inject({ method: 'GET', url: `/api/v1/duplicates/${astridPair.id}`, headers: viewer.headers }),
    );
    expect(one).toEqual(astridPair);
    const count = await t.app.inject({ method: 'GET', url: '/api/v1/duplicates/count?status=open', headers: viewer.headers });
    expect(json(count)).toEqual({ count: 2 });
  });

  it('pages with a cursor', async () => {
    const { ws } = await workspaceWithPairs();
    const first = await list(ws, '?limit=1');
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(ws, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.data).toHaveLength(1);
    expect(second.data[0]!.id).not.toBe(first.data[0]!.id);
    expect(second.nextCursor).toBeNull();
  });

  it('dismisses a pair for agents only, once, audited, and never queues it again', async () => {
    const { ws } = await workspaceWithPairs();
    const [pair] = (await list(ws)).data;
    const viewer = await ws.member('viewer');
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/duplicates/${pair!.id}/dismiss`, headers: viewer.headers });
    expect(refused.statusCode).toBe(403);

    const agent = await ws.member('agent');
    const dismissed = await t.app.inject({ method: 'POST', url: `/api/v1/duplicates/${pair!.id}/dismiss`, headers: agent.headers });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(json(dismissed)).toMatchObject({ status: 'dismissed', decidedBy: agent.userId });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/duplicates/${pair!.id}/dismiss`, headers: agent.headers });
    expect(again.statusCode).toBe(409);

    await t.app.inject({ method: 'POST', url: '/api/v1/identity/resolve', headers: ws.owner.headers });
    expect((await list(ws)).data.map((item) => item.id)).not.toContain(pair!.id);
    expect((await list(ws, '?status=dismissed')).data.map((item) => item.id)).toEqual([pair!.id]);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit-log?type=duplicate.dismissed', headers: ws.owner.headers });
    expect(audit.body).toContain(pair!.id);
  });

  it('links the identity of an identity pair to its contact, with the pair’s evidence', async () => {
    const ws = await buildWorkspace(t.db);
    const contact = await addContact(ws, { firstName: 'Seán', lastName: 'Featherstone' });
    const identity = await insertIdentity(t.db, ws.workspaceId, { network: 'mastodon', displayName: 'Sean Featherstone', email: null });
    const evidence: Evidence[] = [{ field: 'given', level: 'exact', weight: 3.2 }];
    await upsertCandidates(t.db, ws.workspaceId, [
      { kind: 'identity', leftId: identity, rightId: contact, probability: 0.8, weight: 2, decision: 'review', evidence, levels: [0] },
    ]);
    const [pair] = (await list(ws, '?kind=identity')).data;
    expect(pair).toMatchObject({ kind: 'identity', left: null, right: { id: contact }, identity: { id: identity, network: 'mastodon' } });

    const contactPairs = await list(ws, '?kind=contact');
    expect(contactPairs.data).toEqual([]);
    const linked = await t.app.inject({ method: 'POST', url: `/api/v1/duplicates/${pair!.id}/link`, headers: ws.owner.headers });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(json(linked)).toMatchObject({ status: 'linked', decidedBy: ws.owner.userId });
    const { rows } = await t.db.query<{ contact_id: string }>(
      'SELECT contact_id FROM social_identities WHERE workspace_id = $1 AND id = $2',
      [ws.workspaceId, identity],
    );
    expect(rows[0]!.contact_id).toBe(contact);
    const links = await t.db.query<{ action: string; method: string; evidence: unknown[]; decided_by: string }>(
      'SELECT action, method, evidence, decided_by FROM identity_links WHERE workspace_id = $1 AND identity_id = $2',
      [ws.workspaceId, identity],
    );
    expect(links.rows).toEqual([{ action: 'link', method: 'manual', evidence, decided_by: ws.owner.userId }]);
  });

  it('shows a Meta author known by a page-scoped id alone with neither a handle nor a name, not the number', async () => {
    const ws = await buildWorkspace(t.db);
    const contact = await addContact(ws, { firstName: 'Mia', lastName: 'Rossi' });
    const psid = '6512345678909999';
    const identity = await insertIdentity(t.db, ws.workspaceId, { network: 'facebook', externalId: psid, displayName: psid, email: null });
    await upsertCandidates(t.db, ws.workspaceId, [
      { kind: 'identity', leftId: identity, rightId: contact, probability: 0.6, weight: 1, decision: 'review', evidence: [], levels: [0] },
    ]);
    const [pair] = (await list(ws, '?kind=identity')).data;
    expect(pair!.identity).toMatchObject({ id: identity, network: 'facebook', handle: null, displayName: null });
  });

  it('lists the contacts one identity may be, and nothing for an identity of another workspace', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    const noor = await addContact(ws, { firstName: 'Noor', lastName: 'Haddad' });
    const nora = await addContact(ws, { firstName: 'Nora', lastName: 'Haddad' });
    const toot = await insertIdentity(t.db, ws.workspaceId, { network: 'mastodon', displayName: 'Noor Haddad', email: null });
    const post = await insertIdentity(t.db, ws.workspaceId, { network: 'bluesky', displayName: 'Noor Haddad', email: null });
    const foreign = await insertIdentity(t.db, other.workspaceId, { network: 'mastodon', displayName: 'Noor Haddad', email: null });
    const pair = (leftId: string, rightId: string, probability: number) =>
      ({ kind: 'identity', leftId, rightId, probability, weight: 2, decision: 'review', evidence: [], levels: [0] }) as const;
    await upsertCandidates(t.db, ws.workspaceId, [pair(toot, noor, 0.9), pair(toot, nora, 0.6), pair(post, noor, 0.8)]);
    await upsertCandidates(t.db, other.workspaceId, [pair(foreign, noor, 0.9)]);

    const ofToot = await list(ws, `?identityId=${toot}`);
    expect(ofToot.data.map((item) => [item.identity!.id, item.right.id])).toEqual([
      [toot, noor],
      [toot, nora],
    ]);
    expect((await list(ws, `?identityId=${foreign}`)).data).toEqual([]);
    expect((await list(other, `?identityId=${toot}`)).data).toEqual([]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/duplicates?identityId=not-an-id', headers: ws.owner.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('identityId');
  });

  it('lists the pairs one contact is in, on either side, identity pairs included', async () => {
    const { ws, zofia, zosia, astrid, astri } = await workspaceWithPairs();
    const other = await buildWorkspace(t.db);
    const toot = await insertIdentity(t.db, ws.workspaceId, { network: 'mastodon', displayName: 'Zofia Kaczmarek', email: null });
    await upsertCandidates(t.db, ws.workspaceId, [
      { kind: 'identity', leftId: toot, rightId: zosia, probability: 0.7, weight: 2, decision: 'review', evidence: [], levels: [0] },
    ]);
    const sides = (items: Page['data']) => items.map((item) => [item.kind, item.left?.id ?? item.identity!.id, item.right.id].join(' '));
    const ofZosia = sides((await list(ws, `?contactId=${zosia}`)).data).sort();
    expect(ofZosia).toEqual([`contact ${[zofia, zosia].sort().join(' ')}`, `identity ${toot} ${zosia}`].sort());
    expect(sides((await list(ws, `?contactId=${astri}`)).data)).toEqual([`contact ${[astrid, astri].sort().join(' ')}`]);
    expect((await list(other, `?contactId=${zosia}`)).data).toEqual([]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/duplicates?contactId=x', headers: ws.owner.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to link two contacts (they are merged), and the full pass to non-admins', async () => {
    const { ws } = await workspaceWithPairs();
    const [pair] = (await list(ws)).data;
    const link = await t.app.inject({ method: 'POST', url: `/api/v1/duplicates/${pair!.id}/link`, headers: ws.owner.headers });
    expect(link.statusCode).toBe(400);
    const agent = await ws.member('agent');
    const resolve = await t.app.inject({ method: 'POST', url: '/api/v1/identity/resolve', headers: agent.headers });
    expect(resolve.statusCode).toBe(403);
  });

  it('hides pairs with a contact the member may not see, and pairs whose contact is gone', async () => {
    const { ws, zofia } = await workspaceWithPairs();
    const limited = await ws.member('agent', { recordScope: 'own' });
    expect((await list(ws, '', limited.headers)).data).toEqual([]);
    const count = await t.app.inject({ method: 'GET', url: '/api/v1/duplicates/count', headers: limited.headers });
    expect(json(count)).toEqual({ count: 0 });
    const [pair] = (await list(ws)).data;
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/duplicates/${pair!.id}`, headers: limited.headers });
    expect(one.statusCode).toBe(404);
    const dismiss = await t.app.inject({ method: 'POST', url: `/api/v1/duplicates/${pair!.id}/dismiss`, headers: limited.headers });
    expect(dismiss.statusCode).toBe(404);

    await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${zofia}`, headers: ws.owner.headers });
    expect((await list(ws)).data).toHaveLength(1);
  });

  it('lists a merged pair with its survivor, the merged contact as the merge kept it, and the merge to undo', async () => {
    const { ws, astrid, astri } = await workspaceWithPairs();
    const pair = (await list(ws)).data.find((item) => [item.left!.id, item.right.id].includes(astri))!;
    const post = (url: string, payload?: object) =>
      t.app.inject({ method: 'POST', url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });
    const merged = await post('/api/v1/contacts/merge', { survivorId: astrid, mergedId: astri, duplicateId: pair.id });
    expect(merged.statusCode, merged.body).toBe(201);
    const mergeId = json<{ id: string }>(merged).id;

    const viewer = await ws.member('viewer');
    const page = await list(ws, '?status=merged', viewer.headers);
    expect(page.data).toHaveLength(1);
    const [item] = page.data;
    expect(item).toMatchObject({ id: pair.id, status: 'merged', merge: { id: mergeId, survivorId: astrid, mergedId: astri } });
    const gone = item!.left!.id === astri ? item!.left! : item!.right;
    expect(gone).toMatchObject({ id: astri, displayName: 'Astri Lindqvist', emails: ['astrid.lindqvist@hooli.com'] });
    const count = await t.app.inject({ method: 'GET', url: '/api/v1/duplicates/count?status=merged', headers: viewer.headers });
    expect(json(count)).toEqual({ count: 1 });
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/duplicates/${pair.id}`, headers: viewer.headers });
    expect(json(one)).toEqual(item);
    // Only members who may see the survivor learn of the merge.
    const limited = await ws.member('agent', { recordScope: 'own' });
    expect((await list(ws, '?status=merged', limited.headers)).data).toEqual([]);

    expect((await post(`/api/v1/merges/${mergeId}/unmerge`)).statusCode).toBe(200);
    expect((await list(ws, '?status=merged')).data).toEqual([]);
    expect((await list(ws)).data.find((open) => open.id === pair.id)).toMatchObject({ status: 'open', merge: null });
  });

  it('shows a merged pair as it was when merged, though the survivor took the merged contact’s values', async () => {
    const { ws, astrid, astri } = await workspaceWithPairs();
    const headers = ws.owner.headers;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${astri}`, headers, payload: { title: 'Analyst' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const pair = (await list(ws)).data.find((item) => [item.left!.id, item.right.id].includes(astri))!;
    const payload = { survivorId: astrid, mergedId: astri, duplicateId: pair.id, picks: { firstName: 'merged' } };
    const merged = await t.app.inject({ method: 'POST', url: '/api/v1/contacts/merge', headers, payload });
    expect(merged.statusCode, merged.body).toBe(201);

    const item = json<DuplicateCandidate>(await t.app.inject({ method: 'GET', url: `/api/v1/duplicates/${pair.id}`, headers }));
    const side = (id: string) => (item.left!.id === id ? item.left! : item.right);
    expect(side(astrid)).toMatchObject({ displayName: 'Astrid Lindqvist', firstName: 'Astrid', title: '' });
    expect(side(astri)).toMatchObject({ displayName: 'Astri Lindqvist', firstName: 'Astri', title: 'Analyst' });
    // The survivor to open is named as it is now.
    expect(item.merge).toMatchObject({ survivorId: astrid, survivorName: 'Astri Lindqvist' });
    expect((await list(ws, '?status=merged')).data).toEqual([item]);

    const mergeId = json<{ id: string }>(merged).id;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/merges/${mergeId}/unmerge`, headers })).statusCode).toBe(200);
    const survivor = json<{ firstName: string; title: string }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${astrid}`, headers }),
    );
    expect(survivor).toMatchObject({ firstName: 'Astrid', title: '' });
  });
});
