/**
 * Synthetic people stored as Rapport contacts: `contacts` rows exactly as the API would write them
 * (names, e-mails, phones, birthday, postal address), bulk-loaded by COPY into a migrated database.
 */
import { stringify } from 'csv-stringify/sync';
import { CONTACT_COLUMNS } from '../../server/src/crm/contacts/contact.repo.js';
import { searchText } from '../../server/src/crm/shared/search-text.js';
import type { PersonRecord } from '../../server/src/identity/matching/index.js';
import type { Db } from '../../server/src/platform/db/db.js';
import { newId } from '../../server/src/platform/db/ids.js';

const COPY_ROWS = 10_000;

/** A birth date as a contact's birthday holds it (YYYY-MM-DD), or none when a typo made it no date. */
function birthday(value: string | null | undefined): string | null {
  if (!value || !/^\d{8}$/.test(value)) return null;
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

export interface StoredPerson {
  contactId: string;
  person: PersonRecord;
}

function contactRow(person: PersonRecord, contactId: string, workspaceId: string, ownerId: string, at: string): unknown[] {
  const first = person.givenName ?? '';
  const last = person.familyName ?? '';
  const emails = (person.emails ?? []).map((address) => address.toLowerCase());
  const phones = person.phones ?? [];
  const birth = birthday(person.birthDate);
  return [
    workspaceId,
    contactId,
    first,
    last,
    `${first} ${last}`.trim() || emails[0] || phones[0] || '',
    '',
    JSON.stringify(emails.map((address) => ({ address }))),
    JSON.stringify(phones.map((number) => ({ number }))),
    '[]',
    null,
    ownerId,
    null,
    'lead',
    '{}',
    '{}',
    JSON.stringify(birth ? [{ kind: 'birthday', date: birth }] : []),
    searchText([first, last, ...emails, ...phones]),
    at,
    at,
    person.address ? JSON.stringify(person.address) : null,
  ];
}

/**
 * COPYs the people into `contacts`, 10,000 rows a statement; calls `kept` with each stored person
 * (the contact's uuid and the person) so a caller can keep the few it needs.
 */
export async function loadContacts(
  db: Db,
  workspace: { workspaceId: string; ownerId: string },
  people: Iterable<PersonRecord>,
  kept?: (stored: StoredPerson) => void,
): Promise<number> {
  const at = new Date().toISOString();
  let rows: unknown[][] = [];
  let loaded = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    loaded += await db.copyCsv('contacts', CONTACT_COLUMNS, stringify(rows, { quoted_string: true }));
    rows = [];
  };
  for (const person of people) {
    const contactId = newId();
    rows.push(contactRow(person, contactId, workspace.workspaceId, workspace.ownerId, at));
    kept?.({ contactId, person });
    if (rows.length === COPY_ROWS) await flush();
  }
  await flush();
  return loaded;
}
