/**
 * The "done" flow through the real ingest pipeline: an e-mail from an unknown address
 * makes a contact, a Mastodon post by the same person is proposed for linking with its evidence,
 * and once linked the contact's conversations hold both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { emailFrom, identityOf, ingest, mastodonPost } from './testing/arrivals.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('one person on two channels', () => {
  it('becomes one contact with both conversations', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    await ingest(t, ws.owner.headers, emailFrom('Ana Berg <ana.berg@posteo.de>', 'My parcel has not arrived.'));
    const sender = await identityOf(t, ws.workspaceId, 'email', 'ana.berg@posteo.de');
    const contactId = sender.contact_id!;
    expect(contactId).not.toBeNull();

    await ingest(
      t,
      ws.owner.headers,
      mastodonPost({
        id: '90210',
        username: 'anaberg',
        acct: 'anaberg@mastodon.social',
        displayName: 'Ana Berg',
        url: 'https://mastodon.social/@anaberg',
      }),
    );
    const poster = await identityOf(t, ws.workspaceId, 'mastodon', 'anaberg@mastodon.social');
    const { rows: proposals } = await t.db.query<{
      right_id: string;
      decision: string;
      evidence: { field: string; level: string; weight: number }[];
    }>(`SELECT right_id, decision, evidence FROM duplicate_candidates WHERE workspace_id = $1 AND kind = 'identity' AND left_id = $2`, [
      ws.workspaceId,
      poster.id,
    ]);
    // Names alone never link automatically: the pair waits for a person, with what agreed.
    expect(poster.contact_id).toBeNull();
    expect(proposals).toEqual([expect.objectContaining({ right_id: contactId, decision: 'review' })]);
    expect(proposals[0]!.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'given', level: 'exact' }),
        expect.objectContaining({ field: 'family', level: 'exact' }),
      ]),
    );
    expect(proposals[0]!.evidence.every((item) => item.weight > 0)).toBe(true);

    const linked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/contacts/${contactId}/identities`,
      headers: agent.headers,
      payload: { identityId: poster.id },
    });
    expect(linked.statusCode, linked.body).toBe(201);

    const identities = json<{ data: { network: string; link: { method: string; rule: string | null } }[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contactId}/identities`, headers: agent.headers }),
    ).data;
    expect(identities.map((i) => [i.network, i.link.method, i.link.rule]).sort()).toEqual([
      ['email', 'rule', 'created-from-email'],
      ['mastodon', 'manual', null],
    ]);
    const conversations = json<{ data: { contactId: string | null; subject: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/conversations', headers: agent.headers }),
    ).data;
    expect(conversations).toHaveLength(2);
    expect(conversations.map((c) => c.contactId)).toEqual([contactId, contactId]);
    const { rows: pending } = await t.db.query(`SELECT status FROM duplicate_candidates WHERE workspace_id = $1 AND kind = 'identity'`, [
      ws.workspaceId,
    ]);
    expect(pending).toEqual([{ status: 'linked' }]);
  });
});
