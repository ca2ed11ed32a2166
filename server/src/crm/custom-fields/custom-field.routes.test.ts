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
});
