/** The name to show for a conversation's customer, from what the network told us about them. */
import type { Conversation } from './types';

export function customerName(conversation: Pick<Conversation, 'identity' | 'contact'>): string {
  const { identity, contact } = conversation;
  return contact?.displayName || identity?.displayName || identity?.handle || identity?.email || 'Unknown sender';
}

/**
 * What a screen reader says for a conversation's checkbox in the list. The customer alone is not
 * enough: one customer often has several conversations, and "Select conversation with Ada" three
 * times over does not tell which box is which.
 */
export function selectionLabel(conversation: Pick<Conversation, 'identity' | 'contact' | 'subject' | 'preview'>): string {
  const about = (conversation.subject || conversation.preview).replace(/\s+/g, ' ').trim();
  const name = customerName(conversation);
  return about
    ? `Select conversation with ${name}: ${about.length > 80 ? `${about.slice(0, 79)}…` : about}`
    : `Select conversation with ${name}`;
}
