/**
 * Companies imports through the API, as the web app runs them: upload, mapping, the job, the
 * report; re-imports that update instead of duplicating; and contacts imported afterwards finding
 * the imported companies.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/context.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { get, importFile, post } from '../testing/crm-api.js';
import { importCompanies as importCompaniesDirectly } from './company.import.js';

interface CompanyView {
  id: string;
  name: string;
  domains: string[];
  industry: string;
  size: string;
  ownerId: string | null;
  teamId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  contactCount: number;
}
interface Report {
  status: string;
  total: number;
  imported: number;
  rejected: number;
  companiesCreated: number;
  updated: number;
  errors: { row: number; field: string; reason: string }[];
  skipped: { row: number; field: string; reason: string }[];
  updates: { row: number; companyId: string; company: string; matchedBy: string; value: string; changed: string[] }[];
}

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const companiesFile = (content: string) => ({ target: 'companies', format: 'csv', fileName: 'companies.csv', content });

async function importCompanies(
  ws: TestWorkspace,
  content: string,
  options: { allowPartial?: boolean; mapping?: Record<string, string | null> } = {},
) {
  const { draft, report } = await importFile(ws, companiesFile(content), options);
  return { draft, report: report as unknown as Report };
}

async function companies(ws: TestWorkspace, headers = ws.owner.headers): Promise<CompanyView[]> {
  return json<{ data: CompanyView[] }>(await get(ws, '/companies?limit=200&sort=name', headers)).data;
}

async function auditTypes(ws: TestWorkspace): Promise<string[]> {
  return json<{ data: { type: string }[] }>(await get(ws, '/audit-log?limit=200')).data.map((e) => e.type);
}

const HUBSPOT = [
  'Company name,Company Domain Name,Website URL,Industry,Number of Employees,Type,Tier',
  'Acme Corporation,acme.example,https://www.acme.example/about,Manufacturing,"1,200","customer, partner",gold',
  'Globex,,http://globex.example,Energy,51-200,prospect,silver',
  'Initech,initech.example; initrode.example,,Software,7,,',
].join('\r\n');

describe('companies imports', () => {
  it('suggests a mapping for another CRM’s export and imports it: domains from URLs, sizes from head counts, custom values', async () => {
    const ws = await buildWorkspace(t.db);
    await post(ws, '/custom-fields', { entity: 'company', key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'] });
    const uploaded = await post<{ target: string; columns: string[]; suggestedMapping: Record<string, string | null> }>(
      ws,
      '/imports',
      companiesFile(HUBSPOT),
    );
    expect(uploaded.target).toBe('companies');
    expect(uploaded.suggestedMapping).toEqual({
      'Company name': 'name',
      'Company Domain Name': 'domains',
      // A second domain column is left for the user to map: the first keeps the suggestion.
      'Website URL': null,
      Industry: 'industry',
      'Number of Employees': 'size',
      Type: null,
      Tier: 'custom:tier',
    });

    const mapping = { ...uploaded.suggestedMapping, 'Website URL': 'domains', Type: 'tags' };
    const { report } = await importCompanies(ws, HUBSPOT, { mapping });
    expect(report).toMatchObject({ status: 'done', total: 3, imported: 3, rejected: 0, companiesCreated: 3, updated: 0, errors: [] });
    expect(report.skipped).toEqual([]);
    const list = await companies(ws);
    expect(list.map(({ name, domains, industry, size, tags, custom }) => ({ name, domains, industry, size, tags, custom }))).toEqual([
      {
        name: 'Acme Corporation',
        domains: ['acme.example'],
        industry: 'Manufacturing',
        size: '1001-5000',
        tags: ['customer', 'partner'],
        custom: { tier: 'gold' },
      },
      { name: 'Globex', domains: ['globex.example'], industry: 'Energy', size: '51-200', tags: ['prospect'], custom: { tier: 'silver' } },
      { name: 'Initech', domains: ['initech.example', 'initrode.example'], industry: 'Software', size: '1-10', tags: [], custom: {} },
    ]);
    // The importer owns what they import, as with a company created by hand.
    expect(list.every((c) => c.ownerId === ws.owner.userId && c.teamId === null)).toBe(true);
    const types = await auditTypes(ws);
    expect(types.filter((type) => type === 'company.created')).toHaveLength(3);
    expect(types.filter((type) => type === 'company.imported')).toHaveLength(1);
  });

  it('updates the company a row finds by domain, or by name without one, instead of creating it again, and says so', async () => {
    const ws = await buildWorkspace(t.db);
    const mapping = { name: 'name', domains: 'domains', industry: 'industry', tags: 'tags' };
    const first = ['name,domains,industry,tags', 'Acme,acme.example,Manufacturing,vip', 'Umbrella,,Pharma,', 'Hooli,hooli.example,,'].join(
      '\n',
    );
    expect((await importCompanies(ws, first, { mapping })).report).toMatchObject({ imported: 3, companiesCreated: 3, updated: 0 });
    const before = await companies(ws);

    const again = [
      'name,domains,industry,tags',
      // The same domain under a new name: the company is renamed, its tags gain the row's.
      'Acme Corp,ACME.example,,beta',
      // No domain: the name finds it, whatever its case.
      'UMBRELLA,,,',
      // Same name as Hooli but another domain: another company.
      'Hooli,hooli.example.org,,',
      // One company twice in a file: the second row updates what the first created.
      'Pied Piper,piedpiper.example,,',
      'Pied Piper,,Compression,',
    ].join('\n');
    const { report } = await importCompanies(ws, again, { mapping });
    expect(report).toMatchObject({ status: 'done', total: 5, imported: 5, companiesCreated: 2, updated: 3, rejected: 0 });
    const acme = before.find((c) => c.name === 'Acme')!;
    const umbrella = before.find((c) => c.name === 'Umbrella')!;
    const piper = (await companies(ws)).find((c) => c.name === 'Pied Piper')!;
    expect(report.updates).toEqual([
      { row: 2, companyId: acme.id, company: 'Acme Corp', matchedBy: 'domain', value: 'acme.example', changed: ['name', 'tags'] },
      { row: 3, companyId: umbrella.id, company: 'UMBRELLA', matchedBy: 'name', value: 'Umbrella', changed: ['name'] },
      { row: 6, companyId: piper.id, company: 'Pied Piper', matchedBy: 'name', value: 'Pied Piper', changed: ['industry'] },
    ]);
    // By name, the two Hoolis by domain.
    const after = (await companies(ws)).map((c) => [c.name, c.domains, c.industry, c.tags]);
    expect(after.sort(([a, aDomains], [b, bDomains]) => (`${a} ${aDomains}` < `${b} ${bDomains}` ? -1 : 1))).toEqual([
      ['Acme Corp', ['acme.example'], 'Manufacturing', ['vip', 'beta']],
      ['Hooli', ['hooli.example'], '', []],
      ['Hooli', ['hooli.example.org'], '', []],
      ['Pied Piper', ['piedpiper.example'], 'Compression', []],
      ['UMBRELLA', [], 'Pharma', []],
    ]);

    // Importing the same file once more changes nothing, creates nothing, and the report says which rows found what.
    const unchanged = (await importCompanies(ws, again, { mapping })).report;
    expect(unchanged).toMatchObject({ imported: 5, companiesCreated: 0, updated: 5 });
    expect(unchanged.updates.map((u) => [u.row, u.matchedBy, u.changed])).toEqual([
      [2, 'domain', []],
      [3, 'name', []],
      [4, 'domain', []],
      [5, 'domain', []],
      [6, 'name', []],
    ]);
    expect(await companies(ws)).toHaveLength(5);
    const audit = json<{ data: { type: string; subjectId: string; data: { before?: object; after?: object } }[] }>(
      await get(ws, '/audit-log?type=company.updated'),
    ).data;
    // One event for each company the second import changed, with the fields before and after; none for the third.
    expect(audit.map((e) => e.subjectId).sort()).toEqual([acme.id, umbrella.id].sort());
    expect(audit.find((e) => e.subjectId === acme.id)!.data).toEqual({
      before: { name: 'Acme', tags: ['vip'] },
      after: { name: 'Acme Corp', tags: ['vip', 'beta'] },
    });
  });

  it('rejects bad rows by row, column and reason, and writes nothing unless partial imports are allowed', async () => {
    const ws = await buildWorkspace(t.db);
    await post(ws, '/custom-fields', { entity: 'company', key: 'seats', label: 'Seats', type: 'number' });
    await post(ws, '/custom-fields', { entity: 'company', key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] });
    const csv = [
      'Name,Domain,Size,Seats,Plan,Notes',
      'Good Co,good.example,11-50,12,pro,Met at the fair',
      'Bad Domain,not a domain,,,,',
      'Bad Size,,lots,,,',
      'Bad Seats,,,many,,',
      'Bad Plan,,,,gold,',
      ',nameless.example,,,,',
      `${'Long'.repeat(60)},,,,,`,
    ].join('\n');
    const strict = (await importCompanies(ws, csv)).report;
    expect(strict).toMatchObject({ status: 'failed', total: 7, imported: 0, rejected: 6, companiesCreated: 0, updated: 0, skipped: [] });
    expect(strict.errors).toEqual([
      { row: 3, field: 'Domain', reason: '"not a domain" is not a domain such as example.com' },
      { row: 4, field: 'Size', reason: '"lots" is not a head count or a size band (1-10, 11-50, 51-200, 201-1000, 1001-5000, 5000+)' },
      { row: 5, field: 'Seats', reason: 'must be a number' },
      { row: 6, field: 'Plan', reason: 'must be one of: free, pro' },
      { row: 7, field: 'Name', reason: "a company needs a name: no company has the row's domains, so it would be a new one" },
      { row: 8, field: 'Name', reason: 'is longer than 200 characters' },
    ]);
    expect(await companies(ws)).toEqual([]);
    expect(await auditTypes(ws)).not.toContain('company.created');

    const partial = (await importCompanies(ws, csv, { allowPartial: true })).report;
    expect(partial).toMatchObject({ status: 'done', imported: 1, rejected: 6, companiesCreated: 1 });
    const [good] = await companies(ws);
    expect(good).toMatchObject({ name: 'Good Co', domains: ['good.example'], size: '11-50', custom: { seats: 12, plan: 'pro' } });
    // The notes column went to the company's timeline, recorded as a note logged through the API is.
    const timeline = json<{ data: { type: string; body: string; companyId: string }[] }>(
      await get(ws, `/activities?companyId=${good!.id}`),
    ).data;
    expect(timeline).toEqual([expect.objectContaining({ type: 'note', body: 'Met at the fair', companyId: good!.id })]);
    expect(await auditTypes(ws)).toContain('activity.created');
  });

  it('rejects a row whose name, industry or tag holds a line break or control character, as the API does', async () => {
    const ws = await buildWorkspace(t.db);
    const csv = [
      'Name,Industry,Tags,Notes',
      'Good Co,Retail,vip,"A note over',
      'two lines"',
      '"Two',
      'Lines Co",,,',
      'Tab Co,"Re\ttail",,',
      'Sep Co,,"ok; b\u2028ad",',
    ].join('\r\n');
    const reason = 'must be one line of text, without line breaks, tabs or other control characters';
    const { report } = await importCompanies(ws, csv, { allowPartial: true });
    expect(report).toMatchObject({ status: 'done', total: 4, imported: 1, rejected: 3 });
    expect(report.errors).toEqual([
      { row: 3, field: 'Name', reason },
      { row: 4, field: 'Industry', reason },
      { row: 5, field: 'Tags', reason },
    ]);
    expect((await companies(ws)).map((c) => c.name)).toEqual(['Good Co']);
  });

  it('refuses unreadable files, other formats and bad mappings with a clear 4xx', async () => {
    const ws = await buildWorkspace(t.db);
    const upload = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: ws.owner.headers, payload });
    for (const [payload, code, field] of [
      [companiesFile('name,domains\n"Acme,acme.example\nBeta,beta.example'), 'import_unreadable', 'content'],
      [companiesFile('PK\u0003\u0004\u0000\u0000binary\u0000zip'), 'import_unreadable', 'content'],
      [{ ...companiesFile('BEGIN:VCARD\r\nFN:Ann\r\nEND:VCARD\r\n'), format: 'vcard' }, 'validation_failed', 'format'],
      [{ ...companiesFile('name\nAcme'), target: 'deals' }, 'validation_failed', 'target'],
    ] as const) {
      const response = await upload(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const problem = json<{ code: string; errors: { field: string }[] }>(response);
      expect(problem.code).toBe(code);
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...ws.owner.headers, 'content-type': 'application/json' },
      payload: JSON.stringify(companiesFile('a,b\n'.repeat(13_200_000))),
    });
    expect(huge.statusCode).toBe(413);

    const { id } = await post(ws, '/imports', companiesFile('Name,Domain\nAcme,acme.example'));
    const start = (mapping: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/${id}/start`,
        headers: ws.owner.headers,
        payload: { mapping, allowPartial: false },
      });
    const bad = await start({ Name: 'firstName', Domain: 'custom:Nope' });
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: { field: string; reason: string }[] }>(bad).errors).toEqual([
      { field: 'mapping.Name', reason: '"firstName" is not a company field one can import into' },
      { field: 'mapping.Domain', reason: '"custom:Nope" is not a company field one can import into' },
    ]);
    const twice = json<{ errors: { reason: string }[] }>(await start({ Name: 'name', Domain: 'name' }));
    expect(twice.errors[0]!.reason).toBe('name is already filled from column "Name"');
    expect(json<{ errors: { reason: string }[] }>(await start({ Name: null })).errors[0]!.reason).toBe('maps no column to a company field');
    // A custom field companies do not have: the row says so.
    expect((await start({ Name: 'name', Domain: 'custom:nope' })).statusCode).toBe(202);
    await t.jobs.runDue();
    const report = json<Report>(await get(ws, `/imports/${id}`));
    expect(report).toMatchObject({ status: 'failed', rejected: 1 });
    expect(report.errors).toEqual([{ row: 2, field: 'Domain', reason: 'is not a custom field of this workspace' }]);
  });

  it('keeps to its workspace: another workspace’s ids, owners, teams and domains find nothing here', async () => {
    const other = await buildWorkspace(t.db);
    const otherTeam = await post(other, '/teams', { name: 'Elsewhere', memberIds: [] });
    const theirs = await post<CompanyView>(other, '/companies', { name: 'Acme', domains: ['acme.example'], industry: 'Theirs' });

    const ws = await buildWorkspace(t.db);
    const csv = `id,name,domains,industry,ownerId,teamId\n${theirs.id},Acme,acme.example,Ours,${other.owner.userId},${otherTeam.id}\n`;
    const { draft, report } = await importCompanies(ws, csv);
    expect(draft.suggestedMapping).toEqual({
      id: 'id',
      name: 'name',
      domains: 'domains',
      industry: 'industry',
      ownerId: 'ownerId',
      teamId: 'teamId',
    });
    expect(report).toMatchObject({ status: 'done', imported: 1, companiesCreated: 1, updated: 0 });
    expect(report.skipped).toEqual([
      { row: 2, field: 'ownerId', reason: `"${other.owner.userId}" is not a member of this workspace; the company is the importer's` },
      { row: 2, field: 'teamId', reason: `"${otherTeam.id}" is not a team of this workspace; the company has no team` },
    ]);
    const [ours] = await companies(ws);
    expect(ours).toMatchObject({ name: 'Acme', industry: 'Ours', ownerId: ws.owner.userId, teamId: null });
    expect(ours!.id).not.toBe(theirs.id);
    // The other workspace's company is as it was.
    expect(json<CompanyView>(await get(other, `/companies/${theirs.id}`))).toMatchObject({ name: 'Acme', industry: 'Theirs' });
    expect(await companies(other)).toHaveLength(1);
  });

  it('lets a member limited to their own records update only the companies they own', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    await post(ws, '/companies', { name: 'Owner’s', domains: ['owners.example'] });
    await post(ws, '/companies', { name: 'Mine', domains: ['mine.example'], ownerId: limited.userId });
    const csv = [
      'name,domains,industry,ownerId',
      `Owner’s,owners.example,Taken,`,
      `Mine,mine.example,Kept,${ws.owner.userId}`,
      'New,new.example,Fresh,',
    ].join('\n');
    const draft = await post<{ id: string }>(ws, '/imports', companiesFile(csv), limited.headers);
    await post(ws, `/imports/${draft.id}/start`, { allowPartial: true }, limited.headers);
    await t.jobs.runDue();
    const report = json<Report>(await get(ws, `/imports/${draft.id}`, limited.headers));
    expect(report).toMatchObject({ status: 'done', imported: 2, rejected: 1, companiesCreated: 1, updated: 1 });
    expect(report.errors).toEqual([
      { row: 2, field: 'domains', reason: 'is that of a company you cannot see; you can only import companies you own' },
    ]);
    expect(report.skipped).toEqual([
      { row: 3, field: 'ownerId', reason: `"${ws.owner.userId}" is not you; you can only import companies you own` },
    ]);
    const all = await companies(ws);
    expect(all.map((c) => [c.name, c.industry, c.ownerId])).toEqual([
      ['Mine', 'Kept', limited.userId],
      ['New', 'Fresh', limited.userId],
      ['Owner’s', '', ws.owner.userId],
    ]);
  });

  it('gives contacts imported afterwards the companies imported before, by name or domain, creating none again', async () => {
    const ws = await buildWorkspace(t.db);
    await importCompanies(ws, 'name,domains\nAcme Corporation,acme.example\nGlobex,globex.example\n');
    const contacts = [
      'First name,Company,Company domain',
      // The company's name, in another case.
      'Ann,ACME CORPORATION,',
      // A domain finds the company whatever the company cell says.
      'Bob,Acme Inc.,acme.example',
      // A company cell that is a domain finds the company that has it.
      'Cy,globex.example,',
      // A domain no company has: created with it, named as the row names it.
      'Di,Initech,initech.example',
      'Ed,,initech.example',
      'Fay,Hooli,not a domain',
    ].join('\n');
    const { draft, report } = await importFile(ws, { format: 'csv', fileName: 'people.csv', content: contacts });
    expect(draft.suggestedMapping).toEqual({ 'First name': 'firstName', Company: 'company', 'Company domain': 'companyDomain' });
    expect(report).toMatchObject({ status: 'done', imported: 6, companiesCreated: 2 });
    expect((report as unknown as Report).skipped).toEqual([
      { row: 7, field: 'Company domain', reason: '"not a domain" is not a domain such as example.com; not imported' },
    ]);
    const people = json<{ data: { firstName: string; companyName: string | null }[] }>(await get(ws, '/contacts?sort=name')).data;
    expect(people.map((p) => [p.firstName, p.companyName])).toEqual([
      ['Ann', 'Acme Corporation'],
      ['Bob', 'Acme Corporation'],
      ['Cy', 'Globex'],
      ['Di', 'Initech'],
      ['Ed', 'Initech'],
      ['Fay', 'Hooli'],
    ]);
    const list = await companies(ws);
    expect(list.map((c) => [c.name, c.domains, c.contactCount])).toEqual([
      ['Acme Corporation', ['acme.example'], 2],
      ['Globex', ['globex.example'], 1],
      ['Hooli', [], 1],
      ['Initech', ['initech.example'], 2],
    ]);
    // And companies imported after the contacts find the companies those created.
    const later = (await importCompanies(ws, 'name,domains,industry\nInitech Ltd,initech.example,Software\nHooli,hooli.example,Search\n'))
      .report;
    expect(later).toMatchObject({ companiesCreated: 0, updated: 2 });
    expect(later.updates.map((u) => [u.company, u.matchedBy])).toEqual([
      ['Initech Ltd', 'domain'],
      ['Hooli', 'name'],
    ]);
    // A renamed company's contacts are found by its new name.
    const found = json<{ data: { firstName: string }[] }>(await get(ws, '/contacts?q=initech%20ltd')).data;
    expect(found.map((c) => c.firstName).sort()).toEqual(['Di', 'Ed']);
  });
});

describe('importCompanies (the direct call the CLI uses)', () => {
  it('writes in batches, reports progress between them, and commits the outcome with the companies', async () => {
    const ws = await buildWorkspace(t.db);
    await post(ws, '/companies', { name: 'Existing', domains: ['c7.example'] });
    const ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    const rows = Array.from({ length: 5002 }, (_, i) => (i === 10 ? 'Broken,not a domain' : `Company ${i},c${i}.example`));
    const progress: [number, number][] = [];
    const failing = importCompaniesDirectly(ctx, t.db, {
      format: 'csv',
      content: ['name,domains', ...rows].join('\n'),
      allowPartial: true,
      onFinish: () => Promise.reject(new Error('disk full')),
    });
    // A failure before the import commits takes every company and event with it.
    await expect(failing).rejects.toThrow('disk full');
    expect(await companies(ws)).toHaveLength(1);

    const report = await importCompaniesDirectly(ctx, t.db, {
      format: 'csv',
      content: ['name,domains', ...rows].join('\n'),
      allowPartial: true,
      onProgress: async (processed, total) => void progress.push([processed, total]),
    });
    expect(report).toMatchObject({ status: 'done', total: 5002, imported: 5001, rejected: 1, companiesCreated: 5000, updated: 1 });
    expect(report.updates).toEqual([
      expect.objectContaining({ row: 9, company: 'Company 7', matchedBy: 'domain', value: 'c7.example', changed: ['name'] }),
    ]);
    // Progress counts rows: the rejected one, then each batch's.
    expect(progress).toEqual([
      [5001, 5002],
      [5002, 5002],
    ]);
    const { rows: counted } = await t.db.query<{ companies: number; batches: number; owners: number }>(
      `SELECT (SELECT count(*)::int FROM companies WHERE workspace_id = $1) AS companies,
              (SELECT count(owner_id)::int FROM companies WHERE workspace_id = $1 AND name <> 'Company 7') AS owners,
              (SELECT count(*)::int FROM events WHERE workspace_id = $1 AND type = 'company.imported') AS batches`,
      [ws.workspaceId],
    );
    // Imported from the command line, the new companies have no owner.
    expect(counted[0]).toEqual({ companies: 5001, batches: 2, owners: 0 });
  });
});
