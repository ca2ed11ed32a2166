import { networkName } from '../listening/NetworkLabel';
import type { ContactSummary, IdentitySummary } from './types';

/** What to call an identity: its display name, else its handle or e-mail, never blank. */
export function identityName(identity: { displayName: string | null; handle: string | null; email: string | null }): string {
  return identity.displayName?.trim() || identity.handle || identity.email || 'Unnamed identity';
}

/**
 * An identity told apart from others of the same name, for the names of controls on one of many
 * rows: "Noor Haddad (Mastodon @noor@fosstodon.example)". Its network, and its handle (else its
 * e-mail) unless that is the name already.
 */
export function identityDescription(identity: Pick<IdentitySummary, 'network' | 'displayName' | 'handle' | 'email'>): string {
  const name = identityName(identity);
  const address = [identity.handle, identity.email].find((value) => value && value !== name);
  return `${name} (${[networkName(identity.network), address].filter(Boolean).join(' ')})`;
}

/** A contact told apart from others of the same name by its first e-mail, else its company. */
export function contactDescription(contact: Pick<ContactSummary, 'displayName' | 'emails' | 'companyName'>): string {
  const detail = contact.emails[0] ?? contact.companyName;
  return detail ? `${contact.displayName} (${detail})` : contact.displayName;
}
