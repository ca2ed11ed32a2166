/**
 * What the merge dialog offers and warns about. The natural target of a merge is another
 * conversation with the same customer, on any network (their e-mail and their Mastodon thread), so
 * those come first; and merging a private conversation into a public one changes where replies to
 * the customer go, which the agent must know before confirming.
 */
import { NETWORK_META } from '../channels/networks';
import type { Conversation } from './types';

/** The conversations it can be merged into, the same customer's first, each once, newest first within each group. */
export function mergeCandidates(
  source: Conversation,
  sameCustomer: readonly Conversation[],
  others: readonly Conversation[],
): { sameCustomer: Conversation[]; others: Conversation[] } {
  const seen = new Set([source.id]);
  const take = (list: readonly Conversation[]) =>
    [...list]
      .sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt))
      .filter((c) => {
        if (seen.has(c.id) || c.mergedIntoId) return false;
        seen.add(c.id);
        return true;
      });
  return { sameCustomer: take(sameCustomer), others: take(others) };
}

const networkName = (c: Conversation) => NETWORK_META[c.network]?.label ?? c.network;

/** Said before a private conversation (an e-mail, a direct message) is merged into a public one (a post); null otherwise. */
export function mergePrivacyWarning(source: Conversation, target: Conversation | undefined): string | null {
  if (!target || !source.isPrivate || target.isPrivate) return null;
  return (
    `This conversation is private (${networkName(source)}), and the one you picked is public (${networkName(target)}). ` +
    `After merging, replies to this customer go out there, publicly, where anyone can read them — not privately as before.`
  );
}
