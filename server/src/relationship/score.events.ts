/**
 * Which changes rescore which contact: new messages, replies, status changes and missed SLAs of
 * the contact's conversations, its activities, its mentions, its own changes (the monetary
 * field), and identities linked to it or unlinked from it (they bring mentions and followers).
 * Handlers only queue (debounced) jobs, so a burst of events costs one recomputation.
 */
import type { Db } from '../platform/db/db.js';
import { eventsByWorkspace, type DomainEvent } from '../platform/events/event.js';
import type { AppDeps } from '../platform/module.js';
import { contactsOfConversations, contactsOfMentions } from './score.repo.js';
import { queueContactScoring } from './score.queue.js';

const CONVERSATION_EVENTS = ['conversation.created', 'conversation.messages_added', 'conversation.updated', 'conversation.sla_breached'];
const ACTIVITY_EVENTS = ['activity.created', 'activity.updated', 'activity.deleted'];
const CONTACT_EVENTS = ['contact.created', 'contact.updated', 'contact.merged', 'contact.unmerged'];
const IDENTITY_EVENTS = ['identity.linked', 'identity.unlinked'];

const stringAt = (value: unknown, key: string): string | null => {
  const found = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : null;
  return typeof found === 'string' ? found : null;
};

/** The contacts some events of one workspace touch: a few queries for the lot, whatever their number. */
export async function contactsTouched(db: Db, workspaceId: string, events: readonly DomainEvent[]): Promise<string[]> {
  const contacts: string[] = [];
  const conversations: string[] = [];
  const mentions: string[] = [];
  for (const { type, data, subjectId } of events) {
    if (CONVERSATION_EVENTS.includes(type)) conversations.push(subjectId);
    else if (type === 'message.created') {
      const conversationId = stringAt(data, 'conversationId');
      if (conversationId) conversations.push(conversationId);
    } else if (ACTIVITY_EVENTS.includes(type)) {
      // An entry moved from one contact to another changes both.
      for (const id of [stringAt(data.before, 'contactId'), stringAt(data.after, 'contactId')]) if (id) contacts.push(id);
    } else if (type === 'listening.mentions_added' && Array.isArray(data.mentionIds)) {
      mentions.push(...data.mentionIds.filter((id): id is string => typeof id === 'string'));
    } else if (CONTACT_EVENTS.includes(type)) {
      contacts.push(subjectId);
      // An unmerge brings the merged contact back without the scores its deletion took: it needs them again.
      const mergedId = type === 'contact.unmerged' ? stringAt(data, 'mergedId') : null;
      if (mergedId) contacts.push(mergedId);
    } else if (IDENTITY_EVENTS.includes(type)) {
      const contactId = stringAt(data, 'contactId');
      if (contactId) contacts.push(contactId);
    }
  }
  contacts.push(...(await contactsOfConversations(db, workspaceId, [...new Set(conversations)])));
  contacts.push(...(await contactsOfMentions(db, workspaceId, [...new Set(mentions)])));
  return [...new Set(contacts)];
}

/** Handles a relay pass's events together: per workspace, the contacts they touch are looked up and queued at once. */
export function subscribeScoring({ bus, db }: AppDeps): void {
  bus.subscribeMany('*', async (events, onError) => {
    for (const [workspaceId, inWorkspace] of eventsByWorkspace(events)) {
      try {
        const contactIds = await contactsTouched(db, workspaceId, inWorkspace);
        if (contactIds.length) await queueContactScoring(db, workspaceId, contactIds);
      } catch (error) {
        onError(error, inWorkspace[0]!);
      }
    }
  });
}
