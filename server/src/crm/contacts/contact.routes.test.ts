import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { createContact } from './contact.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('contacts API', () => {
  it('creates, reads, changes and deletes a contact, recording each change', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      payload: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        emails: [{ address: 'ADA@Example.com', label: 'work' }],
        phones: [{ number: '+44 20 7946 0958' }],
        socialHandles: [{ network: 'mastodon', handle: '@ada@example.social', url: 'https://example.social/@ada' }],
        lifecycleStage: 'lead',
        tags: ['vip', 'VIP', 'beta'],
        importantDates: [{ kind: 'birthday', date: '1990-12-10' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const contact = json<{ id: string; displayName: string; emails: { address: string }[]; tags: string[]; ownerId: string }>(created);
    expect(contact.displayName).toBe('Ada Lovelace');
    expect(contact.emails[0]!.address).toBe('ada@example.com');
    expect(contact.tags).toEqual(['vip', 'beta']);
    expect(contact.ownerId).toBe(ws.owner.userId);

    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${contact.id}`,
      headers: ws.owner.headers,
      payload: { lifecycleStage: 'customer', title: 'Countess' },
    });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ lifecycleStage: 'customer', title: 'Countess', firstName: 'Ada' });

    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit-log?subjectId=${contact.id}`, headers: ws.owner.headers });
    const types = json<{ data: { type: string; data: { before?: Record<string, unknown>; after?: Record<string, unknown> } }[] }>(
      audit,
    ).data;
    expect(types.map((e) => e.type)).toEqual(['contact.stage_changed', 'contact.updated', 'contact.created']);
    expect(types[1]!.data.before).toMatchObject({ lifecycleStage: 'lead', title: '' });
    expect(types[1]!.data.after).toMatchObject({ lifecycleStage: 'customer', title: 'Countess' });

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${contact.id}`, headers: ws.owner.headers });
    expect(removed.statusCode).toBe(204);
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, headers: ws.owner.headers });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps a postal address: trimmed parts, cleared with null, unknown parts refused', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      payload: {
        firstName: 'Grace',
        address: { streetNumber: ' 7 ', street: 'Harbour Road', locality: 'Cork', postcode: '', country: 'Ireland' },
      },
    });
    expect(created.statusCode).toBe(201);
    const contact = json<{ id: string; address: unknown }>(created);
    expect(contact.address).toEqual({ streetNumber: '7', street: 'Harbour Road', locality: 'Cork', country: 'Ireland' });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, headers: ws.owner.headers });
    expect(json<{ address: unknown }>(read).address).toEqual(contact.address);

    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${contact.id}`,
      headers: ws.owner.headers,
      payload: { address: { planet: 'Mars' } },
    });
    expect(refused.statusCode).toBe(400);
    const cleared = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${contact.id}`,
      headers: ws.owner.headers,
      payload: { address: null },
    });
    expect(json<{ address: unknown }>(cleared).address).toBeNull();
  });

  it('rejects bad input with a problem naming the field and writes nothing', async () => {
    const ws = await buildWorkspace(t.db);
    const cases: { payload: unknown; field: string }[] = [
      { payload: { firstName: 42 }, field: 'firstName' },
      { payload: { firstName: 'A', shoeSize: 9 }, field: 'shoeSize' },
      { payload: { firstName: 'A', emails: [{ address: 'not-an-email' }] }, field: 'emails.0.address' },
      { payload: { firstName: 'A', lifecycleStage: 'royalty' }, field: 'lifecycleStage' },
      { payload: { firstName: 'A', importantDates: [{ kind: 'birthday', date: '2020-13-45' }] }, field: 'importantDates.0.date' },
      { payload: { firstName: 'A', companyId: '00000000-0000-4000-8000-000000000000' }, field: 'companyId' },
      { payload: { firstName: 'A', custom: { unknown_field: 'x' } }, field: 'custom.unknown_field' },
      { payload: {}, field: 'firstName' },
    ];
    for (const { payload, field } of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: ws.owner.headers,
        payload: payload as object,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const problem = json<{ code: string; errors: { field: string; reason: string }[] }>(response);
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { ...ws.owner.headers, 'content-type': 'application/json' },
      payload: '{"firstName": "A",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { ...ws.owner.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ firstName: 'x'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: ws.owner.headers });
    expect(json<{ data: unknown[] }>(list).data).toHaveLength(0);
  });

  it('refuses line breaks and control characters in single-line fields, in words, and keeps them in free text', async () => {
    const ws = await buildWorkspace(t.db);
    const reason = 'must be one line of text, without line breaks, tabs or other control characters';
    const cases: { payload: object; field: string }[] = [
      { payload: { firstName: 'Ada', lastName: 'Lovelace\nline2' }, field: 'lastName' },
      { payload: { firstName: 'Ada\r' }, field: 'firstName' },
      { payload: { firstName: 'Ada', title: 'Count\tess' }, field: 'title' },
      { payload: { firstName: 'Ada', title: 'Next\u0085line' }, field: 'title' },
      { payload: { firstName: 'Ada\u2028Byron' }, field: 'firstName' },
      { payload: { firstName: 'Ada', tags: ['vip\u2029'] }, field: 'tags.0' },
      { payload: { firstName: 'Ada', emails: [{ address: 'ada@example.com', label: 'wo\u001brk' }] }, field: 'emails.0.label' },
      { payload: { firstName: 'Ada', socialHandles: [{ network: 'mastodon', handle: '@ada\n@x' }] }, field: 'socialHandles.0.handle' },
      {
        payload: { firstName: 'Ada', importantDates: [{ kind: 'custom', date: '2020-01-01', label: 'a\u007f' }] },
        field: 'importantDates.0.label',
      },
      { payload: { firstName: 'Ada', address: { street: '1 Main St\nFlat 2' } }, field: 'address.street' },
    ];
    for (const { payload, field } of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: ws.owner.headers, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json<{ errors: { field: string; reason: string }[] }>(response).errors).toEqual([{ field, reason }]);
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: ws.owner.headers });
    expect(json<{ data: unknown[] }>(list).data).toHaveLength(0);

    // Letters of any script, and spaces that are not control characters, are one line.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      payload: { firstName: 'Zoë\u00a0Ἀφροδίτη', lastName: '李', title: 'Chief — “Ops”' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = json<{ id: string }>(created);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      headers: ws.owner.headers,
      payload: { lastName: 'Li\nline2' },
    });
    expect(patched.statusCode).toBe(400);
    expect(json<{ errors: { field: string; reason: string }[] }>(patched).errors).toEqual([{ field: 'lastName', reason }]);
    const note = await t.app.inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: ws.owner.headers,
      payload: { type: 'note', contactId: id, body: 'First line\nsecond line' },
    });
    expect(note.statusCode, note.body).toBe(201);
  });

  it('validates custom field values against the workspace definitions', async () => {
    const ws = await buildWorkspace(t.db);
    const define = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/custom-fields', headers: ws.owner.headers, payload });
    expect((await define({ entity: 'contact', key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] })).statusCode).toBe(
      201,
    );
    expect((await define({ entity: 'contact', key: 'seats', label: 'Seats', type: 'number' })).statusCode).toBe(201);
    expect((await define({ entity: 'contact', key: 'since', label: 'Customer since', type: 'date' })).statusCode).toBe(201);
    expect((await define({ entity: 'contact', key: 'site', label: 'Website', type: 'url' })).statusCode).toBe(201);
    expect((await define({ entity: 'contact', key: 'beta', label: 'Beta', type: 'boolean' })).statusCode).toBe(201);
    expect(
      (await define({ entity: 'contact', key: 'langs', label: 'Languages', type: 'multi_select', options: ['en', 'fr'] })).statusCode,
    ).toBe(201);
    expect((await define({ entity: 'contact', key: 'plan', label: 'Again', type: 'text' })).statusCode).toBe(409);
    expect((await define({ entity: 'contact', key: 'empty', label: 'Empty', type: 'select' })).statusCode).toBe(400);

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      payload: {
        firstName: 'Bo',
        custom: { plan: 'pro', seats: 12, since: '2024-02-29', site: 'https://bo.example', beta: true, langs: ['en'] },
      },
    });
    expect(ok.statusCode).toBe(201);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      payload: {
        firstName: 'Bo',
        custom: { plan: 'gold', seats: 'twelve', since: 'yesterday', site: 'javascript:alert(1)', beta: 'yes', langs: ['de'] },
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = json<{ errors: { field: string }[] }>(bad)
      .errors.map((e) => e.field)
      .sort();
    expect(fields).toEqual(['custom.beta', 'custom.langs', 'custom.plan', 'custom.seats', 'custom.since', 'custom.site']);
  });

  it('lists with filters, sorting and cursor pagination, and finds contacts by typo-tolerant search', async () => {
    const ws = await buildWorkspace(t.db);
    const names = ['Zoe Zimmer', 'Adam Ant', 'Mia Müller', 'Bob Builder', 'Carla Cruz', 'Jonathan Harker'];
    for (const [i, name] of names.entries()) {
      const [firstName, lastName] = name.split(' ');
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: ws.owner.headers,
        payload: { firstName, lastName, lifecycleStage: i % 2 ? 'customer' : 'lead', tags: i < 3 ? ['vip'] : [] },
      });
      expect(response.statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/contacts?limit=4&sort=name${cursor ? `&cursor=${cursor}` : ''}`;
      const page = json<{ data: { displayName: string }[]; nextCursor: string | null }>(
        await t.app.inject({ method: 'GET', url, headers: ws.owner.headers }),
      );
      seen.push(...page.data.map((c) => c.displayName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    // A cursor kept from a name-sorted page does not fit a list by date, with or without a tag.
    const byName = json<{ nextCursor: string }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/contacts?limit=1&sort=name', headers: ws.owner.headers }),
    ).nextCursor;
    for (const url of [`/api/v1/contacts?sort=-createdAt&cursor=${byName}`, `/api/v1/contacts?tag=vip&sort=createdAt&cursor=${byName}`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: ws.owner.headers });
      expect(response.statusCode, url).toBe(400);
      expect(json<{ errors: { field: string }[] }>(response).errors[0]!.field).toBe('cursor');
    }

    const filtered = json<{ data: { displayName: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/contacts?stage=customer&tag=vip', headers: ws.owner.headers }),
    );
    expect(filtered.data.map((c) => c.displayName)).toEqual(['Adam Ant']);

    const search = async (q: string) =>
      json<{ data: { displayName: string }[] }>(
        await t.app.inject({ method: 'GET', url: `/api/v1/contacts?q=${encodeURIComponent(q)}`, headers: ws.owner.headers }),
      ).data.map((c) => c.displayName);
    expect((await search('Jonathan'))[0]).toBe('Jonathan Harker');
    expect((await search('jonathn'))[0]).toBe('Jonathan Harker');
    expect((await search('muller'))[0]).toBe('Mia Müller');
    expect((await search('carl'))[0]).toBe('Carla Cruz');

    const badCursor = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?cursor=garbage', headers: ws.owner.headers });
    expect(badCursor.statusCode).toBe(400);
  });

  it('pages by creation time through contacts created in one transaction', async () => {
    const ws = await buildWorkspace(t.db);
    const ctx = {
      workspaceId: ws.workspaceId,
      requestId: 'test',
      actor: { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] },
    };
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await createContact({ ...ctx, db: tx }, { firstName: `Same${i}` });
    });
    for (const sort of ['createdAt', '-createdAt', 'updatedAt', '-name']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page++) {
        const url: string = `/api/v1/contacts?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const body = json<{ data: { id: string }[]; nextCursor: string | null }>(
          await t.app.inject({ method: 'GET', url, headers: ws.owner.headers }),
        );
        seen.push(...body.data.map((c) => c.id));
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      expect(new Set(seen).size, sort).toBe(5);
      expect(seen, sort).toHaveLength(5);
    }
  });

  it('replays a create with the same Idempotency-Key instead of creating twice', async () => {
    const ws = await buildWorkspace(t.db);
    const send = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...ws.owner.headers, 'idempotency-key': 'abc-123' }, payload });
    const first = await send({ firstName: 'Once' });
    const second = await send({ firstName: 'Once' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(json(second)).toEqual(json(first));
    expect(second.headers['idempotent-replayed']).toBe('true');
    const reused = await send({ firstName: 'Different' });
    expect(reused.statusCode).toBe(422);
    const list = json<{ data: unknown[] }>(await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: ws.owner.headers }));
    expect(list.data).toHaveLength(1);
  });

  it('limits members with record scope "own" to the contacts they own', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const mine = json<{ id: string }>(
      await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: limited.headers, payload: { firstName: 'Mine' } }),
    );
    const theirs = json<{ id: string }>(
      await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: ws.owner.headers, payload: { firstName: 'Theirs' } }),
    );
    const list = json<{ data: { id: string }[] }>(await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: limited.headers }));
    expect(list.data.map((c) => c.id)).toEqual([mine.id]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${theirs.id}`, headers: limited.headers })).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/contacts/${theirs.id}`,
          headers: limited.headers,
          payload: { firstName: 'Hijacked' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${theirs.id}`, headers: limited.headers })).statusCode).toBe(404);
    const giveAway = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: limited.headers,
      payload: { firstName: 'Gift', ownerId: ws.owner.userId },
    });
    expect(giveAway.statusCode).toBe(403);
    const still = json<{ firstName: string }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${theirs.id}`, headers: ws.owner.headers }),
    );
    expect(still.firstName).toBe('Theirs');
  });

  it('lets viewers read but not write', async () => {
    const ws = await buildWorkspace(t.db);
    const viewer = await ws.member('viewer');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: viewer.headers })).statusCode).toBe(200);
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: viewer.headers, payload: { firstName: 'No' } });
    expect(write.statusCode).toBe(403);
  });
});
