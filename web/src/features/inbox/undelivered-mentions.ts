/** What the composer tells a note's author about colleagues the note named but did not notify. */
import type { UndeliveredMention } from './types';

function listed(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** One sentence for the lot, or null when everyone named was told. */
export function undeliveredMentionsNotice(mentions: readonly UndeliveredMention[]): string | null {
  const hidden = mentions.filter((m) => m.reason === 'cannot_see_conversation').map((m) => m.name);
  if (hidden.length === 0) return null;
  return hidden.length === 1
    ? `${hidden[0]} cannot see this conversation, so was not notified.`
    : `${listed(hidden)} cannot see this conversation, so were not notified.`;
}
