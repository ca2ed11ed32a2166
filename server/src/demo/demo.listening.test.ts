import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../platform/testing/test-app.js';
import { seededDemo } from './demo.testing.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('demo listening', () => {
  it('stores every post it hears, refusing none', async () => {
    const ctx = await seededDemo(t.db);
    const count = async (sql: string) =>
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, [ctx.workspaceId])).rows[0]!.n;
    expect(await count('dead_letters WHERE workspace_id = $1')).toBe(0);
    // Every author's post made it, the spam seller's included.
    const authors = await t.db.query<{ display_name: string }>(
      `SELECT DISTINCT i.display_name FROM messages m JOIN social_identities i ON i.id = m.author_identity_id
        WHERE m.workspace_id = $1 AND i.display_name = ANY($2::text[])`,
      [
        ctx.workspaceId,
        ['River Chen', 'Jo Adeyemi', 'Marta Silva', 'Pavel Novak', 'Lena Fischer', 'Omar Haddad', 'Sunita Rao', 'Best Deals 4U'],
      ],
    );
    expect(authors.rows).toHaveLength(8);
    expect(await count('mentions WHERE workspace_id = $1')).toBeGreaterThan(0);
  });
});
