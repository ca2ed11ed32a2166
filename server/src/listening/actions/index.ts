/** Loads the built-in mention actions into the registry; more register themselves the same way. */
import './reply.action.js';
import './hand-to-team.action.js';
import './make-lead.action.js';
import './add-contact.action.js';

export { mayUse, mentionAction, mentionActions, registerMentionAction, type ActionResult, type MentionAction } from './mention-action.js';
