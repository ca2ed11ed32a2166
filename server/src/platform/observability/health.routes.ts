/** Liveness, readiness and Prometheus metrics, outside the versioned API. */
import type { App } from '../http/app-types.js';
import type { Db } from '../db/db.js';
import type { Metrics } from './metrics.js';

export function healthRoutes(app: App, db: Db, metrics: Metrics) {
  app.get('/healthz', { schema: { hide: true }, config: { guard: 'public' } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true }, config: { guard: 'public' } }, async (_request, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ready', database: db.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: db.kind });
    }
  });

  app.get('/metrics', { schema: { hide: true }, config: { guard: 'public' } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
