/**
 * Contacts made from authors known only by a numeric network id (a Messenger sender, say) before
 * contacts stopped copying that number: "Add as contact" gave them the number as their first name
 * and as a Facebook or Instagram handle. The number names nobody; it stays the identity's external
 * id, the identity stays linked to the contact, and the change is a `contact.updated` event with
 * the values before, so nothing is lost. Run once, by migration `identity/007`.
 */
import { displayNameOf, updateContactInTransaction, type ContactInput } from '../../crm/index.js';
import { systemActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { isNetworkId, shownHandleOf, shownNameOf } from '../../platform/text/identity-handle.js';
import { contactNameFrom, type AuthorNames } from './identity-contact.js';
import { contactsHoldingNetworkIds } from './network-id-contacts.repo.js';

export interface ContactNames {
  firstName: string;
  lastName: string;
  emails: { address: string }[];
  phones: { number: string }[];
  socialHandles: { network: string; handle: string; url?: string }[];
}

export type NamesPatch = Required<Pick<ContactInput, 'firstName' | 'lastName' | 'socialHandles'>>;

/**
 * The contact's names and handles without its authors' numeric ids, or null when it holds none. A
 * contact whose name was the number is named as one made from the author now would be: the name the
 * author has since given, else none when the contact has an e-mail, phone or other handle to be
 * called by, else "Unknown"; one left with nothing to be called by is named the same way.
 */
export function withoutNetworkIds(contact: ContactNames, authors: readonly AuthorNames[]): NamesPatch | null {
  const idOf = (value: string, network?: string) =>
    authors.some((author) => isNetworkId(value, author.externalId) && (network === undefined || author.network === network));
  const socialHandles = contact.socialHandles.filter((handle) => !idOf(handle.handle, handle.network));
  const namedByNumber = contact.lastName.trim() === '' && idOf(contact.firstName.trim());
  if (!namedByNumber && socialHandles.length === contact.socialHandles.length) return null;
  const name = namedByNumber ? { firstName: '', lastName: '' } : { firstName: contact.firstName, lastName: contact.lastName };
  const hasOtherDetail = displayNameOf({ ...contact, firstName: '', lastName: '', socialHandles }) !== '';
  if (name.firstName.trim() || name.lastName.trim() || (!namedByNumber && hasOtherDetail)) return { ...name, socialHandles };
  // The author who names someone now, else the one seen last.
  const author = authors.find((a) => shownNameOf(a) || shownHandleOf(a)) ?? authors[0]!;
  return { ...contactNameFrom(author, hasOtherDetail), socialHandles };
}

/** The backfill of migration `identity/007`: each such contact changed as a member's edit would change it. */
export async function forgetNetworkIdsOnContacts(tx: Queryable): Promise<void> {
  for (const { workspaceId, contact, authors } of await contactsHoldingNetworkIds(tx)) {
    const patch = withoutNetworkIds(contact, authors);
    if (!patch) continue;
    const ctx = { workspaceId, actor: systemActor(), db: tx, requestId: 'migration identity/007' };
    await updateContactInTransaction(ctx, tx, contact.id, patch);
  }
}
