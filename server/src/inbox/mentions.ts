/**
 * Finds the colleagues a note names as `@Full Name` (or `@First` when only one member has that
 * first name), case-insensitively and only as whole words, so `@Ann` never mentions Anna.
 */
import type { MemberName } from './message.repo.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function named(text: string, name: string): boolean {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}_])@${escape(name)}(?![\\p{L}\\p{N}_])`, 'iu').test(text);
}

export function mentionedMembers(text: string, members: readonly MemberName[]): string[] {
  if (!text.includes('@')) return [];
  const firstNames = new Map<string, number>();
  for (const m of members) {
    const first = m.name.trim().split(/\s+/)[0]!.toLowerCase();
    firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
  }
  const found: string[] = [];
  for (const m of members) {
    const name = m.name.trim();
    if (!name) continue;
    const first = name.split(/\s+/)[0]!;
    if (named(text, name) || (firstNames.get(first.toLowerCase()) === 1 && named(text, first))) found.push(m.userId);
  }
  return found;
}
