/**
 * Contacts queued for rescoring together (an import, an ingest burst) are scored in one batch:
 * the scores must be exactly those of scoring each alone and of the workspace pass, monetary
 * ranks included (a batch ranks from one sorted read, one contact by a query).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { recomputeContactScores, recomputeWorkspaceScores } from './score.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function scores(ws: TestWorkspace) {
  const { rows } = await t.db.query(
    `SELECT contact_id, value_score, tier, health, health_reasons, components FROM contact_scores WHERE workspace_id = $1 ORDER BY contact_id`,
    [ws.workspaceId],
  );
  return rows;
}

describe('scoring contacts in a batch', () => {
  it('gives each contact the score it gets alone and in the workspace pass', async () => {
    const ws = await buildWorkspace(t.db);
    const send = (method: 'POST' | 'PUT', url: string, payload: object) =>
      t.app.inject({ method, url, headers: ws.owner.headers, payload });
    await send('POST', '/api/v1/custom-fields', { entity: 'contact', key: 'revenue', label: 'Revenue', type: 'number' });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      // Some equal values, some without one: ranks with ties and gaps.
      const custom = i % 7 === 6 ? {} : { revenue: (i % 5) * 1_000 + (i % 3) * 10 };
      const created = await send('POST', '/api/v1/contacts', { firstName: `Batch${i}`, lastName: 'Scored', custom });
      expect(created.statusCode, created.body).toBe(201);
      ids.push(json<{ id: string }>(created).id);
    }
    const saved = await send('PUT', '/api/v1/relationship/settings', {
      weights: { recency: 20, frequency: 20, monetary: 60, engagement: 0, influence: 0 },
      monetaryField: 'revenue',
      tiers: [
        { name: 'gold', minScore: 50 },
        { name: 'silver', minScore: 25 },
        { name: 'bronze', minScore: 0 },
      ],
      quietDays: 60,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const now = new Date();

    await recomputeContactScores(t.db, ws.workspaceId, [...ids, ids[0]!], now);
    const batched = await scores(ws);
    expect(batched).toHaveLength(30);
    expect(new Set(batched.map((row) => (row as { tier: string }).tier)).size).toBeGreaterThan(1);

    await t.db.query('DELETE FROM contact_scores WHERE workspace_id = $1', [ws.workspaceId]);
    for (const id of ids) await recomputeContactScores(t.db, ws.workspaceId, [id], now);
    expect(await scores(ws)).toEqual(batched);

    await t.db.query('DELETE FROM contact_scores WHERE workspace_id = $1', [ws.workspaceId]);
    await recomputeWorkspaceScores(t.db, ws.workspaceId, now);
    expect(await scores(ws)).toEqual(batched);
  });
});
