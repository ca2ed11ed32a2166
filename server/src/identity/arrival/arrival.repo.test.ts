/**
 * The plan-relevant parts of the arrival statements: PostgreSQL estimates the claim and the look-up
 * alike for one arrival and for a batch, so it keeps their cached plans instead of planning every
 * call anew, and a batch's look-up stays below the cost at which it would compile the statement (JIT).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { claimAndLookUp, lookUpContacts } from './arrival.repo.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

/** The statement a call sends, with its parameters, not run. */
async function statementOf(call: (db: Queryable) => Promise<unknown>): Promise<{ sql: string; params: readonly unknown[] }> {
  let sent: { sql: string; params: readonly unknown[] } | null = null;
  await call({
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      sent = { sql, params };
      return { rows: [] as Row[], rowCount: 0 };
    },
  });
  return sent!;
}

async function estimatedCost(statement: { sql: string; params: readonly unknown[] }): Promise<number> {
  const { rows } = await t.db.query<{ 'QUERY PLAN': [{ Plan: { 'Total Cost': number } }] | string }>(
    `EXPLAIN (FORMAT JSON) ${statement.sql}`,
    statement.params,
  );
  const plan = rows[0]!['QUERY PLAN'];
  return (typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan: { 'Total Cost': number } }]) : plan)[0].Plan['Total Cost'];
}

function lookUps(arrivals: number) {
  const ids = Array.from({ length: arrivals }, () => newId());
  return {
    emails: ids.map((identityId, index) => ({ identityId, email: `person${index}@posteo.de` })),
    ruleKeys: ids.flatMap((identityId, index) =>
      [`e:person${index}@posteo.de`, `h:x.com/person${index}`].map((key) => ({ identityId, key })),
    ),
    ruleCap: 1,
    blockKeys: ids.flatMap((identityId, index) =>
      [`n:B620P${index}`, `u:person${index}`, `b:berg|${index}`].map((key) => ({ identityId, key })),
    ),
    blockCap: 50,
  };
}

describe('arrival statements', () => {
  it('estimates the claim with its look-ups, and the look-ups alone, alike for one arrival and for a thousand, below the JIT threshold', async () => {
    const ws = await buildWorkspace(t.db);
    const { rows } = await t.db.query<{ threshold: number }>("SELECT current_setting('jit_above_cost')::float8 AS threshold");
    const at = new Date();
    const claims = await Promise.all(
      [1, 1_000].map(async (n) => {
        const wanted = lookUps(n);
        const ids = wanted.emails.map((e) => e.identityId);
        return estimatedCost(await statementOf((db) => claimAndLookUp(db, ws.workspaceId, ids, at, wanted)));
      }),
    );
    const lookUpCosts = await Promise.all(
      [1, 1_000].map(async (n) => estimatedCost(await statementOf((db) => lookUpContacts(db, ws.workspaceId, lookUps(n))))),
    );
    expect(claims[1]).toBe(claims[0]);
    expect(lookUpCosts[1]).toBe(lookUpCosts[0]);
    expect(claims[1]).toBeLessThan(rows[0]!.threshold);
    expect(lookUpCosts[1]).toBeLessThan(rows[0]!.threshold);
  });
});
