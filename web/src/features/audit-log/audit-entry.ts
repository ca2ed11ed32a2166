/**
 * How a change reads in the audit log: what happened in words, where the record lives in the app,
 * and which fields changed from what to what. Pure functions, so they are tested without a browser.
 */
import type { AuditEntry } from './types';

/** The kinds of record people look for, in the words the app uses; others show as the API names them. */
export const RECORD_KINDS: { value: string; label: string }[] = [
  { value: 'contact', label: 'Contacts' },
  { value: 'company', label: 'Companies' },
  { value: 'activity', label: 'Activities' },
  { value: 'task', label: 'Tasks' },
  { value: 'conversation', label: 'Conversations' },
  { value: 'identity', label: 'Identities' },
  { value: 'user', label: 'Members' },
  { value: 'team', label: 'Teams' },
  { value: 'api_token', label: 'API tokens' },
  { value: 'channel', label: 'Channels' },
  { value: 'custom_field', label: 'Custom fields' },
  { value: 'listening_query', label: 'Listening queries' },
  { value: 'workspace', label: 'Workspace' },
];

const SUBJECT_WORDS: Record<string, string> = {
  api_token: 'API token',
  user: 'member',
  listening_query: 'listening query',
  listening_alert: 'listening alert',
  canned_response: 'canned response',
  custom_field: 'custom field',
  routing_rule: 'routing rule',
};

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "api_token" → "API token", "user" → "Member": one record of a kind, in the app's words. */
export function subjectLabel(subjectType: string): string {
  return capitalised(SUBJECT_WORDS[subjectType] ?? subjectType.replaceAll('_', ' '));
}

/** "contact.updated" → "Contact updated"; "conversation.messages_added" → "Conversation messages added". */
export function describeChange(type: string): string {
  const [subject = type, ...rest] = type.split('.');
  return [subjectLabel(subject), ...rest.map((part) => part.replaceAll('_', ' '))].join(' ');
}

/** The page a record opens on, for the kinds of record that have one. */
export function recordPath(entry: Pick<AuditEntry, 'subjectType' | 'subjectId'>): string | null {
  const id = encodeURIComponent(entry.subjectId);
  switch (entry.subjectType) {
    case 'contact':
      return `/contacts/${id}`;
    case 'company':
      return `/companies/${id}`;
    case 'conversation':
      return `/inbox/${id}`;
    default:
      return null;
  }
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** Bookkeeping columns every snapshot carries, which say nothing about the change itself. */
const HIDDEN_FIELDS = new Set(['id', 'workspace_id', 'workspaceId', 'created_at', 'createdAt', 'updated_at', 'updatedAt']);

/** "first_name" or "firstName" → "First name". */
export function fieldLabel(field: string): string {
  return capitalised(
    field
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replaceAll('_', ' ')
      .toLowerCase(),
  );
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** A list item in words: an e-mail entry reads "ann@example.com · work", not as JSON. */
function itemText(value: unknown): string {
  if (Array.isArray(value))
    return value
      .filter((v) => !isEmpty(v))
      .map(itemText)
      .join(', ');
  if (value !== null && typeof value === 'object') {
    return Object.values(value)
      .filter((v) => !isEmpty(v))
      .map(itemText)
      .join(' · ');
  }
  return String(value);
}

/** A field's value in words; null when it has none. */
export function displayValue(value: unknown): string | null {
  if (isEmpty(value)) return null;
  if (Array.isArray(value)) return itemText(value);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => `${k}: ${itemText(v)}`)
      .join(', ');
  }
  return String(value);
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The fields a change touched: with a before and an after, each field whose value differs; with an
 * after only (a creation), every field that has a value; otherwise the event's own data.
 */
export function changesOf(data: Record<string, unknown>): FieldChange[] {
  const before = record(data.before);
  const after = record(data.after);
  if (before || after) {
    const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !HIDDEN_FIELDS.has(f));
    return fields
      .map((field) => ({ field, before: displayValue(before?.[field]), after: displayValue(after?.[field]) }))
      .filter((change) => change.before !== change.after);
  }
  return Object.keys(data)
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .map((field) => ({ field, before: null, after: displayValue(data[field]) }))
    .filter((change) => change.after !== null);
}
