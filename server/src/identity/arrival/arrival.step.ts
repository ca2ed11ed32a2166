/** The stored-message step that matches each new author of a batch once, in the batch's transaction. */
import type { StoredMessagesStep } from '../../ingest/index.js';
import { matchArrivedIdentities } from './match-identities.js';

export const matchAuthorsStep: StoredMessagesStep = {
  name: 'identity.match-authors',
  async run(tx, workspaceId, messages) {
    // Outbound messages are the workspace's own: their author is no customer to match.
    const authors = new Set<string>();
    for (const { message, authorIdentityId } of messages) if (message.direction === 'in' && authorIdentityId) authors.add(authorIdentityId);
    await matchArrivedIdentities(tx, workspaceId, [...authors]);
  },
};
