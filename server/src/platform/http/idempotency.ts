/**
 * Idempotency-Key support for creates: a retried request with the same key and body gets the first
 * response again instead of creating a second record.
 */
import { createHash } from 'node:crypto';
import type { App } from './app-types.js';
import type { Db } from '../db/db.js';
import { RapportError, invalid } from './errors.js';

const HEADER = 'idempotency-key';

export function registerIdempotency(app: App, db: Db) {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const key = request.headers[HEADER];
    if (key === undefined || !request.principal) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw invalid([{ field: 'Idempotency-Key', reason: 'must be 1 to 200 characters' }]);
    }
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const workspaceId = request.principal.workspaceId;
    const inserted = await db.query(
      `INSERT INTO idempotency_keys (workspace_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [workspaceId, key, hash],
    );
    if (inserted.rowCount === 1) {
      reply.header('idempotency-key', key);
      (request as { idempotency?: { workspaceId: string; key: string } }).idempotency = { workspaceId, key };
      return;
    }
    const { rows } = await db.query<{ request_hash: string; status_code: number | null; response: unknown }>(
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE workspace_id = $1 AND key = $2',
      [workspaceId, key],
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
    const pending = (request as { idempotency?: { workspaceId: string; key: string } }).idempotency;
    if (!pending) return payload;
    if (reply.statusCode >= 400) {
      await db.query('DELETE FROM idempotency_keys WHERE workspace_id = $1 AND key = $2', [pending.workspaceId, pending.key]);
    } else {
      await db.query('UPDATE idempotency_keys SET status_code = $3, response = $4::jsonb WHERE workspace_id = $1 AND key = $2', [
        pending.workspaceId,
        pending.key,
        reply.statusCode,
        typeof payload === 'string' ? payload : 'null',
      ]);
    }
    return payload;
  });
}
