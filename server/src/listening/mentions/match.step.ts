/**
 * The pipeline step that turns stored messages into mentions: every public inbound message is
 * matched against the workspace's active queries inside the batch's transaction, so a mention
 * commits with its message or not at all. DMs and e-mails are the inbox's, not listening's.
 */
import type { StoredMessage, StoredMessagesStep } from '../../ingest/index.js';
import { prepareMessage } from '../query/index.js';
import { matchableOf, mentionsOf, seenPostsOf, understandingOf, type MessageFacts } from './mention-facts.js';
import { partReader } from './part-reader.js';
import { insertMentions } from './mention.repo.js';
import { storedSeenPosts } from './seen-posts.repo.js';
import { workspaceQueryIndex } from './query-index-cache.js';
import { recordMentionsAdded } from './mention.events.js';

function factsOf(stored: StoredMessage): MessageFacts {
  const m = stored.message;
  return {
    id: stored.id,
    conversationId: stored.conversationId,
    authorIdentityId: stored.authorIdentityId,
    network: m.channel,
    text: m.text,
    title: m.title ?? null,
    url: m.url ?? null,
    language: m.language ?? null,
    sentAt: m.sentAt,
    author: {
      handle: m.author.handle,
      displayName: m.author.displayName,
      followers: m.author.followers ?? null,
      following: m.author.following ?? null,
      postsCount: m.author.postsCount ?? null,
    },
    metrics: m.metrics ?? null,
    understanding: understandingOf(stored.enrichment),
  };
}

export const matchMentionsStep: StoredMessagesStep = {
  name: 'listening.match',
  async run(tx, workspaceId, messages) {
    const { index, size } = await workspaceQueryIndex(tx, workspaceId);
    if (size === 0) return;
    const now = new Date();
    const read = partReader(workspaceId);
    const subjectOf = (queryId: string) => index.subjectOf(queryId);
    const matched: { facts: MessageFacts; queryIds: string[] }[] = [];
    for (const stored of messages) {
      if (stored.message.direction !== 'in' || stored.message.isPrivate) continue;
      const facts = factsOf(stored);
      const queryIds = index.match(prepareMessage(matchableOf(facts)));
      if (queryIds.length) matched.push({ facts, queryIds });
    }
    if (matched.length === 0) return;
    const authors = matched.flatMap(({ facts }) => (facts.authorIdentityId ? [facts.authorIdentityId] : []));
    const heard = matched.map(({ facts, queryIds }) => ({ facts, mentions: queryIds.length }));
    const seenOf = seenPostsOf(await storedSeenPosts(tx, workspaceId, authors), heard);
    const found = matched.flatMap(({ facts, queryIds }) => mentionsOf(facts, seenOf(facts), queryIds, subjectOf, read, now));
    const inserted = await insertMentions(tx, workspaceId, found);
    await recordMentionsAdded(tx, workspaceId, inserted);
  },
};
