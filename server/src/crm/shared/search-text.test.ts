/**
 * Records are indexed by the words a query is split into: an e-mail address, handle, phone number
 * or domain is found by its parts on the full-text (prefix) path, not only by the typo-tolerant one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { migrate } from '../../platform/db/migrate.js';
import { openFreshDb, sharedTestDb } from '../../platform/testing/test-db.js';
import { buildWorkspace } from '../../platform/testing/test-app.js';
import { allMigrations } from '../../modules.js';
import { createCompany } from '../companies/company.service.js';
import { createContacts, phoneSearchForms } from '../contacts/contact.service.js';
import { searchRecords } from '../search/search.repo.js';
import { searchCondition, searchText, searchWithFallback } from './search-text.js';

let db: Db;
beforeAll(async () => {
  db = await sharedTestDb();
});

async function workspace(): Promise<Ctx> {
  const ws = await buildWorkspace(db);
  return { workspaceId: ws.workspaceId, requestId: 'test', actor: systemActor(), db };
}

/** Names of the records of `table` in the workspace that a prefix search for `q` finds. */
async function prefixMatches(ctx: Ctx, table: 'contacts' | 'companies', q: string): Promise<string[]> {
  const params: unknown[] = [ctx.workspaceId];
  const search = searchCondition('r', q, params, 'prefix')!;
  const name = table === 'contacts' ? 'r.display_name' : 'r.name';
  const { rows } = await db.query<{ name: string }>(
    `SELECT ${name} AS name FROM ${table} r WHERE r.workspace_id = $1 AND ${search.where} ORDER BY 1`,
    params,
  );
  return rows.map((row) => row.name);
}

describe('search text', () => {
  it('is the lower-cased, unaccented words of the record, split where a query is', () => {
    expect(searchText(['Ciarán', "O'Brien", null, 'ciaran.obrien.0@Initech.co', '+33 1 07 05', '@ciaran0@mastodon.social', ''])).toBe(
      'ciaran o brien ciaran obrien 0 initech co 33 1 07 05 ciaran0 mastodon social',
    );
    expect(searchText(['Ж. Иванова', '張 偉'])).toBe('ж иванова 張 偉');
    expect(searchText([' -- ', '@'])).toBe('');
  });

  it('finds a contact by any part of an address, a handle or a phone number on the prefix path', async () => {
    const ctx = await workspace();
    await createContacts(ctx, [
      {
        firstName: 'Ann',
        lastName: 'Other',
        emails: [{ address: 'zed.q7@widgets.io' }],
        phones: [{ number: '+44 20 7946 0958' }],
        socialHandles: [{ network: 'mastodon', handle: '@annie@fosstodon.org' }],
      },
      { firstName: 'Zed', lastName: 'Widget', emails: [{ address: 'zw@example.org' }] },
    ]);
    for (const q of [
      'zed.q7@widgets.io',
      'q7@widg',
      'zed.q7',
      'widgets.io',
      '@annie@fosstodon.org',
      'annie@foss',
      '+44 20 7946',
      'ann other',
    ])
      expect({ q, found: await prefixMatches(ctx, 'contacts', q) }).toEqual({ q, found: ['Ann Other'] });
    expect(await prefixMatches(ctx, 'contacts', 'zed')).toEqual(['Ann Other', 'Zed Widget']);
    expect(await prefixMatches(ctx, 'contacts', 'zed.q8')).toEqual([]);
  });

  it('finds a contact by a phone number as caller ID or a dialer writes it', async () => {
    expect(phoneSearchForms('+1 (415) 555-0100')).toEqual(['14155550100', '4155550100', '04155550100']);
    expect(phoneSearchForms('+44 (0)20 7946 0958')).toEqual(['4402079460958', '442079460958', '2079460958', '02079460958']);
    expect(phoneSearchForms('0049 30 901820')).toEqual(['004930901820', '4930901820', '30901820', '030901820']);
    expect(phoneSearchForms('020 7946 0958')).toEqual(['02079460958']);
    expect(phoneSearchForms('+14155550100')).toEqual(['14155550100']);

    const ctx = await workspace();
    await createContacts(ctx, [
      { firstName: 'Phoebe', lastName: 'Caller', phones: [{ number: '+1 (415) 555-0100' }] },
      { firstName: 'Lon', lastName: 'Don', phones: [{ number: '+44 (0)20 7946 0958' }] },
      { firstName: 'Other', lastName: 'Number', phones: [{ number: '+1 (212) 555-0199' }] },
    ]);
    for (const [q, name] of [
      ['4155550100', 'Phoebe Caller'],
      ['+14155550100', 'Phoebe Caller'],
      ['(415) 555-0100', 'Phoebe Caller'],
      ['555-0100', 'Phoebe Caller'],
      ['02079460958', 'Lon Don'],
      ['+442079460958', 'Lon Don'],
      ['020 7946 0958', 'Lon Don'],
    ]) {
      expect({ q, found: await prefixMatches(ctx, 'contacts', q!) }).toEqual({ q, found: [name] });
      expect({ q, found: (await searchRecords(ctx, q!, 10)).map((r) => r.title) }).toEqual({ q, found: [name] });
    }
  });

  it('finds a company by the words of its domains', async () => {
    const ctx = await workspace();
    await createCompany(ctx, db, { name: 'Globex', domains: ['globex-corp.example.com'] });
    expect(await prefixMatches(ctx, 'companies', 'globex-corp.example')).toEqual(['Globex']);
    expect(await prefixMatches(ctx, 'companies', 'corp')).toEqual(['Globex']);
  });
});

describe('the typo-tolerant fallback', () => {
  const threshold = async (q: { query: Db['query'] }) =>
    (await q.query<{ t: string }>("SELECT current_setting('pg_trgm.word_similarity_threshold') AS t")).rows[0]!.t;

  it('loosens the trigram threshold for its own search only, in a transaction or not', async () => {
    const before = await threshold(db);
    const seen: string[] = [];
    const run = async (mode: string, q: { query: Db['query'] }) => {
      if (mode === 'fuzzy') seen.push(await threshold(q));
      return [] as string[];
    };
    const found = (rows: string[]) => rows.length > 0;
    await searchWithFallback(db, run, found);
    await db.transaction(async (tx) => {
      await searchWithFallback(tx, run, found);
      // What the transaction does after the search is held to the usual threshold.
      seen.push(await threshold(tx));
    });
    expect(seen).toEqual(['0.4', '0.4', before]);
    expect(await threshold(db)).toBe(before);
  });
});

describe('search text migrations (crm/008, crm/014, crm/015)', () => {
  let old: Db;
  let beforePhones: Db;
  afterAll(async () => {
    await old?.close();
    await beforePhones?.close();
  });

  it('add the digit forms of stored phone numbers, as new contacts get them', async () => {
    beforePhones = await openFreshDb(allMigrations().filter((m) => m.id !== 'crm/015-contact-phone-digits'));
    const ws = await buildWorkspace(beforePhones);
    const phones = [{ number: '+44 (0)20 7946 0958' }, { number: '555-0100', label: 'cell' }];
    await beforePhones.query(
      `INSERT INTO contacts (workspace_id, id, first_name, display_name, phones, search_text)
       VALUES ($1, gen_random_uuid(), 'Lon', 'Lon', $2, 'lon 44 0 20 7946 0958 555 0100'),
              ($1, gen_random_uuid(), 'Nophone', 'Nophone', '[]', 'nophone')`,
      [ws.workspaceId, JSON.stringify(phones)],
    );
    expect(await migrate(beforePhones, allMigrations())).toEqual(['crm/015-contact-phone-digits']);
    const { rows } = await beforePhones.query<{ text: string }>(
      'SELECT search_text AS text FROM contacts WHERE workspace_id = $1 ORDER BY 1',
      [ws.workspaceId],
    );
    const written = searchText(['Lon', ...phones.map((p) => p.number), ...phones.flatMap((p) => phoneSearchForms(p.number))]);
    expect(rows.map((row) => row.text.split(' ').sort())).toEqual([written.split(' ').sort(), ['nophone']]);
  });

  it('rewrite search text stored whole as its words', async () => {
    const before = allMigrations().filter((m) => m.id !== 'crm/008-company-search-words' && m.id !== 'crm/014-contact-search-words');
    old = await openFreshDb(before);
    const ws = await buildWorkspace(old);
    await old.query(
      `INSERT INTO contacts (workspace_id, id, first_name, display_name, search_text)
       VALUES ($1, gen_random_uuid(), 'Ann', 'Ann', 'ann zed.q7@widgets.io +44 20 7946'),
              ($1, gen_random_uuid(), 'Ж', 'Ж', 'ж иванова')`,
      [ws.workspaceId],
    );
    await old.query(
      `INSERT INTO companies (workspace_id, id, name, search_text) VALUES ($1, gen_random_uuid(), 'Globex', 'globex globex-corp.example.com')`,
      [ws.workspaceId],
    );
    expect(await migrate(old, allMigrations())).toEqual(['crm/008-company-search-words', 'crm/014-contact-search-words']);
    const contacts = await old.query<{ text: string }>('SELECT search_text AS text FROM contacts WHERE workspace_id = $1 ORDER BY 1', [
      ws.workspaceId,
    ]);
    expect(contacts.rows.map((row) => row.text)).toEqual(['ann zed q7 widgets io 44 20 7946', 'ж иванова']);
    const companies = await old.query<{ text: string }>('SELECT search_text AS text FROM companies WHERE workspace_id = $1', [
      ws.workspaceId,
    ]);
    expect(companies.rows.map((row) => row.text)).toEqual(['globex globex corp example com']);
  });
});
