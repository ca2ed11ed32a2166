/**
 * Rapport's own JSON export as an import: an array of contacts, each read as the contacts API
 * would take it. The file's fields are the columns of the mapping step (custom values one column
 * per key); mapping one to null, or leaving it out of the mapping, skips it. The contacts' own ids
 * and timestamps are not read; the company, owner and team are kept when they are this workspace's
 * (the service checks), and the company is otherwise found or created by its name.
 */
import { RapportError } from '../../platform/http/errors.js';
import { hasLoneSurrogate } from '../../platform/text/surrogates.js';
import type { CustomField } from '../custom-fields/custom-field.schema.js';
import { checkText, MAX_ROWS, unreadable } from './csv.reader.js';
import { newDraft, type ContactDraft } from './import.draft.js';
import type { Mapping } from './import.mapping.js';

/** The export's fields the import reads, with the target the mapping step shows for each. */
export const JSON_FIELDS = {
  firstName: 'firstName',
  lastName: 'lastName',
  title: 'title',
  companyName: 'company',
  lifecycleStage: 'lifecycleStage',
  tags: 'tags',
  emails: 'email',
  phones: 'phone',
  socialHandles: 'socialHandles',
  importantDates: 'importantDates',
  address: 'address:street',
} as const;
type JsonField = keyof typeof JSON_FIELDS;
const FIELDS = Object.keys(JSON_FIELDS) as JsonField[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Only an escape brings a NUL or half of a UTF-16 surrogate pair into a JSON text. */
const UNSTORABLE_ESCAPE = /\\u(0000|d[89a-f])/i;

/**
 * PostgreSQL stores neither a NUL nor a lone surrogate in jsonb (a custom key holding one failed
 * the upload with a 500), and a text column would quietly store U+FFFD for the surrogate.
 */
function refuseUnstorable(key: string, value: unknown): unknown {
  for (const text of [key, value]) {
    if (typeof text === 'string' && (text.includes('\u0000') || hasLoneSurrogate(text))) {
      throw unreadable(`the file holds a NUL character or half of a UTF-16 surrogate pair (in "${key}"), which is no text`);
    }
  }
  return value;
}

/** The contacts of a JSON export; what is not an array of them is refused whole. */
export function parseJsonContacts(content: string): unknown[] {
  checkText(content, 'JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.replace(/^\ufeff/, ''), UNSTORABLE_ESCAPE.test(content) ? refuseUnstorable : undefined);
  } catch (error) {
    if (error instanceof RapportError) throw error;
    throw unreadable(`the file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(parsed)) throw unreadable('the file must hold an array of contacts, as Rapport’s JSON export writes it');
  if (parsed.length === 0) throw unreadable('the file holds no contacts');
  if (parsed.length > MAX_ROWS) throw unreadable(`the file has ${parsed.length} contacts; at most ${MAX_ROWS} can be imported at once`);
  return parsed;
}

/** The columns of the mapping step: the fields the contacts hold, then one per custom key. */
export function jsonColumns(contacts: readonly unknown[]): string[] {
  const present = new Set<string>();
  const customKeys = new Set<string>();
  for (const contact of contacts) {
    if (!isObject(contact)) continue;
    for (const field of FIELDS) if (contact[field] !== undefined && contact[field] !== null) present.add(field);
    if (isObject(contact.custom)) for (const key of Object.keys(contact.custom)) customKeys.add(key);
  }
  return [...FIELDS.filter((f) => present.has(f)), ...[...customKeys].sort().map((key) => `custom:${key}`)];
}

/** Custom values go where the workspace has a field with their key; others are skipped unless mapped. */
export function suggestJsonMapping(columns: readonly string[], customFields: readonly CustomField[]): Mapping {
  const keys = new Set(customFields.map((f) => f.key));
  return Object.fromEntries(
    columns.map((column) => {
      const key = column.startsWith('custom:') ? column.slice('custom:'.length) : null;
      return [column, key === null ? JSON_FIELDS[column as JsonField] : keys.has(key) ? column : null];
    }),
  );
}

/** A value as the mapping step's example shows it. */
export function previewValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(previewValue).filter(Boolean).join('; ');
  if (isObject(value)) {
    // An e-mail or phone reads as its address or number, then its label.
    const entries = Object.entries(value).sort(([a], [b]) => Number(a === 'label') - Number(b === 'label'));
    return entries
      .map(([, part]) => previewValue(part))
      .filter(Boolean)
      .join(' ');
  }
  return String(value);
}

export function columnValue(contact: unknown, column: string): unknown {
  if (!isObject(contact)) return undefined;
  if (column.startsWith('custom:')) return isObject(contact.custom) ? contact.custom[column.slice('custom:'.length)] : undefined;
  return contact[column];
}

/**
 * The contact at `position` (1-based) as a draft. Values are passed on as the file holds them, so
 * the contacts API's schema names what is wrong by its path (`emails.1.address`).
 */
export function jsonToDraft(contact: unknown, position: number, skip: ReadonlySet<string>): ContactDraft {
  const draft = newDraft(position);
  if (!isObject(contact)) {
    draft.problems.push({ field: 'contact', reason: 'is not a contact (an object, as the JSON export writes them)' });
    return draft;
  }
  const input = draft.input as Record<string, unknown>;
  for (const field of FIELDS) {
    const value = contact[field];
    if (value === undefined || value === null || skip.has(field)) continue;
    if (field !== 'companyName') input[field] = value;
    else if (typeof value === 'string') draft.companyName = value.trim() || null;
    else draft.problems.push({ field, reason: 'must be a string' });
  }
  draft.sources.company = 'companyName';
  if (isObject(contact.custom)) {
    const custom = Object.entries(contact.custom).filter(([key]) => !skip.has(`custom:${key}`));
    if (custom.length) input.custom = Object.fromEntries(custom);
  }
  // The company's id picks it among companies of one name, so it goes with the company's name.
  if (typeof contact.companyId === 'string' && !skip.has('companyName')) draft.references.companyId = contact.companyId;
  for (const field of ['ownerId', 'teamId'] as const) {
    const value = contact[field];
    if (value === null || typeof value === 'string') draft.references[field] = value;
  }
  return draft;
}
