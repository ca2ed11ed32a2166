import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { get, importFile, post } from '../testing/crm-api.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const jsonFile = (content: string) => ({ format: 'json', fileName: 'contacts.json', content });

async function customFields(ws: TestWorkspace) {
  await post(ws, '/custom-fields', { entity: 'contact', key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] });
  await post(ws, '/custom-fields', { entity: 'contact', key: 'langs', label: 'Languages', type: 'multi_select', options: ['en', 'fr'] });
  await post(ws, '/custom-fields', { entity: 'contact', key: 'seats', label: 'Seats', type: 'number' });
  await post(ws, '/custom-fields', { entity: 'contact', key: 'renewed', label: 'Renewed', type: 'boolean' });
  await post(ws, '/custom-fields', { entity: 'contact', key: 'since', label: 'Customer since', type: 'date' });
}

type Exported = Record<string, unknown> & { id: string; displayName: string; ownerId: string | null; teamId: string | null };

describe('JSON imports', () => {
  it('import what the JSON export wrote into an empty workspace, every field alike but the ids and timestamps', async () => {
    const ws = await buildWorkspace(t.db);
    await customFields(ws);
    const acme = await post(ws, '/companies', { name: 'Acme' });
    await post(ws, '/contacts', {
      firstName: 'Ann',
      lastName: 'Able',
      title: 'CTO; founder',
      companyId: acme.id,
      emails: [{ address: 'ann@acme.example', label: 'work' }, { address: 'ann@home.example' }],
      phones: [{ number: '+1 555 0100', label: 'cell' }],
      lifecycleStage: 'customer',
      tags: ['vip', 'Éclair'],
      custom: { plan: 'pro', langs: ['en', 'fr'], seats: 12, renewed: true, since: '2019-02-03' },
      importantDates: [
        { kind: 'birthday', date: '1990-04-01' },
        { kind: 'custom', date: '2020-03-01', label: 'Joined; then: founded \\ Acme' },
      ],
      socialHandles: [
        { network: 'mastodon', handle: '@ann@fosstodon.org' },
        { network: 'linkedin', handle: 'Ann Able', url: 'https://www.linkedin.com/in/ann-able' },
      ],
      address: { streetNumber: '12', street: 'Main Street', locality: 'Springfield', postcode: '12345', country: 'US' },
    });
    await post(ws, '/contacts', { emails: [{ address: 'only@mail.example' }] });
    const exported = (await get(ws, '/exports/contacts?format=json&sort=name')).body;
    const original = JSON.parse(exported) as Exported[];

    const copy = await buildWorkspace(t.db);
    await customFields(copy);
    const { draft, report } = await importFile(copy, jsonFile(exported));
    expect(draft).toMatchObject({ format: 'json', total: 2 });
    expect(draft.columns).toEqual([
      'firstName',
      'lastName',
      'title',
      'companyName',
      'lifecycleStage',
      'tags',
      'emails',
      'phones',
      'socialHandles',
      'importantDates',
      'address',
      'custom:langs',
      'custom:plan',
      'custom:renewed',
      'custom:seats',
      'custom:since',
    ]);
    expect(draft.sample[0]!.slice(0, 7)).toEqual([
      'Ann',
      'Able',
      'CTO; founder',
      'Acme',
      'customer',
      'vip; Éclair',
      'ann@acme.example work; ann@home.example',
    ]);
    expect(draft.suggestedMapping).toMatchObject({ companyName: 'company', emails: 'email', 'custom:plan': 'custom:plan' });
    expect(report).toMatchObject({ status: 'done', total: 2, imported: 2, rejected: 0, companiesCreated: 1, errors: [] });

    const again = JSON.parse((await get(copy, '/exports/contacts?format=json&sort=name')).body) as Exported[];
    expect(again).toHaveLength(2);
    const [company] = json<{ data: { id: string; name: string }[] }>(await get(copy, '/companies')).data;
    for (const [i, before] of original.entries()) {
      const after = again[i]!;
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const key of Object.keys(before)) {
        if (key === 'id' || key === 'createdAt' || key === 'updatedAt') expect(after[key], key).not.toEqual(before[key]);
        // Another workspace's company, owner and team are not this one's: the company is found by
        // its name, and the contacts are the importer's.
        else if (key === 'companyId') expect(after[key]).toBe(before[key] === null ? null : company!.id);
        else if (key === 'ownerId') expect(after[key]).toBe(copy.owner.userId);
        else expect(after[key], key).toEqual(before[key]);
      }
    }
  });

  it('keep the owner and team the file names when they are this workspace’s', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const team = await post(ws, '/teams', { name: 'Sales', memberIds: [agent.userId] });
    await post(ws, '/contacts', { firstName: 'Owned', ownerId: agent.userId, teamId: team.id });
    const file = JSON.parse((await get(ws, '/exports/contacts?format=json')).body) as Exported[];
    file.push({ ...file[0]!, firstName: 'Stranger', ownerId: '00000000-0000-4000-8000-000000000001', teamId: null });
    const { report } = await importFile(ws, jsonFile(JSON.stringify(file)));
    expect(report).toMatchObject({ status: 'done', imported: 2 });
    const owned = json<{ data: Exported[] }>(await get(ws, '/contacts?q=owned')).data;
    expect(owned.map((c) => [c.ownerId, c.teamId])).toEqual([
      [agent.userId, team.id],
      [agent.userId, team.id],
    ]);
    const stranger = json<{ data: Exported[] }>(await get(ws, '/contacts?q=stranger')).data;
    expect(stranger.map((c) => [c.ownerId, c.teamId])).toEqual([[ws.owner.userId, null]]);
  });

  it('report rejected contacts by their position, all or nothing unless partial, and skip fields mapped to nothing', async () => {
    const ws = await buildWorkspace(t.db);
    const contacts = [
      { firstName: 'Good', emails: [{ address: 'good@example.com' }] },
      { firstName: 'Bad', emails: [{ address: 'ok@example.com' }, { address: 'not-an-address' }] },
      'Not a contact',
      { firstName: 'Stage', lifecycleStage: 'royalty', companyName: 42 },
      { title: 'Nameless' },
    ];
    const content = JSON.stringify(contacts);
    const strict = await importFile(ws, jsonFile(content));
    expect(strict.report).toMatchObject({ status: 'failed', total: 5, imported: 0, rejected: 4 });
    expect(strict.report.errors).toEqual([
      { row: 2, field: 'emails.1.address', reason: 'is not a valid e-mail address' },
      { row: 3, field: 'contact', reason: 'is not a contact (an object, as the JSON export writes them)' },
      { row: 4, field: 'companyName', reason: 'must be a string' },
      { row: 4, field: 'lifecycleStage', reason: expect.stringMatching(/^must be one of: subscriber, lead/) as string },
      { row: 5, field: 'firstName', reason: 'a contact needs a name, an e-mail, a phone or a social handle' },
    ]);
    expect(json<{ data: unknown[] }>(await get(ws, '/contacts')).data).toEqual([]);

    const partial = await importFile(ws, jsonFile(content), {
      allowPartial: true,
      mapping: { firstName: 'firstName', emails: 'email', lifecycleStage: 'lifecycleStage', companyName: null, title: 'title' },
    });
    expect(partial.report).toMatchObject({ status: 'done', imported: 1, rejected: 4 });
    const skipped = await importFile(ws, jsonFile(content), {
      allowPartial: true,
      mapping: { firstName: 'firstName', emails: null, lifecycleStage: null, companyName: null, title: 'title' },
    });
    // Without the e-mails and the stage, Bad and Stage import; the string and the nameless contact do not.
    expect(skipped.report).toMatchObject({ status: 'done', imported: 3, rejected: 2 });

    for (const [content, reason] of [
      ['{"firstName": "Ann"}', /must hold an array of contacts/],
      ['[{"firstName": "Ann"', /is not valid JSON/],
      ['[]', /holds no contacts/],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: ws.owner.headers,
        payload: { format: 'json', fileName: 'x.json', content },
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatch(reason);
    }
  });
});
