/** The stored-message step that matches each new author of a batch once, in the batch's transaction. */
import type { StoredMessagesStep } from '../../ingest/index.js';
import { matchArrivedIdentities, type SeenIdentity } from './match-identities.js';

export const matchAuthorsStep: StoredMessagesStep = {
  name: 'identity.match-authors',
  async run(tx, workspaceId, messages) {
    // Outbound messages are the workspace's own: their author is no customer to match.
    // Each author as its latest message in the batch shows them: usually what the batch stored,
    // so the look-ups go with the claim; matching checks it against the stored row either way.
    const authors = new Map<string, { at: Date; seen: SeenIdentity }>();
    for (const { message, authorIdentityId } of messages) {
      if (message.direction !== 'in' || !authorIdentityId) continue;
      const before = authors.get(authorIdentityId);
      if (before && before.at > message.sentAt) continue;
      const { author } = message;
      authors.set(authorIdentityId, {
        at: message.sentAt,
        seen: {
          network: message.channel,
          handle: author.handle,
          displayName: author.displayName,
          profileUrl: author.profileUrl ?? null,
          email: author.email ?? null,
        },
      });
    }
    const seen = new Map([...authors].map(([id, { seen }]) => [id, seen]));
    await matchArrivedIdentities(tx, workspaceId, [...authors.keys()], seen);
  },
};
