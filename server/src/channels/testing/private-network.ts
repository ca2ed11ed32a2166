/**
 * Test servers listen on 127.0.0.1, which a channel may name only with private addresses allowed.
 * This takes the permission away behind the API's back, as for a name that resolves to a private
 * address (or a channel saved before literals were refused at save): only the address dialled can
 * refuse it then.
 */
import type { Queryable } from '../../platform/db/db.js';

export async function forbidPrivateNetwork(db: Queryable, workspaceId: string, channelId: string): Promise<void> {
  await db.query(`UPDATE channels SET config = config - 'allowPrivateNetwork' WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    channelId,
  ]);
}
