/** The dead-letter list's filters: the reasons the pipeline gives, and whether a replay took the item. */
export const DEAD_LETTER_CODES = [
  { value: 'malformed', label: 'Unreadable (malformed)' },
  { value: 'invalid', label: 'Missing or wrong fields (invalid)' },
  { value: 'too-large', label: 'Too large' },
  { value: 'empty', label: 'Empty' },
];

export type DeadLetterStatus = 'unresolved' | 'resolved' | 'all';

export const DEAD_LETTER_STATUSES: { value: DeadLetterStatus; label: string }[] = [
  { value: 'unresolved', label: 'Not resolved' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

/** The API's `resolved` filter for a status; undefined for all. */
export function statusFilter(status: DeadLetterStatus): boolean | undefined {
  return status === 'all' ? undefined : status === 'resolved';
}
