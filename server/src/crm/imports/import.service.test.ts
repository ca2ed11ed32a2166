import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/context.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { importContacts } from './import.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

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
});
