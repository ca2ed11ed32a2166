import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { get, importFile, post } from '../testing/crm-api.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

function readCsv(body: string): Record<string, string>[] {
  expect(body.startsWith('\ufeff')).toBe(true);
  return parse(body, { bom: true, columns: true }) as Record<string, string>[];
}

describe('exports', () => {
  it('streams every matching contact as CSV with flattened lists and custom columns, safe from formulas', async () => {
    const ws = await buildWorkspace(t.db);
    await post(ws, '/custom-fields', { entity: 'contact', key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] });
    await post(ws, '/custom-fields', { entity: 'contact', key: 'langs', label: 'Languages', type: 'multi_select', options: ['en', 'fr'] });
    await post(ws, '/custom-fields', { entity: 'contact', key: 'about', label: 'About', type: 'text' });
    const acme = await post(ws, '/companies', { name: 'Acme' });
    await post(ws, '/contacts', {
      firstName: 'Ann',
      lastName: 'Able',
      companyId: acme.id,
      emails: [{ address: 'ann@acme.example' }, { address: 'ann@home.example' }],
      phones: [{ number: '+1 555 0100' }],
      tags: ['vip', 'beta'],
      lifecycleStage: 'customer',
      custom: { plan: 'pro', langs: ['en', 'fr'] },
      importantDates: [
        { kind: 'birthday', date: '1990-04-01' },
        { kind: 'custom', date: '2020-03-01', label: 'Joined; then: founded Acme \\ Co' },
        { kind: 'custom', date: '2021-05-05', label: 'Ends in a backslash\\' },
      ],
      socialHandles: [
        { network: 'mastodon', handle: '@ann@fosstodon.org' },
        { network: 'linkedin', handle: 'Ann Able', url: 'https://www.linkedin.com/in/ann-able' },
        { network: 'irc', handle: 'ann;away:now' },
      ],
    });
    await post(ws, '/contacts', {
      firstName: '=HYPERLINK("http://evil.example")',
      lastName: '@SUM(A1)',
      title: 'Has "quotes", commas',
      // Names and titles are one line; free text such as a text custom field may hold several.
      custom: { about: 'Has "quotes", commas\nand lines' },
    });

    const response = await get(ws, '/exports/contacts');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = readCsv(response.body);
    expect(rows).toHaveLength(2);
    const ann = rows.find((r) => r.firstName === 'Ann')!;
    expect(ann).toMatchObject({
      lastName: 'Able',
      emails: 'ann@acme.example; ann@home.example',
      phones: "'+1 555 0100",
      company: 'Acme',
      companyId: acme.id,
      lifecycleStage: 'customer',
      tags: 'vip; beta',
      // A `;` or `\` inside an item is escaped, so it does not split the item.
      importantDates:
        'birthday:1990-04-01; custom:2020-03-01 Joined\\; then: founded Acme \\\\ Co; custom:2021-05-05 Ends in a backslash\\\\',
      socialHandles: 'mastodon:@ann@fosstodon.org; linkedin:Ann Able https://www.linkedin.com/in/ann-able; irc:ann\\;away:now',
      'custom:plan': 'pro',
      'custom:langs': 'en; fr',
    });
    const evil = rows.find((r) => r.lastName?.includes('SUM'))!;
    expect(evil.firstName).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(evil.lastName).toBe("'@SUM(A1)");
    expect(evil.title).toBe('Has "quotes", commas');
    expect(evil['custom:about']).toBe('Has "quotes", commas\nand lines');

    const customers = await get(ws, '/exports/contacts?format=json&stage=customer');
    expect(customers.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json<{ displayName: string; custom: object }[]>(customers)).toMatchObject([
      { displayName: 'Ann Able', custom: { plan: 'pro', langs: ['en', 'fr'] } },
    ]);
    expect(json<unknown[]>(await get(ws, '/exports/contacts?format=json&tag=nobody'))).toEqual([]);
    expect((await get(ws, '/exports/contacts?format=xml')).statusCode).toBe(400);
    expect((await get(ws, '/exports/contacts?limit=5')).statusCode).toBe(400);
    expect((await get(ws, '/exports/contacts?sort=shoeSize')).statusCode).toBe(400);

    // What we export, we can import again: the suggested mapping reads our own columns.
    const copy = await buildWorkspace(t.db);
    await post(copy, '/custom-fields', { entity: 'contact', key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] });
    await post(copy, '/custom-fields', { entity: 'contact', key: 'about', label: 'About', type: 'text' });
    const { draft, report } = await importFile(copy, { format: 'csv', fileName: 'contacts.csv', content: response.body });
    expect(draft.suggestedMapping).toMatchObject({
      firstName: 'firstName',
      emails: 'email',
      phones: 'phone',
      socialHandles: 'socialHandles',
      importantDates: 'importantDates',
      'custom:plan': 'custom:plan',
    });
    expect(report).toMatchObject({ status: 'done', imported: 2 });
    type Exported = { displayName: string; emails: object[]; phones: object[]; socialHandles: object[]; importantDates: object[] };
    const again = json<(Exported & { custom: object })[]>(await get(copy, '/exports/contacts?format=json&q=ann'));
    const original = json<Exported[]>(await get(ws, '/exports/contacts?format=json&q=ann'));
    expect(again).toMatchObject([
      {
        displayName: 'Ann Able',
        emails: [{ address: 'ann@acme.example' }, { address: 'ann@home.example' }],
        phones: [{ number: '+1 555 0100' }],
        custom: { plan: 'pro' },
      },
    ]);
    // Social profiles and important dates survive the round trip whole: network, handle, URL, kind, date and label.
    expect(again[0]!.socialHandles).toEqual(original[0]!.socialHandles);
    expect(again[0]!.importantDates).toEqual(original[0]!.importantDates);
    expect(again[0]!.importantDates).toHaveLength(3);
    expect(again[0]!.socialHandles).toHaveLength(3);
  });

  it('writes tags and multi-select options holding ; , or a backslash so that the import reads them back whole', async () => {
    const options = ['en; US', 'fr, CA', 'C:\\temp', 'ends\\', 'plain'];
    const tags = ['a; b', 'c, d', 'e\\f', 'g\\', 'vip'];
    const ws = await buildWorkspace(t.db);
    const copy = await buildWorkspace(t.db);
    for (const w of [ws, copy]) {
      await post(w, '/custom-fields', { entity: 'contact', key: 'langs', label: 'Languages', type: 'multi_select', options });
    }
    await post(ws, '/contacts', { firstName: 'Ann', tags, custom: { langs: options } });
    await post(ws, '/companies', { name: 'Initech', tags });

    const body = (await get(ws, '/exports/contacts')).body;
    expect(readCsv(body)[0]).toMatchObject({
      tags: 'a\\; b; c\\, d; e\\\\f; g\\\\; vip',
      'custom:langs': 'en\\; US; fr\\, CA; C:\\\\temp; ends\\\\; plain',
    });
    expect(readCsv((await get(ws, '/exports/companies')).body)[0]!.tags).toBe('a\\; b; c\\, d; e\\\\f; g\\\\; vip');

    const { report } = await importFile(copy, { format: 'csv', fileName: 'contacts.csv', content: body });
    expect(report.imported).toBe(1);
    const [again] = json<{ tags: string[]; custom: { langs: string[] } }[]>(await get(copy, '/exports/contacts?format=json'));
    expect(again!.tags).toEqual(tags);
    expect(again!.custom.langs).toEqual(options);
  });

  it('reads tags and options from files exported before they were escaped as it did then', async () => {
    const ws = await buildWorkspace(t.db);
    await post(ws, '/custom-fields', { entity: 'contact', key: 'langs', label: 'Languages', type: 'multi_select', options: ['en', 'fr'] });
    const content = 'firstName,tags,custom:langs\r\nAnn,"vip; C:\\temp, beta",en; fr\r\n';
    await importFile(ws, { format: 'csv', fileName: 'old.csv', content });
    const [ann] = json<{ tags: string[]; custom: { langs: string[] } }[]>(await get(ws, '/exports/contacts?format=json'));
    expect(ann).toMatchObject({ tags: ['vip', 'C:\\temp', 'beta'], custom: { langs: ['en', 'fr'] } });
  });

  it('walks large lists in batches and honours record access', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const csv = ['First Name,Email', ...Array.from({ length: 2345 }, (_, i) => `Person ${i},p${i}@example.com`)].join('\n');
    await importFile(ws, { format: 'csv', fileName: 'many.csv', content: csv });
    await post(ws, '/contacts', { firstName: 'Own' }, limited.headers);

    const all = readCsv((await get(ws, '/exports/contacts')).body);
    expect(all).toHaveLength(2346);
    expect(new Set(all.map((r) => r.id)).size).toBe(2346);
    expect(json<unknown[]>(await get(ws, '/exports/contacts?format=json'))).toHaveLength(2346);
    // Sorted exports come out in the list's own order, across batch boundaries.
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = json(
        await get(ws, `/contacts?sort=-name&limit=500${cursor ? `&cursor=${cursor}` : ''}`),
      );
      listed.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(readCsv((await get(ws, '/exports/contacts?sort=-name')).body).map((r) => r.id)).toEqual(listed);
    // Every imported row has the same creation time: ties are broken by id.
    const byCreation = readCsv((await get(ws, '/exports/contacts?sort=createdAt')).body);
    const expected = [...byCreation].sort((a, b) => a.createdAt!.localeCompare(b.createdAt!) || a.id!.localeCompare(b.id!));
    expect(byCreation.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const own = readCsv((await get(ws, '/exports/contacts', limited.headers)).body);
    expect(own.map((r) => r.firstName)).toEqual(['Own']);
    expect((await get(ws, '/exports/contacts', {})).statusCode).toBe(401);
  });

  it('exports companies with their filters', async () => {
    const ws = await buildWorkspace(t.db);
    await post(ws, '/companies', { name: 'Initech', domains: ['initech.example', 'initech.test'], industry: 'Software', tags: ['b2b'] });
    await post(ws, '/companies', { name: '+Plus Corp', industry: 'Retail' });
    const rows = readCsv((await get(ws, '/exports/companies')).body);
    expect(rows.map((r) => r.name).sort()).toEqual(["'+Plus Corp", 'Initech']);
    expect(rows.find((r) => r.name === 'Initech')).toMatchObject({
      domains: 'initech.example; initech.test',
      industry: 'Software',
      tags: 'b2b',
    });
    const software = json<{ name: string }[]>(await get(ws, '/exports/companies?format=json&industry=software'));
    expect(software.map((c) => c.name)).toEqual(['Initech']);
    expect((await get(ws, '/exports/companies?stage=lead')).statusCode).toBe(400);
  });
});
