/**
 * `contact_tags` holds every tag of every contact in list order, kept by triggers: whatever writes
 * contacts (creates, updates, renames, deletes, bulk inserts) leaves it equal to what the contacts
 * say, and tagged lists read through it give the pages a list of the contacts themselves gives.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { migrate } from '../../platform/db/migrate.js';
import { nameKey } from '../../platform/db/name-order.js';
import { openFreshDb, sharedTestDb } from '../../platform/testing/test-db.js';
import { allMigrations } from '../../modules.js';
import { buildWorkspace } from '../../platform/testing/test-app.js';
import type { ContactListQuery, ContactSort } from './contact.schema.js';
import { createCompany, listCompanies } from '../companies/company.service.js';
import { tagKey } from '../shared/tags.js';
import { createContact, createContacts, deleteContact, listContacts, updateContact } from './contact.service.js';

let db: Db;
beforeAll(async () => {
  db = await sharedTestDb();
});

async function ownerCtx(): Promise<Ctx & { ws: Awaited<ReturnType<typeof buildWorkspace>> }> {
  const ws = await buildWorkspace(db);
  const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
  return { workspaceId: ws.workspaceId, requestId: 'test', actor, db, ws };
}

/** The table's rows against the rows the workspace's contacts imply. */
async function tagRows(workspaceId: string, on: Db = db) {
  const stored = await on.query<{ row: string }>(
    `SELECT concat_ws('|', tag, contact_id, created_at, name_key) AS row FROM contact_tags WHERE workspace_id = $1 ORDER BY 1`,
    [workspaceId],
  );
  const implied = await on.query<{ row: string }>(
    `SELECT DISTINCT concat_ws('|', t.tag, c.id, c.created_at, ${nameKey('c.display_name')}) AS row
       FROM contacts c CROSS JOIN LATERAL unnest(c.tags) AS t(tag) WHERE c.workspace_id = $1 ORDER BY 1`,
    [workspaceId],
  );
  return { stored: stored.rows.map((r) => r.row), implied: implied.rows.map((r) => r.row) };
}

describe('contact tags', () => {
  it('follow every write to contacts', async () => {
    const ctx = await ownerCtx();
    const ada = await createContact(ctx, { firstName: 'Ada', lastName: 'Lovelace', tags: ['vip', 'partner'] });
    const [bob, cy] = await createContacts(ctx, [
      { firstName: 'Bob', tags: ['vip'] },
      { firstName: 'Cy', tags: ['smb', 'smb-2'] },
    ]);
    await createContact(ctx, { firstName: 'Untagged' });
    let rows = await tagRows(ctx.workspaceId);
    expect(rows.stored).toHaveLength(5);
    expect(rows.stored).toEqual(rows.implied);

    await updateContact(ctx, db, ada.id, { tags: ['partner', 'newsletter'] });
    await updateContact(ctx, db, bob!.id, { firstName: 'Robert' });
    await updateContact(ctx, db, cy!.id, { title: 'CTO' });
    rows = await tagRows(ctx.workspaceId);
    expect(rows.stored).toEqual(rows.implied);
    expect(rows.stored.filter((r) => r.startsWith('vip|'))).toEqual([expect.stringContaining('|robert')]);

    // Straight SQL too: the triggers, not the service, keep the table.
    await db.query(`UPDATE contacts SET tags = '{}' WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, cy!.id]);
    await db.query(`UPDATE contacts SET created_at = created_at - interval '1 day' WHERE workspace_id = $1`, [ctx.workspaceId]);
    await deleteContact(ctx, db, bob!.id);
    rows = await tagRows(ctx.workspaceId);
    expect(rows.stored).toEqual(rows.implied);
    expect(rows.stored).toHaveLength(2);

    await db.query(`DELETE FROM contacts WHERE workspace_id = $1`, [ctx.workspaceId]);
    expect((await tagRows(ctx.workspaceId)).stored).toEqual([]);
  });

  it('serve tagged pages in the order a list of the contacts gives, filters and record scope included', async () => {
    const ctx = await ownerCtx();
    const agent = await ctx.ws.member('agent', { recordScope: 'own' });
    const tags = ['red', 'green', 'blue'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Names that repeat (ties broken by id) and differ only in case, spread over a year.
    const created = await createContacts(
      ctx,
      Array.from({ length: 90 }, (_, i) => ({
        firstName: ['ann', 'Ann', 'Bea', 'cal', 'Dee'][i % 5]!,
        lastName: String(Math.floor(next() * 4)),
        tags: tags.filter(() => next() < 0.45),
        lifecycleStage: next() < 0.5 ? ('customer' as const) : ('lead' as const),
        ownerId: next() < 0.3 ? agent.userId : undefined,
      })),
    );
    for (const [i, contact] of created.entries()) {
      await db.query(`UPDATE contacts SET created_at = now() - make_interval(hours => $3) WHERE workspace_id = $1 AND id = $2`, [
        ctx.workspaceId,
        contact.id,
        Math.floor(next() * 40) * 24 + (i % 3),
      ]);
    }
    const agentCtx = {
      ...ctx,
      actor: { kind: 'user' as const, userId: agent.userId, role: 'agent' as const, recordScope: 'own' as const, teamIds: [] },
    };

    const pages = async (c: Ctx, query: ContactListQuery) => {
      const ids: string[] = [];
      for (let cursor: string | undefined; ;) {
        const page = await listContacts(c, { ...query, limit: 7, cursor });
        ids.push(...page.data.map((row) => row.id));
        if (!page.nextCursor) return ids;
        cursor = page.nextCursor;
      }
    };
    // The expected order, from the contacts as stored.
    const expected = async (c: Ctx, query: ContactListQuery) => {
      const sort = query.sort ?? 'name';
      const key = sort.replace('-', '') === 'name' ? nameKey('display_name') : 'created_at';
      const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
      const { rows } = await db.query<{ id: string }>(
        `SELECT id FROM contacts WHERE workspace_id = $1 AND tags @> $2::text[] AND ($3::text IS NULL OR lifecycle_stage = $3)
            AND ($4::uuid IS NULL OR owner_id = $4) ORDER BY ${key} ${direction}, id ${direction}`,
        [
          c.workspaceId,
          query.tag,
          query.stage?.[0] ?? null,
          c.actor.kind === 'user' && c.actor.recordScope === 'own' ? c.actor.userId : null,
        ],
      );
      return rows.map((row) => row.id);
    };
    const sorts: ContactSort[] = ['name', '-name', 'createdAt', '-createdAt'];
    for (const sort of sorts) {
      for (const query of [{ tag: ['red'] }, { tag: ['green', 'blue'] }, { tag: ['blue'], stage: ['customer' as const] }]) {
        const want = await expected(ctx, { ...query, sort });
        expect(want.length, `${sort} ${JSON.stringify(query)}`).toBeGreaterThan(7);
        expect(await pages(ctx, { ...query, sort }), `${sort} ${JSON.stringify(query)}`).toEqual(want);
      }
      const own = await expected(agentCtx, { tag: ['red'], sort });
      expect(own.length).toBeGreaterThan(0);
      expect(await pages(agentCtx, { tag: ['red'], sort })).toEqual(own);
    }
    expect(await pages(ctx, { tag: ['no-such-tag'], sort: '-createdAt' })).toEqual([]);
  });

  it('are filled from the contacts a database already holds when the migration runs', async () => {
    const all = allMigrations();
    const before = await openFreshDb(
      all.slice(
        0,
        all.findIndex((m) => m.id === 'crm/013-contact-tags'),
      ),
    );
    try {
      const workspaceId = randomUUID();
      await before.query(
        `INSERT INTO contacts (workspace_id, id, display_name, tags, created_at)
         SELECT $1, gen_random_uuid(), 'Person ' || g, CASE WHEN g % 3 = 0 THEN '{}' ELSE ARRAY['t' || (g % 4), 'all', 'all'] END,
                now() - make_interval(mins => g)
           FROM generate_series(1, 40) g`,
        [workspaceId],
      );
      await migrate(before, all);
      const rows = await tagRows(workspaceId, before);
      // 27 tagged contacts, each with 'all' once (the duplicate dropped) and one of t1-t3 or t0.
      expect(rows.stored).toHaveLength(54);
      expect(rows.stored).toEqual(rows.implied);
    } finally {
      await before.close();
    }
  });

  it('are one tag whatever their case, for filters of contacts and companies', async () => {
    const ctx = await ownerCtx();
    const [vip, both, none] = await createContacts(ctx, [
      { firstName: 'Vee', tags: ['VIP'] },
      { firstName: 'Bo', tags: ['vip', 'Beta', 'BETA'] },
      { firstName: 'Nora', tags: ['beta'] },
    ]);
    expect(both!.tags).toEqual(['vip', 'Beta']);
    const names = async (query: ContactListQuery) => (await listContacts(ctx, query)).data.map((c) => c.firstName).sort();
    for (const sort of ['name', '-createdAt', 'updatedAt'] as const) {
      expect(await names({ tag: ['vip'], sort })).toEqual(['Bo', 'Vee']);
      expect(await names({ tag: ['Vip'], sort })).toEqual(['Bo', 'Vee']);
      expect(await names({ tag: ['VIP', 'beta'], sort })).toEqual(['Bo']);
    }
    expect(await names({ tag: ['BETA'], q: 'nora' })).toEqual(['Nora']);
    expect(none!.tags).toEqual(['beta']);
    const changed = await updateContact(ctx, db, vip!.id, { tags: ['VIP', 'vip', 'Partner'] });
    expect(changed.tags).toEqual(['VIP', 'Partner']);
    const rows = await tagRows(ctx.workspaceId);
    expect(rows.stored).toEqual(rows.implied.map((row) => row.replace(/^[^|]+/, (tag) => tag.toLowerCase())).sort());

    await createCompany(ctx, db, { name: 'Keyco', tags: ['Key', 'KEY', 'b2b'] });
    await createCompany(ctx, db, { name: 'Other', tags: ['other'] });
    const companies = await listCompanies(ctx, { tag: ['key', 'B2B'] });
    expect(companies.data.map((c) => [c.name, c.tags])).toEqual([['Keyco', ['Key', 'b2b']]]);
  });

  it('fold the case of every script alike in the database and in JavaScript', async () => {
    const words = ['Éclair', 'éclair', 'ÄRGER', 'ärger', 'İstanbul', 'ISTANBUL', 'ıi', 'ΣΊΣΥΦΟΣ', 'σίσυφος', 'ẞ', 'ǅ', 'ПРИВЕТ', 'Ⅻ'];
    const { rows } = await db.query<{ key: string }>(
      'SELECT tag_key(w) AS key FROM unnest($1::text[]) WITH ORDINALITY AS u(w, n) ORDER BY n',
      [words],
    );
    expect(rows.map((r) => r.key)).toEqual(words.map(tagKey));
    expect(words.map(tagKey)).toEqual([
      'éclair',
      'éclair',
      'ärger',
      'ärger',
      'istanbul',
      'istanbul',
      'ıi',
      'σίσυφος',
      'σίσυφος',
      'ß',
      'ǆ',
      'привет',
      'ⅻ',
    ]);

    const ctx = await ownerCtx();
    const [all, lower] = await createContacts(ctx, [
      { firstName: 'All', tags: ['Éclair', 'éclair', 'ÄRGER', 'ärger', 'İstanbul', 'istanbul', 'ΣΊΣΥΦΟΣ', 'σίσυφος'] },
      { firstName: 'Lower', tags: ['éclair', 'istanbul', 'σίσυφος'] },
    ]);
    expect(all!.tags).toEqual(['Éclair', 'ÄRGER', 'İstanbul', 'ΣΊΣΥΦΟΣ']);
    expect(lower!.tags).toEqual(['éclair', 'istanbul', 'σίσυφος']);
    const names = async (query: ContactListQuery) => (await listContacts(ctx, query)).data.map((c) => c.firstName).sort();
    for (const tag of ['ÉCLAIR', 'İSTANBUL', 'istanbul', 'ΣΊΣΥΦΟΣ', 'σίσυφος']) {
      // Through contact_tags (one tag) and through the index on the keys (a search narrows first).
      expect(await names({ tag: [tag], sort: 'name' }), tag).toEqual(['All', 'Lower']);
      expect(await names({ tag: [tag], q: 'all' }), tag).toEqual(['All']);
    }
    expect(await names({ tag: ['ärger'], sort: 'name' })).toEqual(['All']);
    await createCompany(ctx, db, { name: 'Şirket', tags: ['İZMİR', 'izmir'] });
    const companies = await listCompanies(ctx, { tag: ['izmir'] });
    expect(companies.data.map((c) => [c.name, c.tags])).toEqual([['Şirket', ['İZMİR']]]);
  });

  it('are keyed again, and lose the duplicates the new keys reveal, when the ICU migration runs', async () => {
    const all = allMigrations();
    const later = ['crm/081-tag-keys-by-icu', 'crm/083-name-order-by-icu'];
    const before = await openFreshDb(all.filter((m) => !later.includes(m.id)));
    try {
      const ws = await buildWorkspace(before);
      await before.query(
        `INSERT INTO contacts (workspace_id, id, display_name, tags)
         VALUES ($1, gen_random_uuid(), 'Both', '{ΣΊΣΥΦΟΣ,σίσυφος,vip}'), ($1, gen_random_uuid(), 'Final', '{σίσυφος}')`,
        [ws.workspaceId],
      );
      expect(await migrate(before, all)).toEqual(later);
      const contacts = await before.query<{ name: string; tags: string[] }>(
        'SELECT display_name AS name, tags FROM contacts WHERE workspace_id = $1 ORDER BY 1',
        [ws.workspaceId],
      );
      expect(contacts.rows).toEqual([
        { name: 'Both', tags: ['ΣΊΣΥΦΟΣ', 'vip'] },
        { name: 'Final', tags: ['σίσυφος'] },
      ]);
      const rows = await tagRows(ws.workspaceId, before);
      expect(rows.stored.map((row) => row.split('|')[0])).toEqual(['vip', 'σίσυφος', 'σίσυφος']);
      const ctx = { workspaceId: ws.workspaceId, requestId: 'test', actor: systemActor(), db: before };
      expect((await listContacts(ctx, { tag: ['ΣΊΣΥΦΟΣ'], sort: 'name' })).data.map((c) => c.displayName)).toEqual(['Both', 'Final']);
      // A second tag is tested against the index on the keys, which was rebuilt.
      expect((await listContacts(ctx, { tag: ['VIP', 'σίσυφος'] })).data.map((c) => c.displayName)).toEqual(['Both']);
    } finally {
      await before.close();
    }
  });

  it('lose their case duplicates and keep their first spelling when the migration runs', async () => {
    const all = allMigrations();
    const later = ['crm/080-case-insensitive-tags', 'crm/081-tag-keys-by-icu', 'crm/083-name-order-by-icu'];
    const before = await openFreshDb(all.filter((m) => !later.includes(m.id)));
    try {
      const ws = await buildWorkspace(before);
      await before.query(
        `INSERT INTO contacts (workspace_id, id, display_name, tags)
         VALUES ($1, gen_random_uuid(), 'Both', '{VIP,beta,vip,Beta}'), ($1, gen_random_uuid(), 'Upper', '{VIP}'),
                ($1, gen_random_uuid(), 'Lower', '{vip}')`,
        [ws.workspaceId],
      );
      await before.query(`INSERT INTO companies (workspace_id, id, name, tags) VALUES ($1, gen_random_uuid(), 'Keyco', '{Key,KEY,key}')`, [
        ws.workspaceId,
      ]);
      expect(await migrate(before, all)).toEqual(later);
      const contacts = await before.query<{ name: string; tags: string[] }>(
        'SELECT display_name AS name, tags FROM contacts WHERE workspace_id = $1 ORDER BY 1',
        [ws.workspaceId],
      );
      expect(contacts.rows).toEqual([
        { name: 'Both', tags: ['VIP', 'beta'] },
        { name: 'Lower', tags: ['vip'] },
        { name: 'Upper', tags: ['VIP'] },
      ]);
      const companies = await before.query<{ tags: string[] }>('SELECT tags FROM companies WHERE workspace_id = $1', [ws.workspaceId]);
      expect(companies.rows).toEqual([{ tags: ['Key'] }]);
      const rows = await tagRows(ws.workspaceId, before);
      expect(rows.stored).toEqual(rows.implied.map((row) => row.replace(/^[^|]+/, (tag) => tag.toLowerCase())).sort());
      expect(rows.stored.map((row) => row.split('|')[0])).toEqual(['beta', 'vip', 'vip', 'vip']);
      const ctx = { workspaceId: ws.workspaceId, requestId: 'test', actor: systemActor(), db: before };
      expect((await listContacts(ctx, { tag: ['Vip'], sort: 'name' })).data.map((c) => c.displayName)).toEqual(['Both', 'Lower', 'Upper']);
    } finally {
      await before.close();
    }
  });
});
