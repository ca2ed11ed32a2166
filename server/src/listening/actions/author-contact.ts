/** The contact behind a mention's author (see the identity domain's `contactForIdentity`). */
import type { Contact } from '../../crm/index.js';
import { contactForIdentity, type WantedContact } from '../../identity/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { RapportError } from '../../platform/http/errors.js';
import type { Mention } from '../mentions/mention.schema.js';

export async function contactForAuthor(
  ctx: Ctx,
  db: Db,
  mention: Mention,
  wanted: WantedContact,
): Promise<{ contact: Contact; created: boolean }> {
  const identityId = mention.author.identityId;
  if (!identityId) throw new RapportError('no_author', 422, 'This mention has no known author to make a contact of');
  return contactForIdentity(ctx, db, identityId, wanted);
}
