import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface Problem {
  errors: { field: string; reason: string }[];
}

function send(ws: TestWorkspace, method: 'POST' | 'PATCH', url: string, payload: object) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: ws.owner.headers, payload });
}

async function created<T = { id: string }>(ws: TestWorkspace, url: string, payload: object): Promise<T> {
  const response = await send(ws, 'POST', url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return json<T>(response);
}

describe('custom fields', () => {
  it('refuses a date value that is no day of the calendar, on contacts and companies', async () => {
    const ws = await buildWorkspace(t.db);
    for (const entity of ['contact', 'company']) {
      const field = await send(ws, 'POST', '/custom-fields', { entity, key: 'renews_on', label: 'Renews on', type: 'date' });
      expect(field.statusCode, field.body).toBe(201);
    }
    for (const date of ['2026-02-30', '2026-02-29', '2026-04-31']) {
      const contact = await send(ws, 'POST', '/contacts', { firstName: 'Ann', custom: { renews_on: date } });
      expect(contact.statusCode, `${date}: ${contact.body}`).toBe(400);
      expect(json<Problem>(contact).errors).toEqual([{ field: 'custom.renews_on', reason: 'must be a date (YYYY-MM-DD)' }]);
      const company = await send(ws, 'POST', '/companies', { name: 'Initech', custom: { renews_on: date } });
      expect(company.statusCode, `${date}: ${company.body}`).toBe(400);
    }
    const leapDay = await send(ws, 'POST', '/contacts', { firstName: 'Ann', custom: { renews_on: '2028-02-29' } });
    expect(leapDay.statusCode, leapDay.body).toBe(201);
    expect(json<{ custom: Record<string, unknown> }>(leapDay).custom).toEqual({ renews_on: '2028-02-29' });
  });

  it('trims labels and options, and refuses blank ones naming the field', async () => {
    const ws = await buildWorkspace(t.db);
    const blankLabel = await send(ws, 'POST', '/custom-fields', { entity: 'contact', key: 'plan', label: '   ', type: 'text' });
    expect(blankLabel.statusCode, blankLabel.body).toBe(400);
    expect(json<Problem>(blankLabel).errors.map((e) => e.field)).toEqual(['label']);

    const blankOption = await send(ws, 'POST', '/custom-fields', {
      entity: 'contact',
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: ['Free', '  '],
    });
    expect(blankOption.statusCode, blankOption.body).toBe(400);
    expect(json<Problem>(blankOption).errors.map((e) => e.field)).toEqual(['options.1']);

    const sameOnceTrimmed = await send(ws, 'POST', '/custom-fields', {
      entity: 'contact',
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: ['Pro', ' Pro '],
    });
    expect(sameOnceTrimmed.statusCode, sameOnceTrimmed.body).toBe(400);
    expect(json<Problem>(sameOnceTrimmed).errors).toEqual([{ field: 'options', reason: 'must not repeat' }]);

    const created = await send(ws, 'POST', '/custom-fields', {
      entity: 'contact',
      key: 'plan',
      label: '  Plan ',
      type: 'select',
      options: [' Free', 'Pro '],
    });
    expect(created.statusCode, created.body).toBe(201);
    const field = json<{ id: string; label: string; options: string[] }>(created);
    expect(field).toMatchObject({ label: 'Plan', options: ['Free', 'Pro'] });
    // The trimmed option is the value a contact may hold.
    expect((await send(ws, 'POST', '/contacts', { firstName: 'Ann', custom: { plan: 'Pro' } })).statusCode).toBe(201);

    const renamedBlank = await send(ws, 'PATCH', `/custom-fields/${field.id}`, { label: '\t' });
    expect(renamedBlank.statusCode, renamedBlank.body).toBe(400);
    expect(json<Problem>(renamedBlank).errors.map((e) => e.field)).toEqual(['label']);
    const changed = await send(ws, 'PATCH', `/custom-fields/${field.id}`, { label: ' Tier ', options: ['Free', ' Pro', 'Team '] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json(changed)).toMatchObject({ label: 'Tier', options: ['Free', 'Pro', 'Team'] });
  });

  it('keeps a value whose option was removed readable and saveable on its record, but gives it to no record anew', async () => {
    const ws = await buildWorkspace(t.db);
    const records = {
      contact: { url: '/contacts', name: { firstName: 'Ann' } },
      company: { url: '/companies', name: { name: 'Initech' } },
    };
    for (const [entity, { url, name }] of Object.entries(records)) {
      const plan = await created(ws, '/custom-fields', { entity, key: 'plan', label: 'Plan', type: 'select', options: ['Gold', 'Free'] });
      const langs = await created(ws, '/custom-fields', {
        entity,
        key: 'langs',
        label: 'Languages',
        type: 'multi_select',
        options: ['en', 'fr', 'de'],
      });
      const record = await created(ws, url, { ...name, custom: { plan: 'Gold', langs: ['en', 'fr'] } });
      expect((await send(ws, 'PATCH', `/custom-fields/${plan.id}`, { options: ['Free', 'Pro'] })).statusCode).toBe(200);
      expect((await send(ws, 'PATCH', `/custom-fields/${langs.id}`, { options: ['en', 'de'] })).statusCode).toBe(200);

      // The web form sends every custom value with the field the user changed.
      const edited = await send(ws, 'PATCH', `${url}/${record.id}`, { tags: ['edited'], custom: { plan: 'Gold', langs: ['fr', 'de'] } });
      expect(edited.statusCode, `${entity}: ${edited.body}`).toBe(200);
      expect(json<{ tags: string[]; custom: object }>(edited)).toMatchObject({
        tags: ['edited'],
        custom: { plan: 'Gold', langs: ['fr', 'de'] },
      });

      const refused = [
        { payload: { custom: { plan: 'Platinum' } }, reason: 'must be one of: Free, Pro' },
        { payload: { custom: { langs: ['fr', 'it'] } }, reason: 'must be a list of: en, de' },
      ];
      for (const { payload, reason } of refused) {
        const response = await send(ws, 'PATCH', `${url}/${record.id}`, payload);
        expect(response.statusCode, `${entity}: ${response.body}`).toBe(400);
        expect(json<Problem>(response).errors).toEqual([{ field: `custom.${Object.keys(payload.custom)[0]}`, reason }]);
      }
      // A new record cannot take the removed option, nor may another record.
      const fresh = await send(ws, 'POST', url, { ...name, custom: { plan: 'Gold' } });
      expect(fresh.statusCode, fresh.body).toBe(400);
      // Once changed to a current option, the old one is gone for good.
      expect((await send(ws, 'PATCH', `${url}/${record.id}`, { custom: { plan: 'Pro' } })).statusCode).toBe(200);
      expect((await send(ws, 'PATCH', `${url}/${record.id}`, { custom: { plan: 'Gold' } })).statusCode).toBe(400);
    }
  });
});
