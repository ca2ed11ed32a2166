/**
 * Lists sorted by name sort as people read names, on every engine: "émile" among the E's and
 * "Ørjan" among the O's, a lower-case "anna" before "Bo". By code point (PGlite's C collation, a
 * PostgreSQL in C.UTF-8) every accented initial came after Z, and lower case after upper case.
 * Pages read through a cursor keep that order, whichever index serves them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { migrate } from '../../platform/db/migrate.js';
import { buildWorkspace } from '../../platform/testing/test-app.js';
import { openFreshDb, sharedTestDb } from '../../platform/testing/test-db.js';
import { allMigrations } from '../../modules.js';
import { createCompany, listCompanies } from '../companies/company.service.js';
import type { ContactListQuery } from '../contacts/contact.schema.js';
import { createContacts, listContacts, updateContact } from '../contacts/contact.service.js';
import { exportContacts } from '../exports/export.service.js';

const NAMES = ['Zoë', 'émile', 'Øystein', 'Eve', 'Ørjan', 'anna', 'Bo'];
const IN_ORDER = ['anna', 'Bo', 'émile', 'Eve', 'Ørjan', 'Øystein', 'Zoë'];

let db: Db;
beforeAll(async () => {
  db = await sharedTestDb();
});

async function ownerCtx(on: Db = db): Promise<Ctx> {
  const ws = await buildWorkspace(on);
  const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
  return { workspaceId: ws.workspaceId, requestId: 'test', actor, db: on };
}

/** Every page of the list, `limit` names at a time, followed through its cursors. */
async function pagedNames<Row>(
  list: (cursor: string | undefined) => Promise<{ data: Row[]; nextCursor: string | null }>,
  name: (row: Row) => string,
): Promise<string[]> {
  const names: string[] = [];
  for (let cursor: string | undefined; ;) {
    const page = await list(cursor);
    names.push(...page.data.map(name));
    if (!page.nextCursor) return names;
    cursor = page.nextCursor;
  }
}

const contactNames = (ctx: Ctx, query: ContactListQuery) =>
  pagedNames(
    (cursor) => listContacts(ctx, { ...query, limit: 3, cursor }),
    (contact) => contact.displayName,
  );

describe('name order', () => {
  it('sorts contacts with accents, Nordic letters and either case as readers expect, page after page', async () => {
    const ctx = await ownerCtx();
    await createContacts(
      ctx,
      NAMES.map((firstName) => ({ firstName, tags: ['team'] })),
    );
    expect(await contactNames(ctx, { sort: 'name' })).toEqual(IN_ORDER);
    expect(await contactNames(ctx, { sort: '-name' })).toEqual([...IN_ORDER].reverse());
    // A tagged list is read from contact_tags, in the order of its own copy of the key.
    expect(await contactNames(ctx, { tag: ['team'], sort: 'name' })).toEqual(IN_ORDER);
    expect(await contactNames(ctx, { tag: ['team'], sort: '-name' })).toEqual([...IN_ORDER].reverse());

    let exported = '';
    for await (const chunk of await exportContacts(ctx, 'csv', { sort: 'name' })) exported += chunk;
    const positions = IN_ORDER.map((name) => exported.indexOf(`,${name},`));
    expect(
      positions.every((at, i) => at > 0 && (i === 0 || at > positions[i - 1]!)),
      exported,
    ).toBe(true);
  });

  it('keeps a renamed contact in its new place on tagged lists', async () => {
    const ctx = await ownerCtx();
    const [zed] = await createContacts(ctx, [
      { firstName: 'Zed', tags: ['team'] },
      { firstName: 'Eve', tags: ['team'] },
    ]);
    await updateContact(ctx, db, zed!.id, { firstName: 'Éric' });
    expect(await contactNames(ctx, { tag: ['team'], sort: 'name' })).toEqual(['Éric', 'Eve']);
  });

  it('sorts companies so too, page after page', async () => {
    const ctx = await ownerCtx();
    for (const name of NAMES) await createCompany(ctx, db, { name });
    const names = (sort: 'name' | '-name') =>
      pagedNames(
        (cursor) => listCompanies(ctx, { sort, limit: 2, cursor }),
        (company) => company.name,
      );
    expect(await names('name')).toEqual(IN_ORDER);
    expect(await names('-name')).toEqual([...IN_ORDER].reverse());
  });

  it('sorts the contacts a database already holds when the migration runs, tagged lists included', async () => {
    const all = allMigrations();
    const before = await openFreshDb(all.filter((m) => m.id !== 'crm/083-name-order-by-icu'));
    try {
      const ctx = await ownerCtx(before);
      await createContacts(
        ctx,
        NAMES.map((firstName) => ({ firstName, tags: ['team'] })),
      );
      expect(await migrate(before, all)).toEqual(['crm/083-name-order-by-icu']);
      expect(await contactNames(ctx, { sort: 'name' })).toEqual(IN_ORDER);
      expect(await contactNames(ctx, { tag: ['team'], sort: 'name' })).toEqual(IN_ORDER);
      expect(await contactNames(ctx, { tag: ['team'], sort: '-name' })).toEqual([...IN_ORDER].reverse());
    } finally {
      await before.close();
    }
  });
});
