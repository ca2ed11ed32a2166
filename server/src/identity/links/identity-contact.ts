/**
 * The contact behind an author (an identity): the one it is already linked to, or a new one made
 * from what the channel tells about them (name, handle, profile, a vouched-for e-mail), then linked,
 * so their next message, mention or conversation lands on the same contact. Asked for from a
 * mention (listening's actions) or a conversation (the inbox's customer panel); the link is a
 * person's decision, kept in the link history and shown on the identity panel.
 */
import { createContact, getContact, namePartsOf, updateContact, type Contact, type ContactInput } from '../../crm/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/http/errors.js';
import { shownHandleOf, shownNameOf } from '../../platform/text/identity-handle.js';
import { findIdentity, type SocialIdentity } from '../identity.repo.js';
import { linkIdentity } from './link.service.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UNKNOWN = { firstName: 'Unknown', lastName: '' };
/** The funnel's order: an action moves a contact forward, never back (a customer does not become a lead again). */
const FUNNEL = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'advocate'];
const movesForward = (from: string, to: string) => !FUNNEL.includes(from) || FUNNEL.indexOf(to) > FUNNEL.indexOf(from);

/** The author's handle as a contact may hold it: none for an e-mail sender (the address is the e-mail) or a numeric network id. */
const contactHandleOf = (identity: AuthorNames) => (identity.network === 'email' ? null : shownHandleOf(identity));

/** What names an author: the network's numbers stand in for a name and a handle when the channel gives neither. */
export interface AuthorNames {
  network: string;
  externalId: string;
  handle: string;
  displayName: string;
}

/**
 * A contact's name made from its author: their name, else their handle. An author known by a
 * number alone gives none; the contact is then called by what else it holds (`hasOtherDetail`: an
 * e-mail, say) and, holding nothing, "Unknown", a name the matching engine reads as no name.
 */
export function contactNameFrom(identity: AuthorNames, hasOtherDetail: boolean): { firstName: string; lastName: string } {
  const named = shownNameOf(identity) || contactHandleOf(identity);
  return named ? namePartsOf(named) : hasOtherDetail ? namePartsOf('') : UNKNOWN;
}

/** What the channel tells about the author, as a contact's name, e-mail and handle; never its numeric network id. */
function contactDetailsOf(identity: SocialIdentity): ContactInput {
  const profileUrl = identity.profileUrl && /^https?:\/\//.test(identity.profileUrl) ? identity.profileUrl : undefined;
  const handle = contactHandleOf(identity);
  const emails = identity.email && EMAIL.test(identity.email) ? [{ address: identity.email.slice(0, 320) }] : [];
  const socialHandles = handle ? [{ network: identity.network, handle: handle.slice(0, 200), url: profileUrl }] : [];
  return { ...contactNameFrom(identity, emails.length > 0), emails, socialHandles };
}

export type WantedContact = Pick<ContactInput, 'lifecycleStage' | 'teamId' | 'ownerId' | 'tags'>;

export async function contactForIdentity(
  ctx: Ctx,
  db: Db,
  identityId: string,
  wanted: WantedContact,
): Promise<{ contact: Contact; created: boolean }> {
  const identity = await findIdentity(db, ctx.workspaceId, identityId);
  if (!identity) throw notFound('Identity');
  if (identity.contactId) {
    const existing = await getContact(ctx, identity.contactId);
    const patch: ContactInput = {};
    if (wanted.lifecycleStage && movesForward(existing.lifecycleStage, wanted.lifecycleStage)) patch.lifecycleStage = wanted.lifecycleStage;
    if (wanted.teamId && !existing.teamId) patch.teamId = wanted.teamId;
    const tags = (wanted.tags ?? []).filter((t) => !existing.tags.includes(t));
    if (tags.length) patch.tags = [...existing.tags, ...tags];
    const contact = Object.keys(patch).length ? await updateContact(ctx, db, existing.id, patch) : existing;
    return { contact, created: false };
  }
  const input: ContactInput = { ...contactDetailsOf(identity), ...wanted };
  const made = await db.transaction(async (tx) => {
    // Locked, so two actions on the same author at once make one contact; the second one updates it.
    if ((await findIdentity(tx, ctx.workspaceId, identity.id, true))!.contactId) return null;
    const contact = await createContact({ ...ctx, db: tx }, input);
    const decision = {
      identityId: identity.id,
      contactId: contact.id,
      method: 'manual',
      rule: null,
      probability: null,
      weight: null,
    } as const;
    await linkIdentity(tx, ctx.workspaceId, { ...decision, evidence: [], decidedBy: ctx.actor.userId });
    return contact;
  });
  return made ? { contact: made, created: true } : contactForIdentity(ctx, db, identityId, wanted);
}
