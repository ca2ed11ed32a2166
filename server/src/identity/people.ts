/**
 * Contacts and social identities as the matching engine sees them (PersonRecord). Both sides must
 * write a handle the same way for the engine to notice it is the same account, so a handle is
 * qualified by its network's host ("@ana" on X becomes "x.com/ana", as in a profile URL).
 */
import type { PersonRecord, PostalAddress } from './matching/index.js';

/** What matching reads of a contact: the crm's Contact has all of it. */
export interface MatchableContact {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  emails: readonly { address: string }[];
  phones: readonly { number: string }[];
  socialHandles: readonly { network: string; handle: string; url?: string }[];
  importantDates?: readonly { kind: string; date: string; label?: string }[];
  address?: PostalAddress | null;
  companyName?: string | null;
  custom?: Readonly<Record<string, unknown>>;
}

/** What matching reads of a social identity. */
export interface MatchableIdentity {
  id: string;
  network: string;
  handle: string;
  displayName: string;
  profileUrl: string | null;
  email: string | null;
}

/** Where a bare user name lives on networks whose handles carry no host. */
const PROFILE_PREFIXES: Readonly<Record<string, string>> = {
  bluesky: 'bsky.app/profile/',
  twitter: 'x.com/',
  x: 'x.com/',
  reddit: 'reddit.com/user/',
  instagram: 'instagram.com/',
  threads: 'threads.net/',
  linkedin: 'linkedin.com/in/',
  github: 'github.com/',
  facebook: 'facebook.com/',
  tiktok: 'tiktok.com/',
  youtube: 'youtube.com/',
};

/** Hosts and paths that name the same profile differently. */
const PROFILE_ALIASES: readonly (readonly [RegExp, string])[] = [
  [/^(https?:\/\/)?(www\.|mobile\.)?twitter\.com\//i, 'x.com/'],
  [/^(https?:\/\/)?(www\.|old\.)?reddit\.com\/u\//i, 'reddit.com/user/'],
  [/^(https?:\/\/)?(www\.|old\.)?reddit\.com\//i, 'reddit.com/'],
];

export function profileForm(url: string): string {
  for (const [pattern, replacement] of PROFILE_ALIASES) if (pattern.test(url)) return url.replace(pattern, replacement);
  return url;
}

/**
 * A handle on a network as a host-qualified profile, or null when the network's handles are not
 * user names (an e-mail address, a feed's or a webhook sender's name). Fediverse handles
 * ("ana@mastodon.social") carry their host already.
 */
export function qualifiedHandle(network: string, handle: string): string | null {
  const bare = handle.trim().replace(/^@/, '');
  if (bare.length === 0) return null;
  if (/^https?:\/\//i.test(bare)) return profileForm(bare);
  if (bare.includes('@')) return bare;
  const kind = network.trim().toLowerCase();
  const prefix = PROFILE_PREFIXES[kind];
  return prefix ? `${prefix}${bare}` : null;
}

function contactHandles(contact: MatchableContact): string[] {
  return contact.socialHandles.flatMap(({ network, handle, url }) => {
    const qualified = qualifiedHandle(network, handle);
    // A handle on a network we cannot qualify still compares with the same handle written the same way.
    return [qualified ?? handle, ...(url ? [profileForm(url)] : [])];
  });
}

function birthdayOf(contact: MatchableContact): string | null {
  const birthday = contact.importantDates?.find((date) => date.kind === 'birthday' || /birthday/i.test(date.label ?? ''));
  return birthday?.date ?? null;
}

/** The first non-empty value among the workspace's identifier fields (customer number, national id). */
function identifierOf(contact: MatchableContact, identifierFields: readonly string[]): string | null {
  for (const key of identifierFields) {
    const value = contact.custom?.[key];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
  }
  return null;
}

export function contactPerson(contact: MatchableContact, identifierFields: readonly string[] = []): PersonRecord {
  const named = contact.firstName.trim() !== '' || contact.lastName.trim() !== '';
  return {
    id: contact.id,
    givenName: contact.firstName || null,
    familyName: contact.lastName || null,
    // Without a first or last name the display name is an e-mail, handle or phone, compared as such.
    fullName: named ? null : nameOrNull(contact.displayName),
    emails: contact.emails.map((email) => email.address),
    phones: contact.phones.map((phone) => phone.number),
    handles: contactHandles(contact),
    birthDate: birthdayOf(contact),
    address: contact.address ?? null,
    company: contact.companyName ?? null,
    nationalId: identifierOf(contact, identifierFields),
  };
}

/** A display name that is really an address or a handle names nobody. */
function nameOrNull(displayName: string): string | null {
  const trimmed = displayName.trim();
  return trimmed === '' || trimmed.includes('@') || /^https?:\/\//i.test(trimmed) ? null : trimmed;
}

export function identityPerson(identity: MatchableIdentity): PersonRecord {
  const handle = identity.network === 'email' ? null : qualifiedHandle(identity.network, identity.handle);
  const handles = [handle, identity.profileUrl ? profileForm(identity.profileUrl) : null].filter((value) => value !== null);
  return {
    id: identity.id,
    fullName: nameOrNull(identity.displayName),
    emails: identity.email ? [identity.email] : [],
    handles,
  };
}
