/**
 * Puts a mention on a contact's timeline as a note quoting it, with what listening heard and where
 * and when it was said: once per mention and action, so acting on a mention again adds no second
 * note (nor a second interaction to anyone's history).
 */
import { logActivity } from '../../crm/index.js';
import { INTENT_NAMES, isIntentLabel } from '../../nlp/intent/intent-labels.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import type { Mention } from '../mentions/mention.schema.js';
import { claimMentionNote, mentionNoteWritten, releaseMentionNote } from './mention-note.repo.js';

const QUOTED = 2_000;

/** What listening heard in a mention: its intent in words, or a plain mention when it has none (or none of the named ones). */
export function heardAs(mention: Pick<Mention, 'intent'>): string {
  return isIntentLabel(mention.intent) && mention.intent !== 'other' ? INTENT_NAMES[mention.intent] : 'Mention';
}

export async function logMention(ctx: Ctx, db: Db, note: { contactId: string; mention: Mention; action: string; why: string }) {
  const { contactId, mention, action, why } = note;
  if (!(await claimMentionNote(db, ctx.workspaceId, mention.id, action))) return;
  const said = mention.text.length > QUOTED ? `${mention.text.slice(0, QUOTED)}…` : mention.text;
  const lines = [`${why} heard by the query “${mention.queryName}” on ${mention.network}:`, '', `> ${said.replaceAll('\n', '\n> ')}`];
  if (mention.url) lines.push('', mention.url);
  try {
    const activity = await logActivity(ctx, db, {
      type: 'note',
      subject: `${why} on ${mention.network}`.slice(0, 500),
      body: lines.join('\n'),
      occurredAt: new Date(mention.sentAt).toISOString(),
      contactId,
    });
    await mentionNoteWritten(db, ctx.workspaceId, mention.id, action, activity.id);
  } catch (error) {
    await releaseMentionNote(db, ctx.workspaceId, mention.id, action);
    throw error;
  }
}
