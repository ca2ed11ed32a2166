/**
 * The shape of a person as the matching engine sees it: general enough for a CRM contact and for a
 * social identity (a channel author), so both can be compared with the same rules.
 */

export interface PostalAddress {
  streetNumber?: string | null;
  street?: string | null;
  /** A second address line: building, property or area name. */
  line2?: string | null;
  locality?: string | null;
  postcode?: string | null;
  region?: string | null;
  country?: string | null;
}

export interface PersonRecord {
  /** The caller's identifier (contact id, identity id); returned unchanged in pairs and clusters. */
  id: string;
  givenName?: string | null;
  familyName?: string | null;
  /** A display or full name, used for the name parts that are not given separately. */
  fullName?: string | null;
  emails?: readonly string[];
  phones?: readonly string[];
  /** Social handles ("@ana@mastodon.social") and profile URLs. */
  handles?: readonly string[];
  /** `YYYY-MM-DD` or `YYYYMMDD`. */
  birthDate?: string | null;
  address?: PostalAddress | null;
  company?: string | null;
  /** A national identifier; real contact data rarely has one, so nothing depends on it. */
  nationalId?: string | null;
}

/** A person after normalisation: folded, transliterated, junk removed (null = missing). */
export interface NormalisedPerson {
  id: string;
  /** Given name, folded, with a known nickname replaced by its full form. */
  given: string | null;
  family: string | null;
  givenCode: string | null;
  familyCode: string | null;
  /** E-mail addresses in canonical form, shared mailboxes excluded. */
  emails: readonly string[];
  /** The local parts of those personal addresses. */
  emailLocals: readonly string[];
  /** Phone numbers as their last nine digits, so national and international forms compare equal. */
  phones: readonly string[];
  /** Handles and profile URLs in canonical `host/user` or `user` form. */
  handles: readonly string[];
  /** The user part of each handle, to notice the same name on another network. */
  handleUsers: readonly string[];
  /** `YYYYMMDD`. */
  birthDate: string | null;
  streetNumber: string | null;
  street: string | null;
  line2: string | null;
  locality: string | null;
  postcode: string | null;
  region: string | null;
  country: string | null;
  company: string | null;
  nationalId: string | null;
}
