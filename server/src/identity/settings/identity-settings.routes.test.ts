import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('identity settings', () => {
  it('start from the defaults, take existing contact custom fields as identifiers, and are audited', async () => {
    const ws = await buildWorkspace(t.db);
    const viewer = await ws.member('viewer');
    const initial = await t.app.inject({ method: 'GET', url: '/api/v1/identity/settings', headers: viewer.headers });
    expect(json(initial)).toEqual({ identifierFields: [], createContactsFromEmail: true, updatedAt: null });

    const field = await t.app.inject({
      method: 'POST',
      url: '/api/v1/custom-fields',
      headers: ws.owner.headers,
      payload: { entity: 'contact', key: 'customer_number', label: 'Customer number', type: 'text' },
    });
    expect(field.statusCode).toBe(201);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/identity/settings',
      headers: ws.owner.headers,
      payload: { identifierFields: ['customer_number'], createContactsFromEmail: false },
    });
    expect(saved.statusCode).toBe(200);
    expect(json(saved)).toMatchObject({ identifierFields: ['customer_number'], createContactsFromEmail: false });

    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit-log?type=identity_settings.updated', headers: ws.owner.headers });
    expect(JSON.stringify(json(audit))).toContain('customer_number');
  });

  it('refuse unknown fields and members below admin', async () => {
    const ws = await buildWorkspace(t.db);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/identity/settings',
      headers: ws.owner.headers,
      payload: { identifierFields: ['no_such_field'], createContactsFromEmail: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('no_such_field');
    const member = await ws.member('agent');
    const agent = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/identity/settings',
      headers: member.headers,
      payload: { identifierFields: [], createContactsFromEmail: true },
    });
    expect(agent.statusCode).toBe(403);
  });
});
