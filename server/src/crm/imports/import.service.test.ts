import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { importContacts } from './import.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

/** The database, noting each statement sent inside its transactions (COPY goes to the real one). */
function noting(db: Db, statements: string[]): Db {
  const real = new WeakMap<Queryable, Queryable>();
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    copyCsv: (table, columns, csv, tx) => db.copyCsv(table, columns, csv, tx && real.get(tx)),
    transaction: (work) =>
      db.transaction((tx) => {
        const noted: Queryable = {
          query: (sql, params) => {
            statements.push(sql);
            return tx.query(sql, params);
          },
        };
        real.set(noted, tx);
        return work(noted);
      }),
  };
}

describe('importContacts (the direct call the CLI and the benchmark use)', () => {
  it('writes in batches, reports progress between them, and commits the outcome with the rows', async () => {
    const ws = await buildWorkspace(t.db);
    const ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    const rows = Array.from({ length: 6000 }, (_, i) =>
      i === 10
        ? 'Broken,not-an-email,Co'
        : i === 20
          ? '"Zed ""Q"" Back\\slash",z@example.com,"Co, ""Ltd"""'
          : `Person ${i},p${i}@example.com,Co ${i % 3}`,
    );
    const progress: [number, number][] = [];
    const finished: string[] = [];
    const report = await importContacts(ctx, t.db, {
      format: 'csv',
      content: ['Name,Email,Company', ...rows].join('\n'),
      mapping: { Name: 'fullName', Email: 'email', Company: 'company' },
      allowPartial: true,
      onProgress: async (processed, total) => void progress.push([processed, total]),
      onFinish: async (_db, outcome) => void finished.push(outcome.status),
    });
    expect(report).toEqual({
      status: 'done',
      total: 6000,
      processed: 6000,
      imported: 5999,
      rejected: 1,
      companiesCreated: 4,
      errors: [{ row: 12, field: 'Email', reason: 'is not a valid e-mail address' }],
      skipped: [],
    });
    expect(progress).toEqual([
      [5001, 6000],
      [6000, 6000],
    ]);
    expect(finished).toEqual(['done']);
    const { rows: counted } = await t.db.query<{ n: number; owners: number }>(
      'SELECT count(*)::int AS n, count(owner_id)::int AS owners FROM contacts WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(counted[0]).toEqual({ n: 5999, owners: 0 });
    // Quotes, commas and backslashes survive the bulk write (COPY on PostgreSQL).
    const { rows: zed } = await t.db.query<{ first_name: string; last_name: string; name: string }>(
      `SELECT c.first_name, c.last_name, co.name FROM contacts c
         JOIN companies co ON co.workspace_id = c.workspace_id AND co.id = c.company_id
        WHERE c.workspace_id = $1 AND c.emails @> '[{"address": "z@example.com"}]'`,
      [ws.workspaceId],
    );
    expect(zed).toEqual([{ first_name: 'Zed "Q"', last_name: 'Back\\slash', name: 'Co, "Ltd"' }]);
  });

  it("writes each imported note's activity.created event with its batch: one statement a batch, in the import's transaction", async () => {
    const ws = await buildWorkspace(t.db);
    const ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    const file = (rows: number) =>
      ['Name,Email,Notes', ...Array.from({ length: rows }, (_, i) => `Person ${i},p${i}@example.com,Note ${i}`)].join('\n');
    const mapping = { Name: 'fullName', Email: 'email', Notes: 'note' };
    const count = async () => {
      const { rows: counted } = await t.db.query<{ notes: number; events: number; bodies: number }>(
        `SELECT (SELECT count(*)::int FROM activities WHERE workspace_id = $1 AND type = 'note') AS notes,
                count(*)::int AS events,
                count(DISTINCT e.data->'after'->>'body')::int AS bodies
           FROM events e WHERE e.workspace_id = $1 AND e.type = 'activity.created'
            AND e.subject_id IN (SELECT id::text FROM activities WHERE workspace_id = $1)`,
        [ws.workspaceId],
      );
      return counted[0];
    };

    // A failure before the import commits takes the notes and their events with it.
    const failing = importContacts(ctx, t.db, {
      format: 'csv',
      content: file(3),
      mapping,
      allowPartial: false,
      onFinish: () => Promise.reject(new Error('disk full')),
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await count()).toEqual({ notes: 0, events: 0, bodies: 0 });

    const statements: string[] = [];
    const report = await importContacts(ctx, noting(t.db, statements), {
      format: 'csv',
      content: file(5001),
      mapping,
      allowPartial: false,
    });
    expect(report).toMatchObject({ status: 'done', imported: 5001 });
    expect(await count()).toEqual({ notes: 5001, events: 5001, bodies: 5001 });
    expect(statements.filter((sql) => sql.includes("'activity.created'"))).toHaveLength(2);
  });
});
