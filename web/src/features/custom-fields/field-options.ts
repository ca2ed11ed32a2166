/**
 * The choices a select or multi-select input offers: the field's options, and any value the record
 * still holds from an option since removed, marked as such. Left out, Mantine's inputs show such a
 * value as empty, and the record seems to have lost it. The server keeps it valid on that record
 * but refuses to give it to another.
 */
export interface FieldChoice {
  value: string;
  label: string;
}

export function fieldChoices(options: readonly string[], held: unknown): FieldChoice[] {
  const values = Array.isArray(held) ? held : typeof held === 'string' && held ? [held] : [];
  const removed = values.filter((v): v is string => typeof v === 'string' && !options.includes(v));
  return [
    ...options.map((option) => ({ value: option, label: option })),
    ...[...new Set(removed)].map((value) => ({ value, label: `${value} (no longer an option)` })),
  ];
}
