/** How a mention's author is named: display name, else handle, never blank. */
import type { Mention } from './types';

export function authorName(author: Mention['author']): string {
  return author.displayName?.trim() || author.handle?.trim() || 'Unknown author';
}

/** "@ann" for a bare handle; handles that already carry a sigil or a domain, and feed names, stay as they are. */
export function authorHandle(author: Mention['author']): string | null {
  const handle = author.handle?.trim();
  if (!handle) return null;
  return /^[@#]/.test(handle) || /[@\s]/.test(handle) ? handle : `@${handle}`;
}
