/**
 * One search text selects the same records wherever it is applied: the list, a saved view's count
 * and its contacts, and the CSV and JSON exports. The list takes the records matching the words as
 * prefixes when there are any and the typo-tolerant matches only when there are none; a count or an
 * export filtering its own way showed other records next to it.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { get, post } from '../testing/crm-api.js';

type Entity = 'contact' | 'company';
const LIST = { contact: '/contacts', company: '/companies' } as const;
const EXPORT = { contact: '/exports/contacts', company: '/exports/companies' } as const;

const sorted = (ids: string[]) => [...ids].sort();
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function ok(ws: TestWorkspace, url: string) {
  const response = await get(ws, url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response;
}

/** The ids of every page of a list or a view's contacts, following the cursor. */
async function allPages(ws: TestWorkspace, url: string, params: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: { id: string }[]; nextCursor: string | null } = json(
      await ok(ws, `${url}?${query({ ...params, ...(cursor ? { cursor } : {}) })}`),
    );
    ids.push(...page.data.map((record) => record.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** What each place shows for `filters` (q and the others): the ids, each set sorted. */
async function everywhere(ws: TestWorkspace, entity: Entity, filters: Record<string, string>) {
  // A saved view keeps a list filter's values as the list's query reads them: stages as a list.
  const segmentFilters = Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, key === 'stage' ? [value] : value]));
  const view = await post(ws, '/segments', { name: `${entity} ${query(filters)}`, entity, filters: segmentFilters });
  const csv = parse((await ok(ws, `${EXPORT[entity]}?${query(filters)}`)).body, { bom: true, columns: true }) as { id: string }[];
  const shown = {
    list: sorted(await allPages(ws, LIST[entity], filters)),
    listByName: sorted(await allPages(ws, LIST[entity], { ...filters, sort: 'name', limit: '1' })),
    count: json<{ count: number }>(await ok(ws, `/segments/${view.id}/count`)).count,
    csv: sorted(csv.map((row) => row.id)),
    json: sorted(json<{ id: string }[]>(await ok(ws, `${EXPORT[entity]}?${query({ ...filters, format: 'json' })}`)).map((r) => r.id)),
    jsonByName: sorted(
      json<{ id: string }[]>(await ok(ws, `${EXPORT[entity]}?${query({ ...filters, format: 'json', sort: '-name' })}`)).map((r) => r.id),
    ),
  };
  if (entity === 'company') return shown;
  // A view of contacts lists them too, in the order it keeps.
  const sortedView = await post(ws, '/segments', {
    name: `${entity} ${query(filters)} by name`,
    entity,
    filters: segmentFilters,
    sort: 'name',
  });
  return {
    ...shown,
    view: sorted(await allPages(ws, `/segments/${view.id}/contacts`, {})),
    viewByName: sorted(await allPages(ws, `/segments/${sortedView.id}/contacts`, { limit: '1' })),
  };
}

function expectEverywhere(shown: Record<string, string[] | number>, ids: string[]) {
  const expected = Object.fromEntries(Object.keys(shown).map((place) => [place, place === 'count' ? ids.length : sorted(ids)]));
  expect(shown).toEqual(expected);
}

describe('a search applied to the contact list, its count, a saved view and its exports', () => {
  let ws: TestWorkspace;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ws = await buildWorkspace((await testApp()).db);
    for (const [key, contact] of Object.entries({
      ash: { firstName: 'Catherine', lastName: 'Ash', lifecycleStage: 'customer' },
      zeta: { firstName: 'Catherine', lastName: 'Zeta', lifecycleStage: 'customer' },
      // Close to "catherine" (PostgreSQL's own threshold, 0.6, takes it), but no word starts with it.
      bloggs: { firstName: 'Catherin', lastName: 'Bloggs', lifecycleStage: 'customer' },
      // Only as close as the typo-tolerant search's threshold (0.4).
      moss: { firstName: 'Cathrin', lastName: 'Moss', lifecycleStage: 'lead' },
      // "lovlace" is a one-letter typo that only the typo-tolerant search's threshold (0.4) finds.
      ada: { firstName: 'Ada', lastName: 'Lovelace', lifecycleStage: 'lead' },
      grace: { firstName: 'Grace', lastName: 'Hopper', lifecycleStage: 'lead' },
    }))
      ids[key] = (await post(ws, '/contacts', contact)).id;
  });

  it('holds the prefix matches when there are any', async () => {
    expectEverywhere(await everywhere(ws, 'contact', { q: 'catherine' }), [ids.ash!, ids.zeta!]);
  });

  it('holds the typo-tolerant matches when nothing matches as typed', async () => {
    expectEverywhere(await everywhere(ws, 'contact', { q: 'lovlace' }), [ids.ada!]);
    expectEverywhere(await everywhere(ws, 'contact', { q: 'zzzzqqq' }), []);
  });

  it('asks whether anything matches as typed of the records the other filters leave', async () => {
    expectEverywhere(await everywhere(ws, 'contact', { q: 'catherine', stage: 'lead' }), [ids.moss!]);
  });
});

describe('a search applied to the company list, its count, a saved view and its exports', () => {
  let ws: TestWorkspace;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ws = await buildWorkspace((await testApp()).db);
    for (const [key, company] of Object.entries({
      corporation: { name: 'Globex Corporation', industry: 'Energy' },
      energy: { name: 'Globex Energy', industry: 'Energy' },
      // Close to "globex" (PostgreSQL's own threshold, 0.6, takes it), but no word starts with it.
      globe: { name: 'Globe Logistics', industry: 'Energy' },
      // Only as close as the typo-tolerant search's threshold (0.4).
      glovex: { name: 'Glovex Freight', industry: 'Transport' },
      // "inetech" is a one-letter typo that only the typo-tolerant search's threshold (0.4) finds.
      initech: { name: 'Initech', industry: 'Software' },
    }))
      ids[key] = (await post(ws, '/companies', company)).id;
  });

  it('holds the prefix matches when there are any', async () => {
    expectEverywhere(await everywhere(ws, 'company', { q: 'globex' }), [ids.corporation!, ids.energy!]);
  });

  it('holds the typo-tolerant matches when nothing matches as typed', async () => {
    expectEverywhere(await everywhere(ws, 'company', { q: 'inetech' }), [ids.initech!]);
  });

  it('asks whether anything matches as typed of the records the other filters leave', async () => {
    expectEverywhere(await everywhere(ws, 'company', { q: 'globex', industry: 'transport' }), [ids.glovex!]);
  });
});
