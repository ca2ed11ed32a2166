/** Matching authors on arrival, through the real ingest pipeline and the API. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import type { Queryable } from '../../platform/db/db.js';
import { createContact, emailFrom, identityOf, ingest, mastodonPost, type MastodonAccount } from '../testing/arrivals.js';
import { matchArrivedIdentities } from './match-identities.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface LinkView {
  id: string;
  link: { method: string; rule: string | null; probability: number | null; evidence: { field: string; level: string; weight: number }[] };
}

async function identitiesOf(ws: TestWorkspace, contactId: string): Promise<LinkView[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contactId}/identities`, headers: ws.owner.headers });
  expect(response.statusCode, response.body).toBe(200);
  return json<{ data: LinkView[] }>(response).data;
}

async function contactCount(ws: TestWorkspace): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1', [ws.workspaceId]);
  return rows[0]!.n;
}

async function identityCandidates(ws: TestWorkspace, identityId: string) {
  const { rows } = await t.db.query<{ right_id: string; decision: string; evidence: { field: string; level: string }[] }>(
    `SELECT right_id, decision, evidence FROM duplicate_candidates WHERE workspace_id = $1 AND kind = 'identity' AND left_id = $2`,
    [ws.workspaceId, identityId],
  );
  return rows;
}

function account(username: string, displayName: string, host = 'mastodon.social', url?: string): MastodonAccount {
  return {
    id: `${username}-${Math.random().toString(36).slice(2, 8)}`,
    username,
    acct: `${username}@${host}`,
    displayName,
    url: url ?? `https://${host}/@${username}`,
  };
}

describe('deterministic rules', () => {
  it('links a sender whose address a contact has, whatever its case', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await createContact(t, ws.owner.headers, {
      firstName: 'Ana',
      lastName: 'Berg',
      emails: [{ address: 'Ana.Berg@Posteo.de' }],
    });
    await ingest(t, ws.owner.headers, emailFrom('"A. Berg" <ANA.BERG@posteo.de>'));
    const identity = await identityOf(t, ws.workspaceId, 'email', 'ana.berg@posteo.de');
    expect(identity.contact_id).toBe(contactId);
    expect(identity.matched_at).not.toBeNull();
    expect(await contactCount(ws)).toBe(1);
    const [linked] = await identitiesOf(ws, contactId);
    expect(linked).toMatchObject({ id: identity.id, link: { method: 'rule', rule: 'email', probability: null } });
  });

  it("scores the contacts that share a sender's address when no rule can choose among them", async () => {
    const ws = await buildWorkspace(t.db);
    const ana = await createContact(t, ws.owner.headers, {
      firstName: 'Ana',
      lastName: 'Berg',
      emails: [{ address: 'berg.family@posteo.de' }],
    });
    const jonas = await createContact(t, ws.owner.headers, {
      firstName: 'Jonas',
      lastName: 'Lindqvist',
      emails: [{ address: 'berg.family@posteo.de' }],
    });
    await ingest(t, ws.owner.headers, emailFrom('"Ana Berg" <berg.family@posteo.de>'));
    const identity = await identityOf(t, ws.workspaceId, 'email', 'berg.family@posteo.de');
    // Both hold the address; the names pick Ana, by score.
    expect(identity.contact_id).toBe(ana);
    const [linked] = await identitiesOf(ws, ana);
    expect(linked).toMatchObject({ id: identity.id, link: { method: 'score', rule: null } });
    expect(await identitiesOf(ws, jonas)).toEqual([]);
  });

  it('links an account whose profile URL a contact has, and one whose handle a contact has', async () => {
    const ws = await buildWorkspace(t.db);
    const byUrl = await createContact(t, ws.owner.headers, {
      firstName: 'Kai',
      socialHandles: [{ network: 'mastodon', handle: 'kai', url: 'https://fosstodon.org/@kaiwrites' }],
    });
    const byHandle = await createContact(t, ws.owner.headers, {
      firstName: 'Mo',
      socialHandles: [{ network: 'mastodon', handle: '@mo_builds@hachyderm.io' }],
    });
    await ingest(t, ws.owner.headers, mastodonPost(account('kaiwrites', 'Somebody Else', 'fosstodon.org')));
    await ingest(
      t,
      ws.owner.headers,
      mastodonPost(account('mo_builds', 'Mo', 'hachyderm.io', 'https://hachyderm.io/users/mo_builds/profile')),
    );
    const kai = await identityOf(t, ws.workspaceId, 'mastodon', 'kaiwrites@fosstodon.org');
    const mo = await identityOf(t, ws.workspaceId, 'mastodon', 'mo_builds@hachyderm.io');
    expect([kai.contact_id, mo.contact_id]).toEqual([byUrl, byHandle]);
    expect((await identitiesOf(ws, byUrl))[0]!.link).toMatchObject({ method: 'rule', rule: 'profile-url' });
    expect((await identitiesOf(ws, byHandle))[0]!.link).toMatchObject({ method: 'rule', rule: 'handle' });
  });

  it('never links or creates a contact from a shared mailbox or a placeholder domain', async () => {
    const ws = await buildWorkspace(t.db);
    await createContact(t, ws.owner.headers, { firstName: 'Acme', lastName: 'Support', emails: [{ address: 'support@acme-tools.com' }] });
    await ingest(t, ws.owner.headers, emailFrom('Acme Support <support@acme-tools.com>'));
    await ingest(t, ws.owner.headers, emailFrom('Jo Kim <jo.kim@test.com>'));
    await ingest(t, ws.owner.headers, emailFrom('Info <info@kim-bakery.de>'));
    for (const address of ['support@acme-tools.com', 'jo.kim@test.com', 'info@kim-bakery.de']) {
      const identity = await identityOf(t, ws.workspaceId, 'email', address);
      expect(identity.contact_id, address).toBeNull();
      expect(identity.matched_at, address).not.toBeNull();
    }
    expect(await contactCount(ws)).toBe(1);
  });
});

describe('contacts from e-mail senders', () => {
  it('creates a contact from an unknown personal address, named from the sender', async () => {
    const ws = await buildWorkspace(t.db);
    await ingest(t, ws.owner.headers, emailFrom('Lena Maria Vogt <lena.vogt@mailbox.org>'));
    const identity = await identityOf(t, ws.workspaceId, 'email', 'lena.vogt@mailbox.org');
    expect(identity.contact_id).not.toBeNull();
    const contact = json(await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${identity.contact_id}`, headers: ws.owner.headers }));
    expect(contact).toMatchObject({ firstName: 'Lena Maria', lastName: 'Vogt', emails: [{ address: 'lena.vogt@mailbox.org' }] });
    expect((await identitiesOf(ws, identity.contact_id!))[0]!.link).toMatchObject({ method: 'rule', rule: 'created-from-email' });
    const { rows: keys } = await t.db.query<{ key: string }>(
      'SELECT key FROM contact_match_keys WHERE workspace_id = $1 AND contact_id = $2',
      [ws.workspaceId, identity.contact_id],
    );
    expect(keys.map((k) => k.key)).toContain('e:lena.vogt@mailbox.org');
    const { rows: events } = await t.db.query(`SELECT 1 FROM events WHERE workspace_id = $1 AND type = 'contact.created'`, [
      ws.workspaceId,
    ]);
    expect(events).toHaveLength(1);
  });

  it('gives a sender with a junk or placeholder name a contact without that name', async () => {
    const ws = await buildWorkspace(t.db);
    await ingest(t, ws.owner.headers, emailFrom('"N/A" <r.osei@mailbox.org>'));
    await ingest(t, ws.owner.headers, emailFrom('"----" <t.nakamura@mailbox.org>'));
    for (const address of ['r.osei@mailbox.org', 't.nakamura@mailbox.org']) {
      const identity = await identityOf(t, ws.workspaceId, 'email', address);
      const contact = json(
        await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${identity.contact_id}`, headers: ws.owner.headers }),
      );
      expect(contact).toMatchObject({ firstName: '', lastName: '', displayName: address });
    }
  });

  it('creates none when the workspace turned it off', async () => {
    const ws = await buildWorkspace(t.db);
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/identity/settings',
      headers: ws.owner.headers,
      payload: { identifierFields: [], createContactsFromEmail: false },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    await ingest(t, ws.owner.headers, emailFrom('Lena Vogt <lena.vogt@mailbox.org>'));
    expect((await identityOf(t, ws.workspaceId, 'email', 'lena.vogt@mailbox.org')).contact_id).toBeNull();
    expect(await contactCount(ws)).toBe(0);
  });
});

describe('scored matching', () => {
  it('links by score when names and the user name on another network agree, with the evidence', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await createContact(t, ws.owner.headers, {
      firstName: 'Anna',
      lastName: 'Zyborski',
      socialHandles: [{ network: 'x', handle: '@annazyborski' }],
    });
    await ingest(t, ws.owner.headers, mastodonPost(account('annazyborski', 'Anna Zyborski')));
    const identity = await identityOf(t, ws.workspaceId, 'mastodon', 'annazyborski@mastodon.social');
    expect(identity.contact_id).toBe(contactId);
    const [linked] = await identitiesOf(ws, contactId);
    expect(linked!.link).toMatchObject({ method: 'score', rule: null });
    expect(linked!.link.probability).toBeGreaterThanOrEqual(0.99);
    expect(linked!.link.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'family', level: 'exact' }),
        expect.objectContaining({ field: 'handle', level: 'same user name elsewhere' }),
      ]),
    );
  });

  it('queues a pair for review when only the names agree', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await createContact(t, ws.owner.headers, {
      firstName: 'Oksana',
      lastName: 'Melnyk',
      phones: [{ number: '+380 44 123 4567' }],
    });
    await ingest(t, ws.owner.headers, mastodonPost(account('oks', 'Oksana Melnyk')));
    const identity = await identityOf(t, ws.workspaceId, 'mastodon', 'oks@mastodon.social');
    expect(identity.contact_id).toBeNull();
    const [candidate, ...more] = await identityCandidates(ws, identity.id);
    expect(more).toEqual([]);
    expect(candidate).toMatchObject({ right_id: contactId, decision: 'review' });
    expect(candidate!.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'given', level: 'exact' })]));
  });

  it('does not link a very common name to either of two different people', async () => {
    const ws = await buildWorkspace(t.db);
    await createContact(t, ws.owner.headers, { firstName: 'John', lastName: 'Smith', emails: [{ address: 'jsmith@leeds-motors.co.uk' }] });
    await createContact(t, ws.owner.headers, { firstName: 'John', lastName: 'Smith', phones: [{ number: '+1 415 555 0133' }] });
    await ingest(t, ws.owner.headers, mastodonPost(account('jsmith_guitar', 'John Smith')));
    const identity = await identityOf(t, ws.workspaceId, 'mastodon', 'jsmith_guitar@mastodon.social');
    expect(identity.contact_id).toBeNull();
    expect((await identityCandidates(ws, identity.id)).every((c) => c.decision === 'review')).toBe(true);
  });

  it('does not match placeholder, junk or test names to anyone', async () => {
    const ws = await buildWorkspace(t.db);
    await createContact(t, ws.owner.headers, { firstName: 'Test', lastName: 'Test', emails: [{ address: 'qa.runner@mailbox.org' }] });
    await createContact(t, ws.owner.headers, { firstName: 'N/A', lastName: 'Unknown', phones: [{ number: '+49 30 1234 5678' }] });
    for (const [username, name] of [
      ['tester01', 'test'],
      ['nobody42', 'N/A'],
      ['dashes', '-----'],
      ['aaaa', 'aaaa aaaa'],
    ] as const) {
      await ingest(t, ws.owner.headers, mastodonPost(account(username, name)));
      const identity = await identityOf(t, ws.workspaceId, 'mastodon', `${username}@mastodon.social`);
      expect(identity.contact_id, name).toBeNull();
      expect(await identityCandidates(ws, identity.id), name).toEqual([]);
    }
  });

  it('never links non-Latin or transliterated names on the names alone', async () => {
    const ws = await buildWorkspace(t.db);
    await createContact(t, ws.owner.headers, { firstName: 'Иван', lastName: 'Петров', emails: [{ address: 'petrov.i@yandex.ru' }] });
    await createContact(t, ws.owner.headers, { firstName: '王', lastName: '伟', emails: [{ address: 'wangwei88@qq.com' }] });
    await ingest(t, ws.owner.headers, mastodonPost(account('ivanp', 'Ivan Petrov')));
    await ingest(t, ws.owner.headers, mastodonPost(account('lina', '李 娜')));
    const ivan = await identityOf(t, ws.workspaceId, 'mastodon', 'ivanp@mastodon.social');
    const lina = await identityOf(t, ws.workspaceId, 'mastodon', 'lina@mastodon.social');
    expect([ivan.contact_id, lina.contact_id]).toEqual([null, null]);
    // The same person written in another script is worth a look; someone else is not.
    expect((await identityCandidates(ws, ivan.id)).map((c) => c.decision)).toEqual(['review']);
    expect(await identityCandidates(ws, lina.id)).toEqual([]);
  });

  it('matches an author once: a known author’s next message makes no new decision', async () => {
    const ws = await buildWorkspace(t.db);
    const quiet = account('quiet', 'Quiet Person');
    await ingest(t, ws.owner.headers, mastodonPost(quiet));
    const first = await identityOf(t, ws.workspaceId, 'mastodon', 'quiet@mastodon.social');
    // A contact it now resembles (a contact given its handle would take it through the contact's own sync, keys/rule-links.ts).
    await createContact(t, ws.owner.headers, { firstName: 'Quiet', lastName: 'Person' });
    await ingest(t, ws.owner.headers, mastodonPost(quiet, 'Another post'));
    const again = await identityOf(t, ws.workspaceId, 'mastodon', 'quiet@mastodon.social');
    expect(again).toEqual(first);
  });

  it('costs one query for a batch whose authors are all matched already', async () => {
    const ws = await buildWorkspace(t.db);
    for (const name of ['one', 'two', 'three']) await ingest(t, ws.owner.headers, mastodonPost(account(`known${name}`, `Known ${name}`)));
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM social_identities WHERE workspace_id = $1', [ws.workspaceId]);
    const authors = Array.from({ length: 500 }, (_, index) => rows[index % rows.length]!.id);
    let queries = 0;
    const counting: Queryable = {
      query: (sql, params) => {
        queries++;
        return t.db.query(sql, params);
      },
    };
    await matchArrivedIdentities(counting, ws.workspaceId, authors);
    expect(queries).toBe(1);
  });
});
