/** SQL for the contacts that hold a linked author's numeric network id as their name or a handle. */
import type { Queryable } from '../../platform/db/db.js';
import { hasNumericId } from '../../platform/text/identity-handle.js';
import type { AuthorNames } from './identity-contact.js';
import type { ContactNames } from './network-id-contacts.js';

export interface ContactWithAuthors {
  workspaceId: string;
  contact: ContactNames & { id: string };
  /** The contact's linked authors with a numeric id, most recently seen first. */
  authors: AuthorNames[];
}

/**
 * Every workspace's contacts whose first name (alone) or one of whose handles is the numeric id of an
 * author linked to them, on that author's network. Read once, by the migration that takes the
 * numbers out: it reads the identities of every workspace, the few with numeric ids.
 */
export async function contactsHoldingNetworkIds(db: Queryable): Promise<ContactWithAuthors[]> {
  const { rows } = await db.query<ContactNames & { id: string; workspaceId: string; authors: AuthorNames[] }>(
    `SELECT c.workspace_id AS "workspaceId", c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.emails, c.phones,
            c.social_handles AS "socialHandles", a.authors
       FROM (SELECT i.workspace_id, i.contact_id,
                    jsonb_agg(jsonb_build_object('network', i.network, 'externalId', i.external_id, 'handle', i.handle,
                                                 'displayName', i.display_name) ORDER BY i.last_seen_at DESC, i.id) AS authors
               FROM social_identities i
              WHERE i.contact_id IS NOT NULL AND ${hasNumericId('i')}
              GROUP BY i.workspace_id, i.contact_id) a
       JOIN contacts c ON c.workspace_id = a.workspace_id AND c.id = a.contact_id
      WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(a.authors) x
                     WHERE (btrim(c.first_name) = x ->> 'externalId' AND btrim(c.last_name) = '')
                        OR c.social_handles @> jsonb_build_array(jsonb_build_object('network', x ->> 'network', 'handle', x ->> 'externalId')))
      ORDER BY c.workspace_id, c.id`,
  );
  return rows.map(({ workspaceId, authors, ...contact }) => ({ workspaceId, contact, authors }));
}
