/**
 * Idempotency-Key support for creates: a retried request with the same key and body gets the first
 * response again instead of creating a second record. A key belongs to the person who sent it (by
 * session or by any of their API tokens): another member's request with the same key is their own,
 * and is never answered with a record made for someone else. Bodies are compared as JSON values, so
 * a client that orders an object's keys differently on retry is still retrying.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { App } from './app-types.js';
import type { Db } from '../db/db.js';
import { RapportError, invalid } from './errors.js';

const HEADER = 'idempotency-key';

interface PendingKey {
  workspaceId: string;
  userId: string;
  key: string;
}

export function registerIdempotency(app: App, db: Db) {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const key = request.headers[HEADER];
    if (key === undefined || !request.principal) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw invalid([{ field: 'Idempotency-Key', reason: 'must be 1 to 200 characters' }]);
    }
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${stringify(request.body ?? null)}`)
      .digest('hex');
    const { workspaceId, userId } = request.principal;
    const inserted = await db.query(
      `INSERT INTO idempotency_keys (workspace_id, user_id, key, request_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [workspaceId, userId, key, hash],
    );
    if (inserted.rowCount === 1) {
      reply.header('idempotency-key', key);
      (request as { idempotency?: PendingKey }).idempotency = { workspaceId, userId, key };
      return;
    }
    const { rows } = await db.query<{ request_hash: string; status_code: number | null; response: unknown }>(
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE workspace_id = $1 AND user_id = $2 AND key = $3',
      [workspaceId, userId, key],
    );
    const previous = rows[0];
    if (!previous || previous.request_hash !== hash) {
      throw new RapportError('idempotency_key_reused', 422, 'This Idempotency-Key was used with a different request');
    }
    if (previous.status_code === null) {
      throw new RapportError('idempotency_in_progress', 409, 'A request with this Idempotency-Key is still running');
    }
    reply.header('idempotent-replayed', 'true');
    return reply.status(previous.status_code).send(previous.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = (request as { idempotency?: PendingKey }).idempotency;
    if (!pending) return payload;
    const where = [pending.workspaceId, pending.userId, pending.key];
    if (reply.statusCode >= 400) {
      await db.query('DELETE FROM idempotency_keys WHERE workspace_id = $1 AND user_id = $2 AND key = $3', where);
    } else {
      await db.query(
        'UPDATE idempotency_keys SET status_code = $4, response = $5::jsonb WHERE workspace_id = $1 AND user_id = $2 AND key = $3',
        [...where, reply.statusCode, typeof payload === 'string' ? payload : 'null'],
      );
    }
    return payload;
  });
}
