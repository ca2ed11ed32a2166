/**
 * Words for the rows of a companies import that found a company already there and updated it: how
 * each found it, and what it changed.
 */
import type { CompanyUpdate } from './types';

/** How a row found its company: "domain acme.example", "name “Acme”", "id in Rapport". */
export function foundBy(update: CompanyUpdate): string {
  switch (update.matchedBy) {
    case 'id':
      return 'id in Rapport';
    case 'domain':
      return `domain ${update.value}`;
    case 'name':
      return `name “${update.value}”`;
  }
}

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  domains: 'domains',
  industry: 'industry',
  size: 'size',
  ownerId: 'owner',
  teamId: 'team',
  tags: 'tags',
  custom: 'custom fields',
  note: 'note added',
};

/** What a row changed: "name, tags and note added", or "nothing changed". */
export function changedText(changed: readonly string[]): string {
  if (changed.length === 0) return 'nothing changed';
  const words = changed.map((field) => FIELD_WORDS[field] ?? field);
  const last = words.pop()!;
  return words.length ? `${words.join(', ')} and ${last}` : last;
}
