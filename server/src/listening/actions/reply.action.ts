/** Reply: opens the mention's conversation in the inbox, assigned to whoever chose to answer it. */
import { Type } from 'typebox';
import { openForReply } from '../../inbox/index.js';
import { registerMentionAction } from './mention-action.js';

registerMentionAction({
  name: 'reply',
  label: 'Reply',
  description: 'Open the conversation in the inbox, assigned to you, to answer on the channel it came from',
  role: 'agent',
  changesConversation: true,
  params: Type.Object({}, { additionalProperties: false }),
  async run(ctx, db, mention) {
    await openForReply(ctx, db, mention.conversationId, ctx.actor.userId);
    return { conversationId: mention.conversationId, summary: 'The conversation is open in the inbox' };
  },
});
