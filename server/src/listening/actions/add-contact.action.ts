/** Add as a contact: the author joins the CRM (or is found there), with the mention on their timeline. */
import { Type } from 'typebox';
import { contactForAuthor } from './author-contact.js';
import { registerMentionAction } from './mention-action.js';
import { logMention } from './timeline.js';

registerMentionAction({
  name: 'add-contact',
  label: 'Add as contact',
  description: 'Add the author to the contacts, with this mention on their timeline',
  role: 'agent',
  params: Type.Object({}, { additionalProperties: false }),
  async run(ctx, db, mention) {
    const { contact, created } = await contactForAuthor(ctx, db, mention, { lifecycleStage: 'subscriber', tags: ['from-listening'] });
    await logMention(ctx, db, { contactId: contact.id, mention, action: 'add-contact', why: 'Mention' });
    return {
      contactId: contact.id,
      summary: created ? `${contact.displayName} was added to the contacts` : `${contact.displayName} is already a contact`,
    };
  },
});
