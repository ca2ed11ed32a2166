/**
 * A social identity's handle or name that is only the network's numeric id. Meta knows a person
 * only by a page-scoped id (and X by an account id) when the event names no username; the parsers
 * then store that number as the handle, since one is required, and Meta's as the display name too
 * when the person has none. It names nobody: shown beside the name it read as a handle ("Mia Rossi
 * 6512345678901234"), and copied to a contact it became a "Facebook handle" and the contact's name.
 * One rule, in code and in SQL, for every place that shows or copies a handle.
 */
const DIGITS_ONLY = '^[0-9]+$';
const digitsOnly = new RegExp(DIGITS_ONLY);

/** True when `value` (the identity's handle or display name) is only its numeric network id. */
export function isNetworkId(value: string, externalId: string): boolean {
  return value === externalId && digitsOnly.test(value);
}

/** The handle to show or copy; null when it is only the network's numeric id. */
export function shownHandleOf(identity: { handle: string; externalId: string }): string | null {
  return isNetworkId(identity.handle, identity.externalId) ? null : identity.handle;
}

/** `shownHandleOf` in SQL, for the `social_identities` row at `alias`. */
export const shownHandle = (alias: string) =>
  `CASE WHEN ${alias}.handle = ${alias}.external_id AND ${alias}.handle ~ '${DIGITS_ONLY}' THEN NULL ELSE ${alias}.handle END`;
