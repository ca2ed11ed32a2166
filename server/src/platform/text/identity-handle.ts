/**
 * A social identity's handle or name that is only the network's numeric id. Meta knows a person
 * only by a page-scoped id (and X by an account id) when the event names no username; the parsers
 * then store that number as the handle, since one is required, and Meta's as the display name too
 * when the person has none. It names nobody: shown beside the name it read as a handle ("Mia Rossi
 * 6512345678901234"), shown as the name it read as a person called 6512345678901234, and copied to
 * a contact it became a "Facebook handle" and the contact's name. The number stays the identity's
 * `external_id`. One rule, in code and in SQL, for every place that shows or copies a handle or name.
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

/** The display name to show or copy; null when it is only the network's numeric id. */
export function shownNameOf(identity: { displayName: string; externalId: string }): string | null {
  return isNetworkId(identity.displayName, identity.externalId) ? null : identity.displayName;
}

const unlessNetworkId = (column: string, alias: string) =>
  `CASE WHEN ${alias}.${column} = ${alias}.external_id AND ${alias}.${column} ~ '${DIGITS_ONLY}' THEN NULL ELSE ${alias}.${column} END`;

/** `shownHandleOf` in SQL, for the `social_identities` row at `alias`. */
export const shownHandle = (alias: string) => unlessNetworkId('handle', alias);

/** `shownNameOf` in SQL, for the `social_identities` row at `alias`. */
export const shownName = (alias: string) => unlessNetworkId('display_name', alias);

/** SQL: the `social_identities` row at `alias` has a numeric network id, which its handle or name may stand in for. */
export const hasNumericId = (alias: string) => `${alias}.external_id ~ '${DIGITS_ONLY}'`;
