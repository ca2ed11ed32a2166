/**
 * Threading: which conversation each new message belongs to. Pure, so the rules are tested
 * without a database; the repository supplies what is already stored.
 *
 * A message joins the conversation named by its thread key; else the conversation of the message it
 * replies to (its parent, then its root); else the conversation keyed by its root, its parent or
 * itself, created when missing. Keying a new conversation by the root (or parent) is what lets a
 * reply that arrives before its root meet it later: the root, arriving, finds the key it is named by.
 */
import type { NormalisedMessage } from '../../channels/index.js';
import { newId } from '../../platform/db/ids.js';

/** A (network, id) pair as one map key. */
export const keyOf = (network: string, id: string) => `${network}\n${id}`;

export interface StoredThreads {
  /** Conversation ids by keyOf(network, thread key). */
  conversationByKey: ReadonlyMap<string, string>;
  /** Conversation ids of stored messages by keyOf(network, external id). */
  conversationByMessage: ReadonlyMap<string, string>;
}

export interface PlannedConversation {
  id: string;
  network: string;
  threadKey: string;
  /** The batch's messages that open it, in thread order. */
  messages: NormalisedMessage[];
}

export interface ThreadPlan {
  /** The conversation id of each message, in the order given. */
  conversationIds: string[];
  created: PlannedConversation[];
}

/** The thread keys and message ids a batch may thread onto, to look up before planning. */
export function threadLookups(messages: readonly NormalisedMessage[]): { keys: [string, string][]; replies: [string, string][] } {
  const keys = new Map<string, [string, string]>();
  const replies = new Map<string, [string, string]>();
  for (const m of messages) {
    for (const key of [m.threadKey, fallbackKey(m)]) if (key) keys.set(keyOf(m.channel, key), [m.channel, key]);
    for (const id of [m.inReplyToExternalId, m.rootExternalId]) if (id) replies.set(keyOf(m.channel, id), [m.channel, id]);
  }
  return { keys: [...keys.values()], replies: [...replies.values()] };
}

function fallbackKey(m: NormalisedMessage): string {
  return m.threadKey ?? m.rootExternalId ?? m.inReplyToExternalId ?? m.externalId;
}

/** Messages must come in thread order (oldest first), so a root in the batch is placed before its replies. */
export function planThreads(messages: readonly NormalisedMessage[], stored: StoredThreads): ThreadPlan {
  const byKey = new Map(stored.conversationByKey);
  const byMessage = new Map(stored.conversationByMessage);
  const created = new Map<string, PlannedConversation>();
  const conversationIds = messages.map((m) => {
    const replyTo = (id: string | undefined) => (id ? byMessage.get(keyOf(m.channel, id)) : undefined);
    const key = keyOf(m.channel, fallbackKey(m));
    let id =
      (m.threadKey ? byKey.get(keyOf(m.channel, m.threadKey)) : undefined) ??
      replyTo(m.inReplyToExternalId) ??
      replyTo(m.rootExternalId) ??
      byKey.get(key);
    if (!id) {
      id = newId();
      byKey.set(key, id);
      created.set(id, { id, network: m.channel, threadKey: fallbackKey(m), messages: [] });
    }
    created.get(id)?.messages.push(m);
    byMessage.set(keyOf(m.channel, m.externalId), id);
    return id;
  });
  return { conversationIds, created: [...created.values()] };
}
