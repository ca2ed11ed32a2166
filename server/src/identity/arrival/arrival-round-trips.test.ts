/**
 * What one arrival costs the database: the statements it sends (pinned, so a regression shows),
 * and that a model cached in process is dropped once a full pass re-fits it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { insertIdentity } from '../../inbox/testing/conversations.js';
import { systemActor, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { buildWorkspace, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { workspaceModel } from '../candidates/match-model.repo.js';
import { contactsForMatching } from '../keys/contact-keys.repo.js';
import { scoreCandidates } from '../matching/index.js';
import { contactPerson, identityPerson } from '../people.js';
import { resolveWorkspace } from '../review/index.js';
import { plantDuplicates } from '../review/testing/planted-duplicates.js';
import { createContact, ingest, mastodonPost, settle } from '../testing/arrivals.js';
import { matchArrivedIdentities, type SeenIdentity } from './match-identities.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

/** Matches identities in one transaction, as the ingest step does, and counts the statements sent. */
async function statementsToMatch(workspaceId: string, ...identityIds: string[]): Promise<number> {
  return statementsToMatchSeen(workspaceId, new Map(), ...identityIds);
}

async function statementsToMatchSeen(workspaceId: string, seen: ReadonlyMap<string, SeenIdentity>, ...identityIds: string[]) {
  let statements = 0;
  await t.db.transaction(async (tx) => {
    const counting: Queryable = {
      query: (sql, params) => {
        statements++;
        return tx.query(sql, params);
      },
    };
    await matchArrivedIdentities(counting, workspaceId, identityIds, seen);
  });
  return statements;
}

/** The identities' fields as stored: what the ingest batch that stored them saw. */
async function storedFields(workspaceId: string, ids: readonly string[]): Promise<Map<string, SeenIdentity>> {
  const { rows } = await t.db.query<SeenIdentity & { id: string }>(
    `SELECT id, network, handle, display_name AS "displayName", profile_url AS "profileUrl", email
       FROM social_identities WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return new Map(rows.map(({ id, ...fields }) => [id, fields]));
}

async function contactIdOf(ws: TestWorkspace, identityId: string): Promise<string | null> {
  const { rows } = await t.db.query<{ contactId: string | null }>(
    'SELECT contact_id AS "contactId" FROM social_identities WHERE workspace_id = $1 AND id = $2',
    [ws.workspaceId, identityId],
  );
  return rows[0]!.contactId;
}

async function reviewProbabilities(workspaceId: string, identityId: string): Promise<Map<string, number>> {
  const { rows } = await t.db.query<{ rightId: string; probability: number }>(
    `SELECT right_id AS "rightId", probability FROM duplicate_candidates WHERE workspace_id = $1 AND kind = 'identity' AND left_id = $2`,
    [workspaceId, identityId],
  );
  return new Map(rows.map((row) => [row.rightId, row.probability]));
}

describe('statements per arrival', () => {
  it('sends a fixed, small number of statements for each kind of arrival', async () => {
    const ws = await buildWorkspace(t.db);
    await createContact(t, ws.owner.headers, { firstName: 'Ana', lastName: 'Berg', emails: [{ address: 'ana.berg@posteo.de' }] });
    await createContact(t, ws.owner.headers, { firstName: 'Oksana', lastName: 'Petrenko' });
    for (const firstName of ['Maja', 'Jonas']) {
      await createContact(t, ws.owner.headers, { firstName, lastName: 'Lind', emails: [{ address: 'lind.family@posteo.de' }] });
    }
    await ingest(
      t,
      ws.owner.headers,
      mastodonPost({ id: 'warm', username: 'warm', acct: 'warm@x.social', displayName: 'W', url: 'https://x.social/@warm' }),
    );

    const byEmail = await insertIdentity(t.db, ws.workspaceId, { email: 'ana.berg@posteo.de', displayName: 'A. Berg' });
    const namesOnly = await insertIdentity(t.db, ws.workspaceId, { network: 'bluesky', email: null, displayName: 'Oksana Petrenko' });
    const nobody = await insertIdentity(t.db, ws.workspaceId, { network: 'bluesky', email: null, displayName: 'Zed Quorrington' });
    // A namesake of a contact at a new address: scored against the namesake, then given a contact of its own.
    const newSender = await insertIdentity(t.db, ws.workspaceId, { email: 'oksana.p@posteo.de', displayName: 'Oksana Petrenko' });
    // Two contacts hold the address: scored between them, sent whole with the look-up.
    const sharedAddress = await insertIdentity(t.db, ws.workspaceId, { email: 'lind.family@posteo.de', displayName: 'Maja Lind' });
    const counts = {
      ruleLink: await statementsToMatch(ws.workspaceId, byEmail),
      queuedForReview: await statementsToMatch(ws.workspaceId, namesOnly),
      noCandidate: await statementsToMatch(ws.workspaceId, nobody),
      alreadyMatched: await statementsToMatch(ws.workspaceId, nobody),
      newPerson: await statementsToMatch(ws.workspaceId, newSender),
      sharedAddress: await statementsToMatch(ws.workspaceId, sharedAddress),
    };
    // The claim, the look-up (with the candidates to score), then the writes in one statement: a link
    // (decision, identity, its conversations, candidates settled, event) or review pairs, or a new
    // sender's contact with its event, its keys and its link.
    expect(counts).toEqual({ ruleLink: 3, queuedForReview: 3, noCandidate: 2, alreadyMatched: 1, newPerson: 3, sharedAddress: 3 });
    expect(await contactIdOf(ws, byEmail)).not.toBeNull();
    expect(await contactIdOf(ws, newSender)).not.toBeNull();
    expect((await reviewProbabilities(ws.workspaceId, namesOnly)).size).toBe(1);
    expect(await contactIdOf(ws, nobody)).toBeNull();
  });
});

describe('look-ups sent with the claim', () => {
  /** A known contact, a namesake of another, and identities of each kind of arrival. */
  async function arrivalsOfEachKind(ws: TestWorkspace) {
    await createContact(t, ws.owner.headers, { firstName: 'Ana', lastName: 'Berg', emails: [{ address: 'ana.berg@posteo.de' }] });
    await createContact(t, ws.owner.headers, { firstName: 'Oksana', lastName: 'Petrenko' });
    return {
      ruleLink: await insertIdentity(t.db, ws.workspaceId, { email: 'ana.berg@posteo.de', displayName: 'A. Berg' }),
      queuedForReview: await insertIdentity(t.db, ws.workspaceId, { network: 'bluesky', email: null, displayName: 'Oksana Petrenko' }),
      noCandidate: await insertIdentity(t.db, ws.workspaceId, { network: 'bluesky', email: null, displayName: 'Zed Quorrington' }),
      newPerson: await insertIdentity(t.db, ws.workspaceId, { email: 'oksana.p@posteo.de', displayName: 'Oksana Petrenko' }),
    };
  }

  /** Each identity's link (the contact's name, how) or review pairs (names, probabilities), by kind. */
  async function decisions(db: Queryable, workspaceId: string, ids: Record<string, string>) {
    const { rows } = await db.query<{ id: string; decision: string }>(
      `SELECT i.id, concat_ws(' ', 'link', lc.display_name, l.method, l.rule,
                (SELECT string_agg(rc.display_name || ' ' || round(d.probability::numeric, 6), ', ' ORDER BY rc.display_name)
                   FROM duplicate_candidates d JOIN contacts rc ON rc.workspace_id = d.workspace_id AND rc.id = d.right_id
                  WHERE d.workspace_id = i.workspace_id AND d.kind = 'identity' AND d.left_id = i.id)) AS decision
         FROM social_identities i
         LEFT JOIN identity_links l ON l.workspace_id = i.workspace_id AND l.identity_id = i.id
         LEFT JOIN contacts lc ON lc.workspace_id = i.workspace_id AND lc.id = l.contact_id
        WHERE i.workspace_id = $1 AND i.id = ANY($2::uuid[])`,
      [workspaceId, Object.values(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, row.decision]));
    return Object.fromEntries(Object.entries(ids).map(([kind, id]) => [kind, byId.get(id)]));
  }

  it('saves a round trip for every kind of arrival when the caller saw the identities as stored', async () => {
    const ws = await buildWorkspace(t.db);
    const ids = await arrivalsOfEachKind(ws);
    const seen = await storedFields(ws.workspaceId, Object.values(ids));
    const counts = {
      ruleLink: await statementsToMatchSeen(ws.workspaceId, seen, ids.ruleLink),
      queuedForReview: await statementsToMatchSeen(ws.workspaceId, seen, ids.queuedForReview),
      noCandidate: await statementsToMatchSeen(ws.workspaceId, seen, ids.noCandidate),
      alreadyMatched: await statementsToMatchSeen(ws.workspaceId, seen, ids.noCandidate),
      newPerson: await statementsToMatchSeen(ws.workspaceId, seen, ids.newPerson),
    };
    // One statement fewer than the counts above: the claim carries the look-ups.
    expect(counts).toEqual({ ruleLink: 2, queuedForReview: 2, noCandidate: 1, alreadyMatched: 1, newPerson: 2 });
    expect(await decisions(t.db, ws.workspaceId, ids)).toEqual({
      ruleLink: 'link Ana Berg rule email',
      queuedForReview: expect.stringMatching(/^link Oksana Petrenko 0\.\d+$/),
      noCandidate: 'link',
      newPerson: 'link Oksana Petrenko rule created-from-email',
    });
  });

  it('decides on the stored fields when the caller saw the identities otherwise', async () => {
    const ws = await buildWorkspace(t.db);
    const ids = await arrivalsOfEachKind(ws);
    const stored = await storedFields(ws.workspaceId, Object.values(ids));
    // Each identity seen as the next one is stored: every look-up made with the claim is for the wrong person.
    const order = Object.values(ids);
    const stale = new Map(order.map((id, index) => [id, stored.get(order[(index + 1) % order.length]!)!]));
    const rolledBack = new Error('compared, rolled back');
    let withStale: Record<string, unknown> = {};
    await t.db
      .transaction(async (tx) => {
        await matchArrivedIdentities(tx, ws.workspaceId, order, stale);
        withStale = await decisions(tx, ws.workspaceId, ids);
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    await t.db.transaction((tx) => matchArrivedIdentities(tx, ws.workspaceId, order));
    const unseen = await decisions(t.db, ws.workspaceId, ids);
    expect(unseen.ruleLink).toBe('link Ana Berg rule email');
    expect(withStale).toEqual(unseen);
  });
});

describe('statements per batch', () => {
  /** Arrivals of every kind: a known address, a new sender (twice, as two arrivals when `twins`), a namesake, a stranger. */
  async function arrivals(ws: TestWorkspace, tag: string, twins: boolean): Promise<string[]> {
    const known = `known.${tag}@posteo.de`;
    await createContact(t, ws.owner.headers, { firstName: 'Known', lastName: `Person${tag}`, emails: [{ address: known }] });
    const sender = `new.${tag}@posteo.de`;
    return [
      await insertIdentity(t.db, ws.workspaceId, { email: known, displayName: `Known Person${tag}` }),
      await insertIdentity(t.db, ws.workspaceId, { email: sender, displayName: `Newcomer ${tag}` }),
      ...(twins
        ? [await insertIdentity(t.db, ws.workspaceId, { network: 'mastodon', email: sender, displayName: `Newcomer ${tag}` })]
        : []),
      await insertIdentity(t.db, ws.workspaceId, { network: 'bluesky', email: null, displayName: `Known Person${tag}` }),
      await insertIdentity(t.db, ws.workspaceId, { network: 'bluesky', email: null, displayName: `Stranger ${tag}` }),
    ];
  }

  it('costs the same statements for one arrival of each kind as for many, and gives one new sender one contact', async () => {
    const ws = await buildWorkspace(t.db);
    const one = await statementsToMatch(ws.workspaceId, ...(await arrivals(ws, 'a', false)));
    // The claim, the look-up with the candidates, and every new sender's contact, key, link and review pair.
    expect(one).toBe(3);
    const many: string[] = [];
    for (const tag of ['b', 'c', 'd', 'e', 'f', 'g']) many.push(...(await arrivals(ws, tag, tag === 'b')));
    expect(await statementsToMatch(ws.workspaceId, ...many)).toBe(one);

    const { rows } = await t.db.query<{ contactId: string | null; rule: string | null; network: string }>(
      `SELECT i.contact_id AS "contactId", l.rule, i.network FROM social_identities i
         LEFT JOIN identity_links l ON l.workspace_id = i.workspace_id AND l.identity_id = i.id
        WHERE i.workspace_id = $1 AND i.email = 'new.b@posteo.de'`,
      [ws.workspaceId],
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.rule)).toEqual(['created-from-email', 'created-from-email']);
    expect(rows[0]!.contactId).not.toBeNull();
    expect(rows[1]!.contactId).toBe(rows[0]!.contactId);
    const contacts = await t.db.query('SELECT id FROM contacts WHERE workspace_id = $1 AND emails @> $2::jsonb', [
      ws.workspaceId,
      JSON.stringify([{ address: 'new.b@posteo.de' }]),
    ]);
    expect(contacts.rows).toHaveLength(1);
    const linked = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM social_identities WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND contact_id IS NOT NULL`,
      [ws.workspaceId, many],
    );
    // Per tag: the known address and the new sender link (twice for the twins); namesakes and strangers don't.
    expect(linked.rows[0]!.n).toBe(6 * 2 + 1);
  });
});

describe('review pairs on arrival', () => {
  it('reads none of the pairs when it links, however many the workspace holds', async () => {
    const ws = await buildWorkspace(t.db);
    await createContact(t, ws.owner.headers, { firstName: 'Ana', lastName: 'Berg', emails: [{ address: 'ana.berg@posteo.de' }] });
    await t.db.query(
      `INSERT INTO duplicate_candidates (workspace_id, id, kind, left_id, right_id, probability, weight, decision, created_at, updated_at)
       SELECT $1, gen_random_uuid(), 'identity', gen_random_uuid(), gen_random_uuid(), 0.5, 1, 'review', now(), now()
         FROM generate_series(1, 3000)`,
      [ws.workspaceId],
    );
    await t.db.exec('ANALYZE duplicate_candidates');
    const ids = [
      await insertIdentity(t.db, ws.workspaceId, { email: 'ana.berg@posteo.de', displayName: 'A. Berg' }),
      await insertIdentity(t.db, ws.workspaceId, { email: 'oksana.p@posteo.de', displayName: 'Oksana Petrenko' }),
    ];
    const scans = await t.db.transaction(async (tx) => {
      // Counts not yet flushed to the shared statistics, earlier transactions' on this connection included: the difference is the arrival's.
      const scanned = async () =>
        (
          await tx.query<{ scans: number }>(
            `SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::int AS scans FROM pg_stat_xact_user_tables WHERE relname = 'duplicate_candidates'`,
          )
        ).rows[0]!.scans;
      const before = await scanned();
      await matchArrivedIdentities(tx, ws.workspaceId, ids);
      return (await scanned()) - before;
    });
    expect(await contactIdOf(ws, ids[0]!)).not.toBeNull();
    expect(await contactIdOf(ws, ids[1]!)).not.toBeNull();
    expect(scans).toBe(0);
  });
});

describe('the workspace model on arrival', () => {
  it('uses the model a full pass re-fitted for the next arrival, not the one cached before', async () => {
    const ws = await buildWorkspace(t.db);
    const ctx: Ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    await plantDuplicates(ctx, 40);
    await resolveWorkspace(ctx, t.db);
    const contactId = await createContact(t, ws.owner.headers, {
      firstName: 'Anna',
      lastName: 'Zyborski',
      socialHandles: [{ network: 'x', handle: '@annazyborski' }],
    });
    await settle(t);
    const author = { network: 'mastodon', handle: 'annazyborski@mastodon.social', displayName: 'Anna Zyborski', email: null };
    /** A new identity of the same author, matched as on arrival: the weight of its link or review pair. */
    const arrive = async () => {
      const id = await insertIdentity(t.db, ws.workspaceId, author);
      await t.db.transaction((tx) => matchArrivedIdentities(tx, ws.workspaceId, [id]));
      const { rows } = await t.db.query<{ contactId: string; weight: number }>(
        `SELECT contact_id AS "contactId", weight FROM identity_links WHERE workspace_id = $1 AND identity_id = $2
         UNION ALL
         SELECT right_id, weight FROM duplicate_candidates WHERE workspace_id = $1 AND kind = 'identity' AND left_id = $2`,
        [ws.workspaceId, id],
      );
      expect(rows).toEqual([{ contactId, weight: expect.any(Number) }]);
      return rows[0]!.weight;
    };
    /** The weight the stored model gives the pair, read afresh. */
    const storedModelWeight = async () => {
      const [contact] = await contactsForMatching(t.db, ws.workspaceId, [contactId]);
      const identity = { id: 'arriving', profileUrl: null, ...author };
      const model = await workspaceModel(t.db, ws.workspaceId);
      return scoreCandidates(model, identityPerson(identity), [contactPerson(contact!, [])])[0]!.weight;
    };
    const fitted = await storedModelWeight();
    expect(await arrive()).toBeCloseTo(fitted, 4);
    // The model that arrival read is cached for its fit time, as the claim returns it: the next reads no model.
    expect(await statementsToMatch(ws.workspaceId, await insertIdentity(t.db, ws.workspaceId, author))).toBe(3);

    await plantDuplicates(ctx, 160);
    await resolveWorkspace(ctx, t.db);
    const refitted = await storedModelWeight();
    expect(Math.abs(refitted - fitted)).toBeGreaterThan(0.01);
    expect(await arrive()).toBeCloseTo(refitted, 4);
  });
});
