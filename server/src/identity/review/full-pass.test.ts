import { beforeAll, describe, expect, it } from 'vitest';
import { contactsWrite } from '../../crm/index.js';
import { insertIdentity } from '../../inbox/testing/conversations.js';
import { systemActor, type Ctx } from '../../platform/context.js';
import { runWrites } from '../../platform/db/write-part.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { newContactKeyWrites } from '../keys/contact-keys.js';
import { COMPARISONS, priorModel, type MatchModel } from '../matching/index.js';
import { distinctPeople } from '../matching/testing/distinct-people.js';
import { resolveWorkspace } from './full-pass.js';
import { plantDuplicates, type PlantedWorkspace } from './testing/planted-duplicates.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface StoredPair {
  id: string;
  leftId: string;
  rightId: string;
  status: string;
  decision: string;
  evidence: { field: string; level: string; weight: number }[];
  levels: number[];
}

async function contactPairs(workspaceId: string): Promise<StoredPair[]> {
  const { rows } = await t.db.query<StoredPair>(
    `SELECT id, left_id AS "leftId", right_id AS "rightId", status, decision, evidence, levels
       FROM duplicate_candidates WHERE workspace_id = $1 AND kind = 'contact' ORDER BY id`,
    [workspaceId],
  );
  return rows;
}

const key = (a: string, b: string) => [a, b].sort().join(' ');

async function plantedWorkspace(): Promise<{ ctx: Ctx; planted: PlantedWorkspace }> {
  const ws = await buildWorkspace(t.db);
  const ctx: Ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
  return { ctx, planted: await plantDuplicates(ctx) };
}

describe('the full identity-resolution pass', () => {
  it('queues the planted duplicates with their evidence, and never a shared mailbox, placeholder or common-name pair', async () => {
    const { ctx, planted } = await plantedWorkspace();
    const summary = await resolveWorkspace(ctx, t.db);
    expect(summary.contacts).toBe(planted.contacts);
    expect(summary.candidatePairs).toBeGreaterThan(0);

    const pairs = await contactPairs(ctx.workspaceId);
    expect(pairs.length).toBe(summary.linkPairs + summary.reviewPairs);
    const found = new Map(pairs.map((pair) => [key(pair.leftId, pair.rightId), pair]));
    for (const [original, duplicate] of planted.duplicates) {
      const pair = found.get(key(original, duplicate));
      expect(pair, `planted pair ${original} ${duplicate}`).toBeDefined();
      expect(pair!.leftId < pair!.rightId).toBe(true);
      expect(pair!.status).toBe('open');
      expect(pair!.levels).toHaveLength(COMPARISONS.length);
      expect(pair!.evidence.some((item) => item.weight > 0 && !['given', 'family'].includes(item.field))).toBe(true);
    }
    for (const { reason, ids } of planted.neverPairs) expect(found.has(key(...ids)), reason).toBe(false);

    const { rows } = await t.db.query<{ model: MatchModel; contacts: number; reviewed_pairs: number }>(
      'SELECT model, contacts, reviewed_pairs FROM identity_match_models WHERE workspace_id = $1',
      [ctx.workspaceId],
    );
    expect(rows[0]).toMatchObject({ contacts: planted.contacts, reviewed_pairs: 0 });
    expect(rows[0]!.model.fields).toHaveLength(COMPARISONS.length);
    const keys = await t.db.query<{ count: number }>('SELECT count(*)::int AS count FROM contact_match_keys WHERE workspace_id = $1', [
      ctx.workspaceId,
    ]);
    expect(keys.rows[0]!.count).toBeGreaterThan(planted.contacts);
  });

  it('is idempotent: a second pass adds nothing, and a dismissed pair stays dismissed and teaches the model', async () => {
    const { ctx, planted } = await plantedWorkspace();
    const first = await resolveWorkspace(ctx, t.db);
    const before = await contactPairs(ctx.workspaceId);
    const [original, duplicate] = planted.duplicates[0]!;
    const dismissed = before.find((pair) => pair.leftId === [original, duplicate].sort()[0])!;
    await t.db.query(`UPDATE duplicate_candidates SET status = 'dismissed', decided_at = now() WHERE workspace_id = $1 AND id = $2`, [
      ctx.workspaceId,
      dismissed.id,
    ]);

    const second = await resolveWorkspace(ctx, t.db);
    const after = await contactPairs(ctx.workspaceId);
    expect(after.map((pair) => pair.id)).toEqual(before.map((pair) => pair.id));
    expect(after.find((pair) => pair.id === dismissed.id)!.status).toBe('dismissed');
    expect(second.contacts).toBe(first.contacts);
    const { rows } = await t.db.query<{ reviewed_pairs: number }>(
      'SELECT reviewed_pairs FROM identity_match_models WHERE workspace_id = $1',
      [ctx.workspaceId],
    );
    expect(rows[0]!.reviewed_pairs).toBe(1);
  });

  it('drops open pairs it no longer finds, once their contacts stop looking alike', async () => {
    const { ctx, planted } = await plantedWorkspace();
    await resolveWorkspace(ctx, t.db);
    const [, margret] = planted.duplicates.at(-1)!;
    await t.db.query(`DELETE FROM contacts WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, margret]);
    await resolveWorkspace(ctx, t.db);
    const pairs = await contactPairs(ctx.workspaceId);
    expect(pairs.some((pair) => pair.leftId === margret || pair.rightId === margret)).toBe(false);
  });

  it('matches every identity not matched yet: links the sure match, marks all of them matched', async () => {
    const { ctx, planted } = await plantedWorkspace();
    const [margaret] = planted.duplicates.at(-1)!;
    const sure = await insertIdentity(t.db, ctx.workspaceId, {
      network: 'email',
      displayName: 'Margaret Thistlewood',
      email: 'margaret.thistlewood@globex.net',
    });
    const stranger = await insertIdentity(t.db, ctx.workspaceId, {
      network: 'mastodon',
      handle: 'zq@fosstodon.org',
      displayName: 'Quentin Zybrowicz',
      email: null,
    });
    const summary = await resolveWorkspace(ctx, t.db);
    expect(summary).toMatchObject({ identitiesMatched: 2, identitiesLinked: 1 });
    const { rows } = await t.db.query<{ id: string; contact_id: string | null; matched_at: Date | null }>(
      'SELECT id, contact_id, matched_at FROM social_identities WHERE workspace_id = $1 ORDER BY id',
      [ctx.workspaceId],
    );
    expect(rows.find((row) => row.id === sure)!.contact_id).toBe(margaret);
    expect(rows.find((row) => row.id === stranger)!.contact_id).toBeNull();
    expect(rows.every((row) => row.matched_at !== null)).toBe(true);
    const links = await t.db.query<{ method: string; rule: string }>(
      'SELECT method, rule FROM identity_links WHERE workspace_id = $1 AND identity_id = $2',
      [ctx.workspaceId, sure],
    );
    expect(links.rows).toEqual([{ method: 'rule', rule: 'email' }]);
    expect((await resolveWorkspace(ctx, t.db)).identitiesMatched).toBe(0);
  });

  it('queues and links nothing among 2,000 different people known by name only, namesakes included', async () => {
    const ws = await buildWorkspace(t.db);
    const ctx: Ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    const people = distinctPeople(2_000, 0);
    const created = await contactsWrite(
      ctx,
      people.map((person) => ({ firstName: person.givenName!, lastName: person.familyName! })),
    );
    await runWrites(t.db, ctx.workspaceId, new Date(), [created.write, newContactKeyWrites(created.contacts, [])]);
    await insertIdentity(t.db, ctx.workspaceId, {
      network: 'mastodon',
      handle: 'jsmith@mastodon.social',
      displayName: 'John Smith',
      email: null,
    });

    const summary = await resolveWorkspace(ctx, t.db);
    expect(summary).toMatchObject({
      contacts: 2_000,
      linkPairs: 0,
      reviewPairs: 0,
      clusters: 0,
      identitiesMatched: 1,
      identitiesLinked: 0,
    });
    const queued = await t.db.query('SELECT kind, decision FROM duplicate_candidates WHERE workspace_id = $1', [ctx.workspaceId]);
    expect(queued.rows).toEqual([]);
    // EM found no class of duplicates among them: the stored model is the prior scored against the candidates.
    const { rows } = await t.db.query<{ model: MatchModel }>('SELECT model FROM identity_match_models WHERE workspace_id = $1', [
      ctx.workspaceId,
    ]);
    expect(rows[0]!.model.lambda).toBe(priorModel().lambda);
  });
});
