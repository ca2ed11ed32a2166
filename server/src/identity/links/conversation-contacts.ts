/**
 * A conversation created by one ingest batch while another, concurrent one linked its customer's
 * identity to a contact: neither transaction saw the other's uncommitted rows, so the conversation
 * kept no contact. Whichever of the two commits last has its event relayed once both are visible,
 * so filling the contact on both events leaves none behind.
 */
import { eventsByWorkspace } from '../../platform/events/event.js';
import type { AppDeps } from '../../platform/module.js';
import { fillConversationContacts } from './link.repo.js';

export function subscribeConversationContacts({ bus, db }: AppDeps): void {
  bus.subscribeMany('*', async (events, onError) => {
    for (const [workspaceId, inWorkspace] of eventsByWorkspace(events)) {
      const linked = inWorkspace.filter((e) => e.type === 'identity.linked').map((e) => e.subjectId);
      const created = inWorkspace.filter((e) => e.type === 'conversation.created').map((e) => e.subjectId);
      if (linked.length === 0 && created.length === 0) continue;
      try {
        await fillConversationContacts(db, workspaceId, linked, created);
      } catch (error) {
        onError(error, inWorkspace[0]!);
      }
    }
  });
}
