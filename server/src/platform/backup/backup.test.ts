import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.js';
import { recordEvents } from '../events/event.js';
import { notify } from '../notifications/notification.service.js';
import { openFreshDb } from '../testing/test-db.js';
import { buildTestApp, buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../testing/test-app.js';
import { restoreBackup } from './backup.restore.js';
import { discoverTables } from './backup.tables.js';
import { writeBackup } from './backup.writer.js';

type Server = Pick<TestApp, 'app' | 'db' | 'jobs' | 'deps' | 'close'>;

let t: TestApp;
let fresh: Db;
beforeAll(async () => {
  t = await testApp();
  fresh = await openFreshDb();
});
afterAll(async () => {
  await fresh?.close();
});

/** Another server: an app over a database of its own, whose serial ids start at 1. */
async function freshServer(): Promise<Server> {
  const db = await openFreshDb();
  const built = await buildTestApp({}, db);
  await built.app.ready();
  return {
    ...built,
    db,
    async close() {
      await built.close();
      await db.close();
    },
  };
}

/** Relays every event committed so far, including those of nudges still waiting (a request nudges 30 ms after it). */
async function relayAll(server: Server) {
  await server.deps.relay.flush();
  await new Promise((resolve) => setTimeout(resolve, 60));
  await server.deps.relay.flush();
}

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

/** A backup file to restore from: its lines, as often as the restore reads them. */
const fileOf = (text: string) => () => linesOf(text);

/**
 * A workspace with something in most tables: members, a team, custom fields, companies, contacts,
 * views, imports, events (one a system timeline entry names), jobs, notifications (one read) and
 * dead letters.
 */
async function populated(server: Server = t): Promise<TestWorkspace> {
  const ws = await buildWorkspace(server.db);
  const send = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
    const response = await server.app.inject({ method, url: `/api/v1${url}`, headers: ws.owner.headers, payload });
    expect(response.statusCode, `${url} ${response.body}`).toBeLessThan(300);
    return response.body ? json<{ id: string }>(response) : { id: '' };
  };
  const post = (url: string, payload: object) => send('POST', url, payload);
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
  const lead = await post('/contacts', { firstName: 'Stage', lifecycleStage: 'lead' });
  await send('PATCH', `/contacts/${lead.id}`, { lifecycleStage: 'customer' });
  for (const title of ['Read this', 'Still unread']) {
    await notify(server.db, {
      workspaceId: ws.workspaceId,
      userId: ws.owner.userId,
      kind: 'test',
      title,
      subjectType: 'contact',
      subjectId: lead.id,
    });
  }
  const { rows: read } = await server.db.query<{ id: string }>(
    `SELECT id FROM notifications WHERE workspace_id = $1 AND title = 'Read this'`,
    [ws.workspaceId],
  );
  await post(`/notifications/${read[0]!.id}/read`, {});
  await post('/ingest/files', { format: 'mastodon', content: '{broken\n[1,\n' });
  await server.jobs.runDue();
  await relayAll(server);
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
      'activities',
      'jobs',
      'notifications',
      'dead_letters',
    ]) {
      expect(tables, table).toContain(table);
    }
    // Derived tables are left out and rebuilt by the restore (checked below).
    expect(tables).not.toContain('contact_tags');
    expect(original).not.toContain(json<{ id: string }>(otherContact).id);
    expect(original).not.toContain(other.owner.email);
    const trailer = JSON.parse(lines.at(-1)!) as { end: boolean; rows: Record<string, number> };
    expect(trailer.rows).toMatchObject({ workspaces: 1, users: 2, contacts: 3, companies: 1 });

    const restored = await restoreBackup(fresh, fileOf(original));
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
    await restoreBackup(fresh, fileOf(original));
    await expect(restoreBackup(fresh, fileOf(original))).rejects.toMatchObject({ code: 'workspace_exists', status: 409 });

    await fresh.query(`UPDATE contacts SET first_name = 'Changed' WHERE workspace_id = $1`, [ws.workspaceId]);
    await restoreBackup(fresh, fileOf(original), { replace: true });
    expect(await backup(fresh, ws.workspaceId)).toBe(original);

    const truncated = original.trim().split('\n').slice(0, -1).join('\n');
    await expect(restoreBackup(fresh, fileOf(truncated), { replace: true })).rejects.toMatchObject({ code: 'backup_invalid' });
    const missingRow = original
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('{"table":"contacts"'))
      .join('\n');
    await expect(restoreBackup(fresh, fileOf(missingRow), { replace: true })).rejects.toThrow(/contacts should have 1 rows/);
    expect(await backup(fresh, ws.workspaceId)).toBe(original);

    await expect(restoreBackup(fresh, fileOf('{"hello":"world"}\n'))).rejects.toThrow(/not a Rapport backup/);
    await expect(restoreBackup(fresh, fileOf(''))).rejects.toThrow(/not a Rapport backup/);
    const future = original.replace('"migrations":[', '"migrations":["zzz/999-future",');
    await expect(restoreBackup(fresh, fileOf(future), { replace: true })).rejects.toThrow(/lacks migrations zzz\/999-future/);
  });
});

/** Rows per workspace table of one workspace. */
async function rowCounts(db: Db, workspaceId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of (await discoverTables(db)).workspaceTables) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table.name}" WHERE workspace_id = $1`, [workspaceId]);
    counts[table.name] = rows[0]!.n;
  }
  return counts;
}

/** The serial ids of one table in a backup file, lowest first. */
const idsIn = (file: string, table: string) =>
  file
    .split('\n')
    .filter((l) => l.startsWith(`{"table":"${table}","row":{"id": `))
    .map((l) => Number(/"id": (\d+)/.exec(l)![1]))
    .sort((a, b) => a - b);

/**
 * The backup a restore that numbered events and jobs anew should give: the same file with each old
 * id replaced by the new one of the same rank, wherever it is held (the rows' own ids, system
 * timeline entries naming their event).
 */
function renumbered(file: string, newIds: { events: number[]; jobs: number[] }): string {
  const mapping = (table: 'events' | 'jobs') => new Map(idsIn(file, table).map((old, i) => [String(old), String(newIds[table][i])]));
  const events = mapping('events');
  const jobs = mapping('jobs');
  return file
    .split('\n')
    .map((line) => {
      const own = /^\{"table":"(events|jobs)","row":\{"id": (\d+)/.exec(line);
      if (own) return line.replace(`"id": ${own[2]}`, `"id": ${(own[1] === 'events' ? events : jobs).get(own[2]!)}`);
      if (line.startsWith('{"table":"activities"'))
        return line.replace(/"eventId": "(\d+)"/, (_, id: string) => `"eventId": "${events.get(id)}"`);
      return line;
    })
    .join('\n');
}

async function serialIds(db: Db, workspaceId: string) {
  const ids = async (table: string) =>
    (await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE workspace_id = $1 ORDER BY id`, [workspaceId])).rows.map((r) =>
      Number(r.id),
    );
  return { events: await ids('events'), jobs: await ids('jobs') };
}

describe('restoring a workspace into a database that holds another', () => {
  let source: Server;
  let target: Server;
  beforeAll(async () => {
    source = await freshServer();
    target = await freshServer();
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('gives events and jobs new ids where theirs are taken, rewrites what refers to them, and leaves the other workspace alone', async () => {
    const moved = await populated(source);
    // Committed but not yet relayed when the backup is made: relayed once, by the server it is restored to.
    await recordEvents(source.db, [
      {
        workspaceId: moved.workspaceId,
        type: 'backup.pending',
        subjectType: 'workspace',
        subjectId: moved.workspaceId,
        actorId: null,
        data: {},
      },
    ]);
    const original = await backup(source.db, moved.workspaceId);
    const sourceCounts = await rowCounts(source.db, moved.workspaceId);
    for (const table of ['events', 'jobs', 'notifications', 'dead_letters', 'activities'])
      expect(sourceCounts[table], table).toBeGreaterThan(0);

    const staying = await populated(target);
    const stayingFile = await backup(target.db, staying.workspaceId);
    const stayingCounts = await rowCounts(target.db, staying.workspaceId);
    // Both servers numbered from 1: the moved workspace's ids are taken here.
    expect(idsIn(stayingFile, 'events')).toContain(idsIn(original, 'events')[0]);
    expect(idsIn(stayingFile, 'jobs')).toContain(idsIn(original, 'jobs')[0]);

    const restored = await restoreBackup(target.db, fileOf(original));
    expect(restored.renumbered).toEqual({ 'events.id': idsIn(original, 'events').length, 'jobs.id': idsIn(original, 'jobs').length });

    // The workspace already here is as it was, row for row.
    expect(await backup(target.db, staying.workspaceId)).toBe(stayingFile);
    expect(await rowCounts(target.db, staying.workspaceId)).toEqual(stayingCounts);
    // The restored one has every row, and differs from the backup only in its new, ordered ids.
    expect(await rowCounts(target.db, moved.workspaceId)).toEqual(sourceCounts);
    const newIds = await serialIds(target.db, moved.workspaceId);
    expect(Math.min(...newIds.events)).toBeGreaterThan(Math.max(...idsIn(stayingFile, 'events')));
    expect(await backup(target.db, moved.workspaceId)).toBe(renumbered(original, newIds));

    // The timeline entry names the stage change it came from by its new id.
    const { rows: entries } = await target.db.query<{ workspace_id: string; type: string; subject_id: string; contact_id: string }>(
      `SELECT e.workspace_id, e.type, e.subject_id, a.contact_id FROM activities a JOIN events e ON e.id = (a.data->>'eventId')::bigint
        WHERE a.workspace_id = $1 AND a.type = 'system'`,
      [moved.workspaceId],
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      workspace_id: moved.workspaceId,
      type: 'contact.stage_changed',
      subject_id: entries[0]!.contact_id,
    });

    // The restored workspace works here as it did there: its tokens sign in, notifications stay read or unread,
    // jobs are due when they were, the pending event is relayed once and the relayed ones are not.
    const notifications = await target.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: moved.owner.headers });
    const mine = json<{ unread: number; data: { title: string; readAt: string | null }[] }>(notifications);
    expect(mine.unread).toBe(1);
    expect(mine.data.map((n) => [n.title, n.readAt !== null]).sort()).toEqual([
      ['Read this', true],
      ['Still unread', false],
    ]);
    const published: string[] = [];
    const unsubscribe = target.deps.bus.subscribe('*', (event) => {
      published.push(`${event.workspaceId} ${event.type}`);
    });
    await target.deps.relay.flush();
    unsubscribe();
    expect(published).toEqual([`${moved.workspaceId} backup.pending`]);
    const contact = json<{ id: string }>(
      await target.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: moved.owner.headers,
        payload: { firstName: 'New', lifecycleStage: 'lead' },
      }),
    );
    await target.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${contact.id}`,
      headers: moved.owner.headers,
      payload: { lifecycleStage: 'customer' },
    });
    await relayAll(target);
    const system = await target.db.query(`SELECT 1 FROM activities WHERE workspace_id = $1 AND type = 'system'`, [moved.workspaceId]);
    expect(system.rows).toHaveLength(2);
  });

  it('replaces a workspace in a database that holds another, and refuses what would clash without writing anything', async () => {
    const moved = await populated(source);
    const original = await backup(source.db, moved.workspaceId);
    const staying = await populated(target);
    await restoreBackup(target.db, fileOf(original));
    const stayingFile = await backup(target.db, staying.workspaceId);

    await target.db.query(`UPDATE contacts SET first_name = 'Changed' WHERE workspace_id = $1`, [moved.workspaceId]);
    await expect(restoreBackup(target.db, fileOf(original))).rejects.toMatchObject({ code: 'workspace_exists', status: 409 });
    await restoreBackup(target.db, fileOf(original), { replace: true });
    const copy = await backup(target.db, moved.workspaceId);
    expect(copy).toBe(renumbered(original, await serialIds(target.db, moved.workspaceId)));
    expect(await backup(target.db, staying.workspaceId)).toBe(stayingFile);

    // A member whose e-mail belongs to someone else here: refused, and nothing of the restore is left.
    const clash = original.replaceAll(moved.owner.email, staying.owner.email);
    await expect(restoreBackup(target.db, fileOf(clash), { replace: true })).rejects.toThrow(/exist in this database under other ids/);
    expect(await backup(target.db, moved.workspaceId)).toBe(copy);
    expect(await backup(target.db, staying.workspaceId)).toBe(stayingFile);
  });

  it('rewrites a serial id held in a foreign key or in a column whose comment says so', async () => {
    for (const server of [source, target]) {
      await server.db.exec(`
        CREATE TABLE test_event_marks (
          workspace_id uuid NOT NULL, id uuid PRIMARY KEY, event_id bigint REFERENCES events (id), last_event_id bigint, note jsonb);
        COMMENT ON COLUMN test_event_marks.last_event_id IS 'refers: events.id';
        COMMENT ON COLUMN test_event_marks.note IS 'refers: lastEvent -> events.id';
        CREATE TABLE test_runs (id bigserial PRIMARY KEY, workspace_id uuid NOT NULL, job_id bigint REFERENCES jobs (id));`);
    }
    const moved = await populated(source);
    const staying = await populated(target);
    const [first, second] = (await serialIds(source.db, moved.workspaceId)).events;
    const job = (await serialIds(source.db, moved.workspaceId)).jobs[0]!;
    await source.db.query(
      `INSERT INTO test_event_marks VALUES ($1, gen_random_uuid(), $2, $3, jsonb_build_object('lastEvent', $4::text, 'count', 2)),
                                           ($1, gen_random_uuid(), NULL, 999999, '{"lastEvent": 999999}')`,
      [moved.workspaceId, first, second, String(second)],
    );
    await source.db.query(`INSERT INTO test_runs (workspace_id, job_id) VALUES ($1, $2)`, [moved.workspaceId, job]);
    await target.db.query(`INSERT INTO test_runs (workspace_id) VALUES ($1)`, [staying.workspaceId]);
    const original = await backup(source.db, moved.workspaceId);

    const restored = await restoreBackup(target.db, fileOf(original));
    expect(restored.renumbered).toMatchObject({ 'events.id': expect.any(Number), 'test_runs.id': 1 });
    const ids = await serialIds(target.db, moved.workspaceId);
    const { rows: marks } = await target.db.query<{ event_id: string | null; last_event_id: string; note: object }>(
      `SELECT event_id::text, last_event_id::text, note FROM test_event_marks WHERE workspace_id = $1 ORDER BY event_id NULLS LAST`,
      [moved.workspaceId],
    );
    expect(marks).toEqual([
      { event_id: String(ids.events[0]), last_event_id: String(ids.events[1]), note: { lastEvent: String(ids.events[1]), count: 2 } },
      // Ids the backup does not hold are left as they are.
      { event_id: null, last_event_id: '999999', note: { lastEvent: 999999 } },
    ]);
    // Its own serial id was taken by the other workspace's run: it gets the next one.
    const { rows: runs } = await target.db.query<{ id: string; job_id: string }>(
      `SELECT id::text, job_id::text FROM test_runs WHERE workspace_id = $1`,
      [moved.workspaceId],
    );
    expect(runs).toEqual([{ id: '2', job_id: String(ids.jobs[0]) }]);
  });
});
