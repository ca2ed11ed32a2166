/**
 * Upgrading a database scored before tiers needed evidence of buying: each scored workspace is
 * rescored at once, so a lead ranked high by activity alone does not keep that tier until the night.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../crm/index.js';
import { allMigrations } from '../modules.js';
import { systemActor } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import { migrate } from '../platform/db/migrate.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { buildWorkspace } from '../platform/testing/test-app.js';
import { recomputeWorkspaceScores } from './score.service.js';

const TIER_LIMITS = 'relationship/002-tier-limits';

describe(TIER_LIMITS, () => {
  let old: Db;
  // A database migrated up to the step before: most of the time this file takes, on PGlite.
  beforeAll(async () => {
    old = await openFreshDb(allMigrations().filter((m) => m.id !== TIER_LIMITS));
  });
  afterAll(async () => {
    await old?.close();
  });

  it('rescores every scored workspace straight after the upgrade, and the rescore says why a tier is held', async () => {
    const scored = await buildWorkspace(old);
    await buildWorkspace(old); // without scores: nothing to rescore
    const lead = await createContact(
      { workspaceId: scored.workspaceId, actor: systemActor(), db: old, requestId: 'test' },
      { firstName: 'Lena' },
    );
    // A score stored under the old rule: gold, held nowhere.
    await old.query(
      `INSERT INTO contact_scores (workspace_id, contact_id, value_score, tier, health, components, computed_at)
       VALUES ($1, $2, 70, 'gold', 50, '{}', now())`,
      [scored.workspaceId, lead.id],
    );
    await old.query(`DELETE FROM jobs WHERE name = 'relationship.score-workspace'`);

    expect(await migrate(old, allMigrations())).toEqual([TIER_LIMITS]);
    const { rows: queued } = await old.query<{ workspace_id: string; run_at: Date }>(
      `SELECT workspace_id, run_at FROM jobs WHERE name = 'relationship.score-workspace' AND status = 'queued'`,
    );
    expect(queued.map((job) => job.workspace_id)).toEqual([scored.workspaceId]);
    expect(queued[0]!.run_at.getTime()).toBeLessThanOrEqual(Date.now());

    await recomputeWorkspaceScores(old, scored.workspaceId);
    const { rows: scores } = await old.query<{ tier: string; tier_limit: { code: string } | null }>(
      'SELECT tier, tier_limit FROM contact_scores WHERE workspace_id = $1',
      [scored.workspaceId],
    );
    expect(scores).toEqual([{ tier: 'bronze', tier_limit: expect.objectContaining({ code: 'few_interactions' }) }]);
  });
});
