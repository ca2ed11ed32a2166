/**
 * Which changes rescore which contact: new messages, replies, status changes and missed SLAs of
 * the contact's conversations, its activities, its mentions, its own changes (the monetary
 * field), and identities linked to it or unlinked from it (they bring mentions and followers). Handlers only queue (debounced) jobs, so a burst of events costs one recomputation.
 */
import type { Db } from '../platform/db/db.js';
import type { DomainEvent } from '../platform/events/event.js';
import type { AppDeps } from '../platform/module.js';
import { contactOfConversation, contactsOfMentions } from './score.repo.js';
import { queueContactScoring } from './score.queue.js';

const CONVERSATION_EVENTS = ['conversation.created', 'conversation.messages_added', 'conversation.updated', 'conversation.sla_breached'];
const ACTIVITY_EVENTS = ['activity.created', 'activity.updated', 'activity.deleted'];
const CONTACT_EVENTS = ['contact.created', 'contact.updated', 'contact.merged', 'contact.unmerged'];
const IDENTITY_EVENTS = ['identity.linked', 'identity.unlinked'];

const stringAt = (value: unknown, key: string): string | null => {
  const found = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : null;
  return typeof found === 'string' ? found : null;
};

/** The contacts an event touches. */
export async function contactsTouched(db: Db, event: DomainEvent): Promise<string[]> {
  const { workspaceId, type, data } = event;
  if (CONVERSATION_EVENTS.includes(type)) {
    const contactId = await contactOfConversation(db, workspaceId, event.subjectId);
    return contactId ? [contactId] : [];
  }
  if (type === 'message.created') {
    const conversationId = stringAt(data, 'conversationId');
    const contactId = conversationId ? await contactOfConversation(db, workspaceId, conversationId) : null;
    return contactId ? [contactId] : [];
  }
  if (ACTIVITY_EVENTS.includes(type)) {
    // An entry moved from one contact to another changes both.
    return [stringAt(data.before, 'contactId'), stringAt(data.after, 'contactId')].filter((id): id is string => id !== null);
  }
  if (type === 'listening.mentions_added') {
    const ids = Array.isArray(data.mentionIds) ? data.mentionIds.filter((id): id is string => typeof id === 'string') : [];
    return ids.length ? contactsOfMentions(db, workspaceId, ids) : [];
  }
  if (CONTACT_EVENTS.includes(type)) return [event.subjectId];
  if (IDENTITY_EVENTS.includes(type)) {
    const contactId = stringAt(data, 'contactId');
    return contactId ? [contactId] : [];
  }
  return [];
}

export function subscribeScoring({ bus, db }: AppDeps): void {
  bus.subscribe('*', async (event) => {
    const contactIds = await contactsTouched(db, event);
    if (contactIds.length) await queueContactScoring(db, event.workspaceId, contactIds);
  });
}
