import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.js';
import { openFreshDb } from '../testing/test-db.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../testing/test-app.js';
import { restoreBackup } from './backup.restore.js';
import { writeBackup } from './backup.writer.js';

let t: TestApp;
let fresh: Db;
beforeAll(async () => {
  t = await testApp();
  fresh = await openFreshDb();
});
afterAll(async () => {
  await fresh?.close();
});

async function backup(db: Db, workspaceId: string): Promise<string> {
  let text = '';
  await writeBackup(db, workspaceId, (chunk) => {
    text += chunk;
  });
  return text;
}

async function* linesOf(text: string): AsyncGenerator<string> {
  for (const line of text.split('\n')) yield line;
}

/** A workspace with something in most tables: members, a team, custom fields, companies, contacts, views, imports, events. */
async function populated(): Promise<TestWorkspace> {
  const ws = await buildWorkspace(t.db);
  const post = async (url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: ws.owner.headers, payload });
    expect(response.statusCode, `${url} ${response.body}`).toBeLessThan(300);
    return json<{ id: string }>(response);
  };
  const agent = await ws.member('agent', { recordScope: 'team' });
  const team = await post('/teams', { name: 'Sales', memberIds: [agent.userId] });
  await post('/custom-fields', { entity: 'contact', key: 'score', label: 'Score', type: 'number' });
  const company = await post('/companies', { name: 'Initech', domains: ['initech.example'], tags: ['b2b'] });
  await post('/contacts', {
    firstName: 'Zoë',
    lastName: 'Ünal',
    companyId: company.id,
    teamId: team.id,
    emails: [{ address: 'zoe@initech.example', label: 'work' }],
    tags: ['vip', 'with "quotes"', 'back\\slash'],
    custom: { score: 0.1 + 0.2 },
    importantDates: [{ kind: 'birthday', date: '1990-02-28' }],
  });
  await post('/segments', { name: 'VIPs', entity: 'contact', filters: { tag: ['vip'] }, shared: true });
  const draft = await post('/imports', { format: 'csv', fileName: 'a.csv', content: 'Name,Email\nAl,al@example.com' });
  await post(`/imports/${draft.id}/start`, { allowPartial: false });
  await t.jobs.runDue();
  return ws;
}

describe('workspace backup and restore', () => {
  it('restores a workspace exactly into another database: backing up the copy gives the same file', async () => {
    const ws = await populated();
    const other = await buildWorkspace(t.db);
    const otherContact = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: other.owner.headers,
      payload: { firstName: 'Other' },
    });
    const original = await backup(t.db, ws.workspaceId);

    const lines = original.trim().split('\n');
    const header = JSON.parse(lines[0]!) as { format: string; version: number; workspaceId: string; migrations: string[] };
    expect(header).toMatchObject({ format: 'rapport-backup', version: 1, workspaceId: ws.workspaceId });
    expect(header.migrations).toContain('crm/010-contacts');
    const tables = new Set(lines.slice(1, -1).map((l) => (JSON.parse(l) as { table: string }).table));
    for (const table of [
      'workspaces',
      'users',
      'memberships',
      'teams',
      'team_members',
      'api_tokens',
      'events',
      'contacts',
      'companies',
      'custom_fields',
      'segments',
      'imports',
    ]) {
      expect(tables, table).toContain(table);
    }
    // Derived tables are left out and rebuilt by the restore (checked below).
    expect(tables).not.toContain('contact_tags');
    expect(original).not.toContain(json<{ id: string }>(otherContact).id);
    expect(original).not.toContain(other.owner.email);
    const trailer = JSON.parse(lines.at(-1)!) as { end: boolean; rows: Record<string, number> };
    expect(trailer.rows).toMatchObject({ workspaces: 1, users: 2, contacts: 2, companies: 1 });

    const restored = await restoreBackup(fresh, linesOf(original));
    expect(restored.rows).toEqual(Object.fromEntries(Object.entries(trailer.rows).filter(([, n]) => n > 0)));
    expect(await backup(fresh, ws.workspaceId)).toBe(original);
    const tagsIn = async (db: Db) =>
      (
        await db.query(`SELECT tag, contact_id, created_at, name_key FROM contact_tags WHERE workspace_id = $1 ORDER BY tag`, [
          ws.workspaceId,
        ])
      ).rows;
    expect(await tagsIn(fresh)).toHaveLength(3);
    expect(await tagsIn(fresh)).toEqual(await tagsIn(t.db));

    // Ids are kept and sequences moved past them, so the copy keeps working.
    const event = await fresh.query<{ id: number }>(
      `INSERT INTO events (workspace_id, type, subject_type, subject_id) VALUES ($1, 'test', 'test', 'x') RETURNING id`,
      [ws.workspaceId],
    );
    const highest = Math.max(
      ...lines.filter((l) => l.startsWith('{"table":"events"')).map((l) => (JSON.parse(l) as { row: { id: number } }).row.id),
    );
    expect(event.rows[0]!.id).toBeGreaterThan(highest);
    const search = await fresh.query<{ id: string }>(
      `SELECT id FROM contacts WHERE workspace_id = $1 AND search_vector @@ to_tsquery('simple', 'zoe:*')`,
      [ws.workspaceId],
    );
    expect(search.rows).toHaveLength(1);
  });

  it('refuses to overwrite unless asked, and leaves the database as it was when a backup is damaged', async () => {
    const ws = await buildWorkspace(t.db);
    await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: ws.owner.headers, payload: { firstName: 'Kept' } });
    const original = await backup(t.db, ws.workspaceId);
    await restoreBackup(fresh, linesOf(original));
    await expect(restoreBackup(fresh, linesOf(original))).rejects.toMatchObject({ code: 'workspace_exists', status: 409 });

    await fresh.query(`UPDATE contacts SET first_name = 'Changed' WHERE workspace_id = $1`, [ws.workspaceId]);
    await restoreBackup(fresh, linesOf(original), { replace: true });
    expect(await backup(fresh, ws.workspaceId)).toBe(original);

    const truncated = original.trim().split('\n').slice(0, -1).join('\n');
    await expect(restoreBackup(fresh, linesOf(truncated), { replace: true })).rejects.toMatchObject({ code: 'backup_invalid' });
    const missingRow = original
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('{"table":"contacts"'))
      .join('\n');
    await expect(restoreBackup(fresh, linesOf(missingRow), { replace: true })).rejects.toThrow(/contacts should have 1 rows/);
    expect(await backup(fresh, ws.workspaceId)).toBe(original);

    await expect(restoreBackup(fresh, linesOf('{"hello":"world"}\n'))).rejects.toThrow(/not a Rapport backup/);
    await expect(restoreBackup(fresh, linesOf(''))).rejects.toThrow(/not a Rapport backup/);
    const future = original.replace('"migrations":[', '"migrations":["zzz/999-future",');
    await expect(restoreBackup(fresh, linesOf(future), { replace: true })).rejects.toThrow(/lacks migrations zzz\/999-future/);
  });
});
