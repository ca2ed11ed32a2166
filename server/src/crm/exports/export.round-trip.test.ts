/**
 * The promise the README makes: a contacts or companies CSV exported by Rapport imports again
 * whole, with the import's own suggested mapping. Compared through the JSON export, field by field.
 */
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { get, importFile, post } from '../testing/crm-api.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Exported = Record<string, unknown> & { id: string; firstName: string; ownerId: string | null; teamId: string | null };

const exportedJson = async (ws: TestWorkspace) => JSON.parse((await get(ws, '/exports/contacts?format=json&sort=name')).body) as Exported[];
const csvFile = (content: string) => ({ format: 'csv', fileName: 'contacts.csv', content });

async function customFields(ws: TestWorkspace) {
  for (const field of [
    { key: 'notes', label: 'Notes on file', type: 'text' },
    { key: 'seats', label: 'Seats', type: 'number' },
    { key: 'since', label: 'Customer since', type: 'date' },
    { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro; plus'] },
    { key: 'langs', label: 'Languages', type: 'multi_select', options: ['en; US', 'fr, CA', 'C:\\temp'] },
    { key: 'renewed', label: 'Renewed', type: 'boolean' },
    { key: 'site', label: 'Site', type: 'url' },
  ]) {
    await post(ws, '/custom-fields', { entity: 'contact', ...field });
  }
}

/** A workspace whose contacts use every field a contact has, with what is awkward in a CSV cell. */
async function workspaceUsingEveryField() {
  const ws = await buildWorkspace(t.db);
  await customFields(ws);
  const agent = await ws.member('agent');
  const team = await post(ws, '/teams', { name: 'Sales', memberIds: [agent.userId] });
  const acme = await post(ws, '/companies', { name: 'Acme' });
  // Two companies of one name: each contact keeps its own.
  const otherAcme = await post(ws, '/companies', { name: 'Acme' });
  await post(ws, '/contacts', {
    firstName: 'Grace',
    lastName: 'Hopper',
    title: 'Rear admiral; "Amazing Grace"',
    companyId: otherAcme.id,
    ownerId: agent.userId,
    teamId: team.id,
    emails: [
      { address: 'grace@cobol.example', label: 'work' },
      { address: 'grace@home.example' },
      { address: 'g.hopper@navy.example', label: 'navy; reserve \\ active' },
    ],
    phones: [
      { number: '+1 202 555 0143', label: 'mobile' },
      { number: '(202) 555-0100', label: 'office, desk' },
    ],
    socialHandles: [
      { network: 'mastodon', handle: '@grace@fosstodon.org' },
      { network: 'linkedin', handle: 'Grace Hopper', url: 'https://www.linkedin.com/in/grace-hopper' },
      { network: 'irc', handle: 'grace;away\\now' },
    ],
    lifecycleStage: 'customer',
    tags: ['vip', 'a; b', 'c, d', 'back\\slash', 'ends\\'],
    custom: {
      notes: '=SUM(A1) is not a formula',
      seats: -12.5,
      since: '1944-07-01',
      plan: 'pro; plus',
      langs: ['en; US', 'fr, CA', 'C:\\temp'],
      renewed: false,
      site: 'https://cobol.example/grace?a=1,2',
    },
    importantDates: [
      { kind: 'birthday', date: '1906-12-09' },
      { kind: 'anniversary', date: '1604-06-15' },
      { kind: 'renewal', date: '2027-01-31', label: 'Support; yearly' },
      { kind: 'custom', date: '1947-09-09', label: 'First bug \\ moth' },
    ],
    address: {
      streetNumber: '1',
      street: 'Navy Pier',
      line2: 'Suite 9, floor 2',
      locality: 'Arlington',
      region: 'VA',
      postcode: '22201',
      country: 'US',
    },
  });
  await post(ws, '/contacts', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    // A quote of its own before a formula sign, which the export's formula guard must not eat.
    title: "'+1 for the engine",
    companyId: acme.id,
    ownerId: ws.owner.userId,
    emails: [{ address: 'ada@engine.example', label: 'home' }],
    custom: { seats: 3, renewed: true },
  });
  // Nobody's: no owner, no team, an e-mail alone.
  await post(ws, '/contacts', { ownerId: null, emails: [{ address: 'only@mail.example' }], lifecycleStage: 'subscriber' });
  return { ws, agent, team };
}

/** Every field of every contact equal, but the ids and timestamps a new record gets; the differences listed at once. */
function expectSameContacts(again: Exported[], original: Exported[]) {
  expect(again.map((c) => c.firstName)).toEqual(original.map((c) => c.firstName));
  const differences = original.flatMap((before, i) => {
    const after = again[i]!;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !['id', 'createdAt', 'updatedAt'].includes(k));
    return keys
      .filter((key) => !isDeepStrictEqual(after[key], before[key]))
      .map((key) => ({ key, before: before[key], after: after[key] }));
  });
  expect(differences).toEqual([]);
}

describe('a contacts CSV exported by Rapport', () => {
  it('imports again whole with the suggested mapping: every field of every contact comes back equal', async () => {
    const { ws } = await workspaceUsingEveryField();
    const original = await exportedJson(ws);
    const csv = (await get(ws, '/exports/contacts?sort=name')).body;

    for (const contact of original) {
      const deleted = await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${contact.id}`, headers: ws.owner.headers });
      expect(deleted.statusCode, deleted.body).toBe(204);
    }
    const { draft, report } = await importFile(ws, csvFile(csv));
    expect(report).toMatchObject({ status: 'done', imported: 3, rejected: 0, companiesCreated: 0, errors: [], skipped: [] });
    expectSameContacts(await exportedJson(ws), original);
    // Only what a new record gets anew is left out.
    expect(Object.entries(draft.suggestedMapping).filter(([, target]) => target === null)).toEqual([
      ['id', null],
      ['displayName', null],
      ['createdAt', null],
      ['updatedAt', null],
    ]);
  });

  it('imports into another workspace with the owner and team it does not know listed per row, not dropped unsaid', async () => {
    const { ws } = await workspaceUsingEveryField();
    const original = await exportedJson(ws);
    const copy = await buildWorkspace(t.db);
    await customFields(copy);
    const { report } = await importFile(copy, csvFile((await get(ws, '/exports/contacts?sort=name')).body));
    expect(report).toMatchObject({ status: 'done', imported: 3, rejected: 0, errors: [] });
    // Rows in name order: Ada (row 2), Grace (row 3), only@mail.example (row 4).
    expect((report as unknown as { skipped: unknown[] }).skipped).toEqual([
      { row: 2, field: 'ownerId', reason: `"${original[0]!.ownerId}" is not a member of this workspace; the contact is the importer's` },
      { row: 3, field: 'ownerId', reason: `"${original[1]!.ownerId}" is not a member of this workspace; the contact is the importer's` },
      { row: 3, field: 'teamId', reason: `"${original[1]!.teamId}" is not a team of this workspace; the contact has no team` },
    ]);
    const again = await exportedJson(copy);
    expect(again.map((c) => [c.ownerId, c.teamId])).toEqual([
      [copy.owner.userId, null],
      [copy.owner.userId, null],
      [null, null],
    ]);
    // Everything else is the file's; the companies are found or created by their names.
    const others = (list: Exported[]) =>
      list.map(({ id: _id, createdAt: _c, updatedAt: _u, ownerId: _o, teamId: _t, companyId: _co, ...rest }) => rest);
    expect(others(again)).toEqual(others(original));
  });

  it('reads files exported before labels, owners and teams had columns as it did then', async () => {
    const ws = await buildWorkspace(t.db);
    const content =
      '\ufeffid,firstName,lastName,displayName,emails,phones,company,companyId,ownerId,teamId\r\n' +
      `0b6c5a49-0000-4000-8000-000000000001,Ann,Able,Ann Able,ann@acme.example; ann@home.example,'+1 555 0100,Acme,0b6c5a49-0000-4000-8000-000000000002,${ws.owner.userId},\r\n`;
    const { report } = await importFile(ws, csvFile(content));
    expect(report).toMatchObject({ status: 'done', imported: 1, companiesCreated: 1, errors: [] });
    const [ann] = await exportedJson(ws);
    expect(ann).toMatchObject({
      emails: [{ address: 'ann@acme.example' }, { address: 'ann@home.example' }],
      phones: [{ number: '+1 555 0100' }],
      companyName: 'Acme',
      ownerId: ws.owner.userId,
      teamId: null,
    });
  });

  it("finds a company by its id when it is this workspace's, else by its name, and lists an id it cannot place", async () => {
    const ws = await buildWorkspace(t.db);
    const initech = await post(ws, '/companies', { name: 'Initech' });
    const foreign = '0b6c5a49-0000-4000-8000-00000000000c';
    const content = [
      'firstName,company,companyId',
      // Renamed since the export: the id wins.
      `Ann,Initech Old Name,${initech.id.toUpperCase()}`,
      `Bob,Globex,${foreign}`,
      `Cy,,${foreign}`,
      'Di,,not-an-id',
    ].join('\r\n');
    const { report } = await importFile(ws, csvFile(content));
    expect(report).toMatchObject({ status: 'done', imported: 4, companiesCreated: 1, errors: [] });
    const reason = (id: string) => `"${id}" is not a company of this workspace, and the row names none; not imported`;
    expect((report as unknown as { skipped: unknown[] }).skipped).toEqual([
      { row: 4, field: 'companyId', reason: reason(foreign) },
      { row: 5, field: 'companyId', reason: reason('not-an-id') },
    ]);
    const imported = await exportedJson(ws);
    expect(imported.map((c) => [c.firstName, c.companyName])).toEqual([
      ['Ann', 'Initech'],
      ['Bob', 'Globex'],
      ['Cy', null],
      ['Di', null],
    ]);
    expect(imported[0]!.companyId).toBe(initech.id);
  });

  it('gives a member limited to their own contacts the contacts they import, saying whose the file named', async () => {
    const { ws, agent } = await workspaceUsingEveryField();
    const csv = (await get(ws, '/exports/contacts?sort=name')).body;
    const limited = await ws.member('agent', { recordScope: 'own' });
    const { draft } = { draft: await post<{ id: string }>(ws, '/imports', csvFile(csv), limited.headers) };
    await post(ws, `/imports/${draft.id}/start`, { allowPartial: false }, limited.headers);
    await t.jobs.runDue();
    const report = json<{ status: string; imported: number; skipped: unknown[] }>(await get(ws, `/imports/${draft.id}`, limited.headers));
    expect(report).toMatchObject({ status: 'done', imported: 3 });
    expect(report.skipped).toEqual([
      { row: 2, field: 'ownerId', reason: `"${ws.owner.userId}" is not you; you can only import contacts you own` },
      { row: 3, field: 'ownerId', reason: `"${agent.userId}" is not you; you can only import contacts you own` },
    ]);
    const mine = json<{ data: Exported[] }>(await get(ws, '/contacts?limit=100', limited.headers)).data;
    expect(mine.map((c) => c.ownerId)).toEqual([limited.userId, limited.userId, limited.userId]);
  });
});

type ExportedCompany = Record<string, unknown> & { id: string; name: string; ownerId: string | null; teamId: string | null };

const exportedCompanies = async (ws: TestWorkspace) =>
  JSON.parse((await get(ws, '/exports/companies?format=json&sort=name')).body) as ExportedCompany[];
const companiesCsv = (content: string) => ({ target: 'companies', format: 'csv', fileName: 'companies.csv', content });

/** A workspace whose companies use every field a company has, with what is awkward in a CSV cell. */
async function workspaceWithEveryCompanyField() {
  const ws = await buildWorkspace(t.db);
  for (const field of [
    { key: 'notes', label: 'Notes on file', type: 'text' },
    { key: 'arr', label: 'ARR', type: 'number' },
    { key: 'since', label: 'Customer since', type: 'date' },
    { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro; plus'] },
    { key: 'regions', label: 'Regions', type: 'multi_select', options: ['EU; west', 'US, east', 'C:\\apac'] },
    { key: 'churned', label: 'Churned', type: 'boolean' },
    { key: 'site', label: 'Site', type: 'url' },
  ]) {
    await post(ws, '/custom-fields', { entity: 'company', ...field });
  }
  const agent = await ws.member('agent');
  const team = await post(ws, '/teams', { name: 'Accounts', memberIds: [agent.userId] });
  await post(ws, '/companies', {
    name: 'Bücher & "Söhne", GmbH',
    domains: ['bücher.example', 'buecher.example'],
    industry: '=Retail; books',
    size: '201-1000',
    ownerId: agent.userId,
    teamId: team.id,
    tags: ['vip', 'a; b', 'c, d', 'back\\slash'],
    custom: {
      notes: '+49 is not a formula',
      arr: -1250.5,
      since: '1999-02-28',
      plan: 'pro; plus',
      regions: ['EU; west', 'US, east', 'C:\\apac'],
      churned: false,
      site: 'https://buecher.example/?a=1,2',
    },
  });
  // Two companies of one name and no domain: each comes back.
  await post(ws, '/companies', { name: 'Acme', ownerId: null, custom: { churned: true } });
  await post(ws, '/companies', { name: 'Acme', industry: 'Other', size: '5000+' });
  return { ws, agent, team };
}

const withoutNew = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: ExportedCompany) => rest;
/** In name order, the two Acmes in a fixed one. */
const fieldsOf = (list: ExportedCompany[]) => list.map(withoutNew).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('a companies CSV exported by Rapport', () => {
  it('imports again whole with the suggested mapping: every field of every company comes back equal', async () => {
    const { ws } = await workspaceWithEveryCompanyField();
    const original = await exportedCompanies(ws);
    const csv = (await get(ws, '/exports/companies?sort=name')).body;
    for (const company of original) {
      const deleted = await t.app.inject({ method: 'DELETE', url: `/api/v1/companies/${company.id}`, headers: ws.owner.headers });
      expect(deleted.statusCode, deleted.body).toBe(204);
    }
    const { draft, report } = await importFile(ws, companiesCsv(csv));
    expect(report).toMatchObject({ status: 'done', imported: 3, rejected: 0, companiesCreated: 3, errors: [], skipped: [] });
    expect(fieldsOf(await exportedCompanies(ws))).toEqual(fieldsOf(original));
    // Only what a new record gets anew is left out; the id picks the company to update when it is one here.
    expect(Object.entries(draft.suggestedMapping).filter(([, target]) => target === null)).toEqual([
      ['createdAt', null],
      ['updatedAt', null],
    ]);
    expect(draft.suggestedMapping.id).toBe('id');
  });

  it('imports into the workspace it came from as updates of the same companies, changing nothing', async () => {
    const { ws } = await workspaceWithEveryCompanyField();
    const original = await exportedCompanies(ws);
    const { report } = await importFile(ws, companiesCsv((await get(ws, '/exports/companies?sort=name')).body));
    expect(report).toMatchObject({ status: 'done', imported: 3, companiesCreated: 0, errors: [], skipped: [] });
    const { updated, updates } = report as unknown as {
      updated: number;
      updates: { companyId: string; matchedBy: string; changed: string[] }[];
    };
    expect(updated).toBe(3);
    expect(updates.map((u) => [u.companyId, u.matchedBy, u.changed])).toEqual(original.map((c) => [c.id, 'id', []]));
    expect(await exportedCompanies(ws)).toEqual(original);
  });

  it('imports into another workspace with the owner and team it does not know listed per row', async () => {
    const { ws } = await workspaceWithEveryCompanyField();
    const original = await exportedCompanies(ws);
    const copy = await buildWorkspace(t.db);
    const fields = json<{ data: { key: string; label: string; type: string; options: string[] }[] }>(
      await get(ws, '/custom-fields?entity=company'),
    ).data;
    for (const { key, label, type, options } of fields) {
      await post(copy, '/custom-fields', { entity: 'company', key, label, type, ...(type.endsWith('select') ? { options } : {}) });
    }
    const { report } = await importFile(copy, companiesCsv((await get(ws, '/exports/companies?sort=name')).body));
    expect(report).toMatchObject({ status: 'done', imported: 3, companiesCreated: 3, errors: [] });
    // Rows in name order: the Acmes (rows 2 and 3, in id order), then Bücher (row 4).
    const acmeOwned = original.findIndex((c) => c.name === 'Acme' && c.ownerId !== null) + 2;
    expect((report as unknown as { skipped: unknown[] }).skipped).toEqual([
      { row: acmeOwned, field: 'ownerId', reason: `"${ws.owner.userId}" is not a member of this workspace; the company is the importer's` },
      { row: 4, field: 'ownerId', reason: `"${original[2]!.ownerId}" is not a member of this workspace; the company is the importer's` },
      { row: 4, field: 'teamId', reason: `"${original[2]!.teamId}" is not a team of this workspace; the company has no team` },
    ]);
    const again = await exportedCompanies(copy);
    const others = (list: ExportedCompany[]) => fieldsOf(list.map(({ ownerId: _o, teamId: _t, ...rest }) => rest as ExportedCompany));
    expect(others(again)).toEqual(others(original));
    expect(again.filter((c) => c.ownerId === null)).toHaveLength(1);
    expect(again.filter((c) => c.ownerId === copy.owner.userId)).toHaveLength(2);
  });
});
