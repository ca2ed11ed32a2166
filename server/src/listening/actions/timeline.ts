/** Puts a mention on a contact's timeline as a note quoting it, with where and when it was said. */
import { logActivity } from '../../crm/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import type { Mention } from '../mentions/mention.schema.js';

const QUOTED = 2_000;

export async function logMention(ctx: Ctx, db: Db, contactId: string, mention: Mention, why: string): Promise<void> {
  const said = mention.text.length > QUOTED ? `${mention.text.slice(0, QUOTED)}…` : mention.text;
  const lines = [`${why} heard by the query “${mention.queryName}” on ${mention.network}:`, '', `> ${said.replaceAll('\n', '\n> ')}`];
  if (mention.url) lines.push('', mention.url);
  await logActivity(ctx, db, {
    type: 'note',
    subject: `${why} on ${mention.network}`.slice(0, 500),
    body: lines.join('\n'),
    occurredAt: new Date(mention.sentAt).toISOString(),
    contactId,
  });
}
