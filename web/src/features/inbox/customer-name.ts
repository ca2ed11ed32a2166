/** The name to show for a conversation's customer, from what the network told us about them. */
import type { Conversation } from './types';

export function customerName(conversation: Pick<Conversation, 'identity' | 'contact'>): string {
  const { identity, contact } = conversation;
  return contact?.displayName || identity?.displayName || identity?.handle || identity?.email || 'Unknown sender';
}
