/** Prometheus metrics: one registry per app so tests can build several apps in one process. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queryable } from '../db/db.js';
import { jobBacklog, type JobBacklog } from '../jobs/backlog.js';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
}

/**
 * The job queue's backlog, read from the database when scraped. A scrape collects every metric at
 * once, in registration order: the first gauge starts the one query, the second awaits it.
 */
function registerJobGauges(registry: Registry, db: Queryable) {
  let reading: Promise<JobBacklog[]> | null = null;
  new Gauge({
    name: 'rapport_jobs_queued',
    help: 'Queued jobs by name: due now, or scheduled for later',
    labelNames: ['name', 'state'],
    registers: [registry],
    async collect() {
      reading = jobBacklog(db);
      const rows = await reading;
      this.reset();
      for (const row of rows) {
        this.set({ name: row.name, state: 'due' }, row.due);
        this.set({ name: row.name, state: 'scheduled' }, row.scheduled);
      }
    },
  });
  new Gauge({
    name: 'rapport_jobs_oldest_due_seconds',
    help: 'How long the oldest due job of each name has waited for a runner',
    labelNames: ['name'],
    registers: [registry],
    async collect() {
      const rows = await (reading ?? jobBacklog(db));
      reading = null;
      this.reset();
      for (const row of rows) this.set({ name: row.name }, row.oldestDueSeconds);
    },
  });
}

export function createMetrics(db: Queryable): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'rapport_' });
  registerJobGauges(registry, db);
  return {
    registry,
    httpRequests: new Counter({
      name: 'rapport_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'rapport_http_request_duration_seconds',
      help: 'HTTP request duration by route',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
}
