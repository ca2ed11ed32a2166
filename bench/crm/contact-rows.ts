/**
 * Generated people as `contacts` table rows (CSV for COPY, exactly what Rapport itself would store)
 * and as the CSV file a user would upload to the import.
 */
import { stringify } from 'csv-stringify/sync';
import { newId } from '../../server/src/platform/db/ids.js';
import { searchText } from '../../server/src/crm/shared/search-text.js';
import { person, type Person } from './people.js';

/** The columns of `contacts` that COPY fills, as Rapport defines them. */
export { CONTACT_COLUMNS } from '../../server/src/crm/contacts/contact.repo.js';

function tableRow(p: Person, workspaceId: string, ownerId: string): unknown[] {
  const email = p.email.toLowerCase();
  const handles = p.mastodon ? [{ network: 'mastodon', handle: p.mastodon }] : [];
  return [
    workspaceId,
    newId(),
    p.firstName,
    p.lastName,
    `${p.firstName} ${p.lastName}`,
    p.title,
    JSON.stringify([{ address: email, label: 'work' }]),
    JSON.stringify(p.phone ? [{ number: p.phone, label: 'mobile' }] : []),
    JSON.stringify(handles),
    null,
    ownerId,
    null,
    p.lifecycleStage,
    `{${p.tags.join(',')}}`,
    '{}',
    '[]',
    searchText([p.firstName, p.lastName, p.title, email, p.phone, p.mastodon]),
    p.createdAt.toISOString(),
    p.createdAt.toISOString(),
    null,
  ];
}

/** People `from` to `to` (excluded) of the stream `seed` as CSV in CONTACT_COLUMNS order (empty strings quoted, NULLs empty). */
export function contactTableCsv(seed: number, from: number, to: number, workspaceId: string, ownerId: string): string {
  const rows: unknown[][] = [];
  for (let i = from; i < to; i++) rows.push(tableRow(person(seed, i), workspaceId, ownerId));
  return stringify(rows, { quoted_string: true });
}

export const IMPORT_HEADER = ['First name', 'Last name', 'Email', 'Phone', 'Title', 'Lifecycle stage', 'Tags', 'Mastodon'];

/** The same people as a user's CSV export from another tool: a header row, one contact a line. */
export function contactImportCsv(seed: number, from: number, to: number): string {
  const rows: unknown[][] = [IMPORT_HEADER];
  for (let i = from; i < to; i++) {
    const p = person(seed, i);
    rows.push([p.firstName, p.lastName, p.email, p.phone ?? '', p.title, p.lifecycleStage, p.tags.join(', '), p.mastodon ?? '']);
  }
  return stringify(rows);
}
