/**
 * Upgrading a database whose contacts were made from Meta authors known by a page-scoped id alone,
 * when "Add as contact" copied that number as the contact's name and Facebook handle: the number
 * leaves the contact (its author keeps it as the external id and stays linked), the contact is named
 * as one made from the author now is, and each change is a contact edit with its event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, type ContactInput } from '../crm/index.js';
import { insertIdentity } from '../inbox/testing/conversations.js';
import { allMigrations } from '../modules.js';
import { systemActor } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import { migrate } from '../platform/db/migrate.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { buildWorkspace } from '../platform/testing/test-app.js';

const NETWORK_IDS = 'identity/007-network-ids-off-contacts';

describe(NETWORK_IDS, () => {
  let old: Db;
  // A database migrated up to the step before: most of the time this file takes, on PGlite.
  beforeAll(async () => {
    old = await openFreshDb(allMigrations().filter((m) => m.id !== NETWORK_IDS));
  });
  afterAll(async () => {
    await old?.close();
  });

  it('takes the numeric ids out of the names and handles of contacts made from their authors, and nothing else', async () => {
    const ws = await buildWorkspace(old);
    const other = await buildWorkspace(old);
    const ctx = (workspaceId: string) => ({ workspaceId, actor: systemActor(), db: old, requestId: 'test' });

    /** A contact and its author as "Add as contact" made them before: the author's name, handle and profile copied whole. */
    async function addedAsContact(
      workspaceId: string,
      author: { network?: string; externalId: string; handle?: string; displayName?: string; linked?: boolean },
      contact: ContactInput = {},
    ) {
      const network = author.network ?? 'facebook';
      const handle = author.handle ?? author.externalId;
      const made = await createContact(ctx(workspaceId), {
        firstName: author.displayName ?? author.externalId,
        socialHandles: [{ network, handle }],
        ...contact,
      });
      const identityId = await insertIdentity(old, workspaceId, {
        network,
        externalId: author.externalId,
        handle,
        displayName: author.displayName ?? author.externalId,
        email: null,
        contactId: author.linked === false ? null : made.id,
      });
      return { contactId: made.id, identityId };
    }

    const unknown = await addedAsContact(ws.workspaceId, { externalId: '6512345678900001' });
    // The author has given a name since (a later message carried it); the contact still has the number.
    const named = await addedAsContact(ws.workspaceId, { externalId: '6512345678900002' });
    await old.query('UPDATE social_identities SET display_name = $3 WHERE workspace_id = $1 AND id = $2', [
      ws.workspaceId,
      named.identityId,
      'Mia Rossi',
    ]);
    const renamedByMember = await addedAsContact(
      ws.workspaceId,
      { externalId: '6512345678900003' },
      { firstName: 'Luca', lastName: 'Bianchi', lifecycleStage: 'customer' },
    );
    const withEmail = await addedAsContact(
      ws.workspaceId,
      { network: 'instagram', externalId: '1784140000000004' },
      { emails: [{ address: 'zoe@example.org' }] },
    );
    const instagramUser = await addedAsContact(ws.workspaceId, {
      network: 'instagram',
      externalId: '1784140000000005',
      handle: 'mia.rossi',
      displayName: 'mia.rossi',
    });
    const unlinked = await addedAsContact(ws.workspaceId, { externalId: '6512345678900006', linked: false });
    const elsewhere = await addedAsContact(other.workspaceId, { externalId: '6512345678900007' });

    expect(await migrate(old, allMigrations())).toEqual([NETWORK_IDS]);

    const { rows: contacts } = await old.query<{
      id: string;
      first_name: string;
      last_name: string;
      display_name: string;
      social_handles: unknown[];
      search_text: string;
      lifecycle_stage: string;
    }>(
      `SELECT id, first_name, last_name, display_name, social_handles, search_text, lifecycle_stage FROM contacts
        WHERE workspace_id = ANY($1::uuid[])`,
      [[ws.workspaceId, other.workspaceId]],
    );
    const contact = (id: string) => contacts.find((c) => c.id === id)!;
    expect(contact(unknown.contactId)).toMatchObject({ first_name: 'Unknown', last_name: '', display_name: 'Unknown', social_handles: [] });
    expect(contact(unknown.contactId).search_text).not.toContain('6512345678900001');
    expect(contact(named.contactId)).toMatchObject({
      first_name: 'Mia',
      last_name: 'Rossi',
      display_name: 'Mia Rossi',
      social_handles: [],
    });
    expect(contact(renamedByMember.contactId)).toMatchObject({
      display_name: 'Luca Bianchi',
      social_handles: [],
      lifecycle_stage: 'customer',
    });
    expect(contact(withEmail.contactId)).toMatchObject({ first_name: '', display_name: 'zoe@example.org', social_handles: [] });
    expect(contact(instagramUser.contactId)).toMatchObject({
      display_name: 'mia.rossi',
      social_handles: [{ network: 'instagram', handle: 'mia.rossi' }],
    });
    // Not linked: nothing says the number on it is an author's id.
    expect(contact(unlinked.contactId)).toMatchObject({ display_name: '6512345678900006' });
    expect(contact(elsewhere.contactId)).toMatchObject({ display_name: 'Unknown', social_handles: [] });

    // The authors keep their numbers and their contacts.
    const { rows: authors } = await old.query<{ id: string; external_id: string; handle: string; contact_id: string | null }>(
      'SELECT id, external_id, handle, contact_id FROM social_identities WHERE workspace_id = $1 AND id = $2',
      [ws.workspaceId, unknown.identityId],
    );
    expect(authors).toEqual([
      { id: unknown.identityId, external_id: '6512345678900001', handle: '6512345678900001', contact_id: unknown.contactId },
    ]);

    // Each change is an edit by Rapport, with the values before: what follows an edit (keys, scores) follows it too.
    const { rows: events } = await old.query<{ subject_id: string; actor_id: string | null; data: { before: Record<string, unknown> } }>(
      `SELECT subject_id, actor_id, data FROM events WHERE workspace_id = $1 AND type = 'contact.updated' ORDER BY subject_id`,
      [ws.workspaceId],
    );
    expect(events.map((e) => e.subject_id)).toEqual(
      [unknown.contactId, named.contactId, renamedByMember.contactId, withEmail.contactId].sort(),
    );
    expect(events.every((e) => e.actor_id === null)).toBe(true);
    expect(events.find((e) => e.subject_id === unknown.contactId)!.data.before).toMatchObject({
      firstName: '6512345678900001',
      displayName: '6512345678900001',
      socialHandles: [{ network: 'facebook', handle: '6512345678900001' }],
    });
  });
});
