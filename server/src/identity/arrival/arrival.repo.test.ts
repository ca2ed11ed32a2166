/**
 * The plan-relevant parts of the arrival statements: PostgreSQL estimates the claim and the look-up
 * alike for one arrival and for a batch, so it keeps their cached plans instead of planning every
 * call anew, and a batch's look-up stays below the cost at which it would compile the statement (JIT).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { createContacts } from '../../crm/contacts/contact.service.js';
import { systemActor } from '../../platform/context.js';
import { rankedCandidates } from '../keys/contact-keys.js';
import { candidateContacts, claimAndLookUp, lookUpContacts } from './arrival.repo.js';

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

async function estimatedCost(db: Queryable, statement: { sql: string; params: readonly unknown[] }): Promise<number> {
  const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Total Cost': number } }] | string }>(
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
    candidateCap: 50,
  };
}

describe('arrival statements', () => {
  it('estimates the claim with its look-ups, and the look-ups alone, alike for one arrival and for a thousand, below the JIT threshold', async () => {
    const ws = await buildWorkspace(t.db);
    const { rows } = await t.db.query<{ threshold: number }>("SELECT current_setting('jit_above_cost')::float8 AS threshold");
    const at = new Date();
    const claim = async (n: number) => {
      const wanted = lookUps(n);
      const ids = wanted.emails.map((e) => e.identityId);
      return statementOf((db) => claimAndLookUp(db, ws.workspaceId, ids, at, wanted));
    };
    const lookUp = (n: number) => statementOf((db) => lookUpContacts(db, ws.workspaceId, lookUps(n)));
    // The sizes are compared on the same statistics: an ANALYZE finishing between two estimates
    // (a pipeline's, in the background of another test) moved one by 0.1 once. Holding the lock
    // ANALYZE needs keeps any from finishing meanwhile.
    const { claims, lookUpCosts } = await t.db.transaction(async (tx) => {
      await tx.query(
        'LOCK TABLE social_identities, contacts, contact_match_keys, companies, identity_match_models, identity_settings IN SHARE UPDATE EXCLUSIVE MODE',
      );
      return {
        claims: [await estimatedCost(tx, await claim(1)), await estimatedCost(tx, await claim(1_000))],
        lookUpCosts: [await estimatedCost(tx, await lookUp(1)), await estimatedCost(tx, await lookUp(1_000))],
      };
    });
    expect(claims[1]).toBe(claims[0]);
    expect(lookUpCosts[1]).toBe(lookUpCosts[0]);
    expect(claims[1]).toBeLessThan(rows[0]!.threshold);
    expect(lookUpCosts[1]).toBeLessThan(rows[0]!.threshold);
  });

  it('sends the candidates scoring ranks first, whole and at their version, for an identity no rule key finds', async () => {
    const ws = await buildWorkspace(t.db);
    const ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    const contacts = await createContacts(
      ctx,
      Array.from({ length: 60 }, (_, index) => ({ firstName: `Person${index}`, emails: [{ address: `p${index}@posteo.de` }] })),
    );
    const ids = contacts.map((c) => c.id).sort();
    // Shared keys per contact: 1, 2, 3, 2, 1, 0 in runs; a key held by all 60 is too common to count.
    const holders: Record<string, string[]> = {
      'x:all': ids,
      'x:a': ids.slice(0, 40),
      'x:b': ids.slice(20, 50),
      'x:c': ids.slice(30, 55),
    };
    for (const [key, holding] of Object.entries(holders)) {
      await t.db.query('INSERT INTO contact_match_keys (workspace_id, key, contact_id) SELECT $1, $2, unnest($3::uuid[])', [
        ws.workspaceId,
        key,
        holding,
      ]);
    }
    const stranger = newId();
    const known = newId();
    const keys = Object.keys(holders);
    const found = await lookUpContacts(t.db, ws.workspaceId, {
      emails: [{ identityId: known, email: 'p3@posteo.de' }],
      ruleKeys: [],
      ruleCap: 1,
      blockKeys: [stranger, known].flatMap((identityId) => keys.map((key) => ({ identityId, key }))),
      blockCap: 50,
      candidateCap: 50,
    });
    const ranked = rankedCandidates(found.blockHolders, new Map([[stranger, keys]]), 50).get(stranger)!;
    // 55 contacts share a key; the cut falls among those sharing one, by id.
    expect(ranked).toHaveLength(50);
    // Only the stranger's: the known identity's address finds a contact, so a rule decides it.
    expect([...found.candidates.keys()].sort()).toEqual([...ranked].sort());
    const stored = await candidateContacts(
      t.db,
      ws.workspaceId,
      ranked,
      ranked.map(() => null),
    );
    const sent = [...found.candidates].map(([id, { version, contact }]) => [id, { version, contact }]);
    expect(new Map(stored.map((row) => [row.id, { version: row.version, contact: row.contact }]))).toEqual(
      new Map(sent as [string, object][]),
    );
  });

  it('looks up no arrival keys for an identity an address finds, and sends the holders whole when the address has several', async () => {
    const ws = await buildWorkspace(t.db);
    const ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    const [ana, jonas, kai] = await createContacts(ctx, [
      { firstName: 'Ana', lastName: 'Berg', emails: [{ address: 'berg.family@posteo.de' }] },
      { firstName: 'Jonas', lastName: 'Berg', emails: [{ address: 'berg.family@posteo.de' }] },
      { firstName: 'Kai', lastName: 'Berg', emails: [{ address: 'kai@posteo.de' }] },
    ]);
    const namesakes = await createContacts(
      ctx,
      Array.from({ length: 10 }, (_, index) => ({ firstName: `Berg${index}`, emails: [{ address: `b${index}@example.net` }] })),
    );
    await t.db.query("INSERT INTO contact_match_keys (workspace_id, key, contact_id) SELECT $1, 'x:berg', unnest($2::uuid[])", [
      ws.workspaceId,
      namesakes.map((c) => c.id),
    ]);
    const [family, single] = [newId(), newId()];
    const found = await lookUpContacts(t.db, ws.workspaceId, {
      emails: [
        { identityId: family, email: 'berg.family@posteo.de' },
        { identityId: single, email: 'kai@posteo.de' },
      ],
      ruleKeys: [],
      ruleCap: 1,
      blockKeys: [family, single].map((identityId) => ({ identityId, key: 'x:berg' })),
      blockCap: 50,
      candidateCap: 50,
    });
    const byEmail = (identityId: string) => found.byEmail.filter((row) => row.identityId === identityId).map((row) => row.contactId);
    expect(byEmail(family).sort()).toEqual([ana!.id, jonas!.id].sort());
    expect(byEmail(single)).toEqual([kai!.id]);
    expect(found.blockHolders).toEqual([]);
    // Scoring decides between the two holders; one holder is a rule's, and needs no fields.
    expect([...found.candidates.keys()].sort()).toEqual([ana!.id, jonas!.id].sort());
  });
});
