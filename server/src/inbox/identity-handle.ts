/**
 * The handle the inbox shows for a customer. Meta knows a person only by a page-scoped id (and X by
 * an account id) when the event names no username; the parsers then store that number as the
 * handle, since one is required, and it was shown beside the name as if it were one
 * ("Mia Rossi 6512345678901234"). A handle that is only the network's numeric id is left out.
 */
export const shownHandle = (alias: string) =>
  `CASE WHEN ${alias}.handle = ${alias}.external_id AND ${alias}.handle ~ '^[0-9]+$' THEN NULL ELSE ${alias}.handle END`;
