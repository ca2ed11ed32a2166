/**
 * Keeps identity resolution current with the contacts: a created, changed, imported, merged or
 * unmerged contact gets fresh keys, the identities already heard from that its addresses and
 * handles name are linked to it, and it is matched against the others; a deleted one leaves no
 * open pair behind. Event handlers only queue a job, which retries until it succeeds, so no change
 * is missed when a handler fails; the job recomputes from the current rows, so running it twice
 * changes nothing.
 */
import { Type } from 'typebox';
import type { Db } from '../../platform/db/db.js';
import type { DomainEvent } from '../../platform/events/event.js';
import { Uuid } from '../../platform/http/schemas.js';
import { defineJob, enqueueJob } from '../../platform/jobs/job.js';
import type { AppDeps } from '../../platform/module.js';
import { dropOpenCandidatesOfContacts } from '../candidates/candidate.repo.js';
import { matchContacts } from '../candidates/contact-matching.js';
import { queueFullPassAfterImport } from '../review/full-pass.job.js';
import { identitySettingsOf } from '../settings/identity-settings.service.js';
import { keysOfContacts, storeContactKeys } from './contact-keys.js';
import { contactsWithStoredKeys, deleteKeys } from './contact-keys.repo.js';
import { linkIdentitiesByRules } from './rule-links.js';

const ContactSyncPayload = Type.Object({ contactIds: Type.Array(Uuid, { minItems: 1, maxItems: 5_000 }) }, { additionalProperties: false });

export const contactSyncJob = defineJob({
  name: 'identity.sync-contacts',
  payload: ContactSyncPayload,
  maxAttempts: 8,
  async handler({ db, workspaceId }, { contactIds }) {
    if (!workspaceId) throw new Error('identity.sync-contacts needs a workspace');
    await syncContacts(db, workspaceId, contactIds);
  },
});

/** The contacts are read once, and their keys made once, for both the index and the matching. */
export async function syncContacts(db: Db, workspaceId: string, contactIds: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const { identifierFields } = await identitySettingsOf(tx, workspaceId);
    const contacts = await contactsWithStoredKeys(tx, workspaceId, contactIds);
    const existing = new Set(contacts.map((contact) => contact.id));
    const gone = contactIds.filter((id) => !existing.has(id));
    if (gone.length) {
      await dropOpenCandidatesOfContacts(tx, workspaceId, gone);
      // The index has no foreign key to cascade (migration identity/003): a deleted contact's keys go here.
      await deleteKeys(tx, workspaceId, gone);
    }
    const keys = keysOfContacts(contacts, identifierFields);
    await storeContactKeys(tx, workspaceId, contacts, keys);
    await linkIdentitiesByRules(tx, workspaceId, contacts, keys);
    await matchContacts(tx, workspaceId, contacts, keys, identifierFields);
  });
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The contacts an event changes, as far as matching cares. */
export function contactsChanged(event: DomainEvent): string[] {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'contact.created':
    case 'contact.updated':
    case 'contact.deleted':
      return [event.subjectId];
    case 'contact.imported':
      return strings(data.contactIds);
    case 'contact.merged':
    case 'contact.unmerged':
      return strings([data.survivorId, data.mergedId]);
    default:
      return [];
  }
}

const EVENTS = ['contact.created', 'contact.updated', 'contact.deleted', 'contact.imported', 'contact.merged', 'contact.unmerged'];

/** Contacts per queued job: the payload's limit. */
const CONTACTS_PER_JOB = 5_000;

interface WorkspaceChanges {
  contactIds: Set<string>;
  /** Those of them an import wrote, and (the first) import's id. */
  imported: Set<string>;
  importId: string | null;
  first: DomainEvent;
}

/**
 * A relay pass's contact changes become one job per workspace (a batch's new e-mail senders are
 * matched together, not one job each). A job for one contact carries a unique key, so a burst of
 * edits to that contact costs one run.
 */
export function subscribeContactSync({ bus, db }: AppDeps): void {
  bus.subscribeMany('contact.*', async (events, onError) => {
    const byWorkspace = new Map<string, WorkspaceChanges>();
    for (const event of events) {
      const contactIds = EVENTS.includes(event.type) ? contactsChanged(event) : [];
      if (contactIds.length === 0) continue;
      const entry = byWorkspace.get(event.workspaceId) ?? { contactIds: new Set(), imported: new Set(), importId: null, first: event };
      for (const id of contactIds) entry.contactIds.add(id);
      if (event.type === 'contact.imported') {
        entry.importId ??= event.subjectId;
        for (const id of contactIds) entry.imported.add(id);
      }
      byWorkspace.set(event.workspaceId, entry);
    }
    for (const [workspaceId, { contactIds, imported, importId, first }] of byWorkspace) {
      try {
        // Imported contacts the full pass will match (`full-pass.job.ts`) are not matched with the prior first.
        const byFullPass = importId !== null && (await queueFullPassAfterImport(db, workspaceId, importId));
        const ids = byFullPass ? [...contactIds].filter((id) => !imported.has(id)) : [...contactIds];
        for (let from = 0; from < ids.length; from += CONTACTS_PER_JOB) {
          const chunk = ids.slice(from, from + CONTACTS_PER_JOB);
          const uniqueKey = chunk.length === 1 ? `${contactSyncJob.name}:${workspaceId}:${chunk[0]}` : undefined;
          await enqueueJob(db, contactSyncJob, { contactIds: chunk }, { workspaceId, uniqueKey });
        }
      } catch (error) {
        onError(error, first);
      }
    }
  });
}
