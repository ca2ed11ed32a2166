import { beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../../crm/index.js';
import { systemActor, type Ctx } from '../../platform/context.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { contactKeys, refreshContactKeys } from '../keys/contact-keys.js';
import { keysOf } from '../keys/contact-keys.repo.js';
import { contactPerson } from '../people.js';
import { syncContactKeys } from './key-sync.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('the full pass’s arrival index', () => {
  it('writes only the contacts whose keys changed, leaving the index as the contacts’ own refresh does', async () => {
    const ws = await buildWorkspace(t.db);
    const ctx: Ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    const contacts = [
      await createContact(ctx, { firstName: 'Zoë', lastName: 'Ångström', emails: [{ address: 'zoe.angstrom@hooli.com' }] }),
      await createContact(ctx, { firstName: 'Łukasz', lastName: 'Wiśniewski', phones: [{ number: '+48 601 234 567' }] }),
      await createContact(ctx, {
        firstName: 'Thabo',
        lastName: 'Nkosi',
        socialHandles: [{ network: 'mastodon', handle: '@thabo@fosstodon.org' }],
      }),
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    const people = contacts.map((contact) => contactPerson(contact));

    expect(await syncContactKeys(t.db, ws.workspaceId, people)).toBe(3);
    for (const contact of contacts) {
      expect(await keysOf(t.db, ws.workspaceId, contact.id)).toEqual([...new Set(contactKeys(contact, []))].sort());
    }
    expect(await syncContactKeys(t.db, ws.workspaceId, people)).toBe(0);

    await refreshContactKeys(
      t.db,
      ws.workspaceId,
      contacts.map((contact) => contact.id),
    );
    expect(await syncContactKeys(t.db, ws.workspaceId, people)).toBe(0);

    const changed = people.map((person, index) => (index === 1 ? { ...person, emails: ['lukasz.w@globex.net'] } : person));
    expect(await syncContactKeys(t.db, ws.workspaceId, changed)).toBe(1);
    expect(await keysOf(t.db, ws.workspaceId, contacts[1]!.id)).toContain('e:lukasz.w@globex.net');
  });

  it('removes the keys of contacts that are gone, wherever they sit in id order', async () => {
    const ws = await buildWorkspace(t.db);
    const ctx: Ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    const names = ['Ines', 'Omar', 'Yuki', 'Kwame'];
    const contacts = (await Promise.all(names.map((firstName) => createContact(ctx, { firstName, lastName: 'Okafor' })))).sort((a, b) =>
      a.id < b.id ? -1 : 1,
    );
    const people = contacts.map((contact) => contactPerson(contact));
    expect(await syncContactKeys(t.db, ws.workspaceId, people)).toBe(4);

    // A contact the pass did not load, yet still there (created since), keeps its keys.
    expect(await syncContactKeys(t.db, ws.workspaceId, people.slice(0, 3))).toBe(0);
    // The first, a middle and the last contact deleted without their sync job having run.
    const kept = [people[2]!];
    await t.db.query('DELETE FROM contacts WHERE workspace_id = $1 AND id <> $2', [ws.workspaceId, kept[0]!.id]);
    expect(await syncContactKeys(t.db, ws.workspaceId, kept)).toBe(3);
    for (const [index, contact] of contacts.entries()) {
      expect((await keysOf(t.db, ws.workspaceId, contact.id)).length > 0, contact.firstName).toBe(index === 2);
    }
    await t.db.query('DELETE FROM contacts WHERE workspace_id = $1', [ws.workspaceId]);
    expect(await syncContactKeys(t.db, ws.workspaceId, [])).toBe(1);
    expect(await keysOf(t.db, ws.workspaceId, contacts[2]!.id)).toEqual([]);
  });
});
