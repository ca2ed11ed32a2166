/**
 * Builds the HTTP application from its parts. Everything stateful (database, logger, config) is
 * passed in, so tests build as many isolated apps as they need.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastJsonStringify, { type Schema } from 'fast-json-stringify';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './platform/config/config.js';
import { backgroundDb, type Db } from './platform/db/db.js';
import type { Logger } from './platform/observability/logger.js';
import type { App } from './platform/http/app-types.js';
import type { AppDeps, DomainModule } from './platform/module.js';
import { createEventBus } from './platform/events/bus.js';
import { createEventRelay } from './platform/events/relay.js';
import { createJobRunner, type JobRunner } from './platform/jobs/runner.js';
import { createAuthenticator } from './platform/auth/auth.service.js';
import { registerGuard } from './platform/auth/guard.js';
import { registerJsonBodies } from './platform/http/json-body.js';
import { refuseNulInUrls } from './platform/http/nul-in-url.js';
import { registerProblemHandler, sendProblemFor } from './platform/http/problem.js';
import { addSecurityHeaders } from './platform/http/security-headers.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { createValidatorCompiler } from './platform/http/validation.js';
import { openApiDocument } from './platform/http/openapi-document.js';
import { serializersOnFirstUse } from './platform/http/compile-on-first-use.js';
import { createMetrics } from './platform/observability/metrics.js';
import { healthRoutes } from './platform/observability/health.routes.js';

export interface BuildOptions {
  config: Config;
  db: Db;
  log: Logger;
  modules: readonly DomainModule[];
  /** Directory of the built web app; served at `/` when present. */
  webDir?: string | null;
}

export interface RouteInfo {
  method: string;
  url: string;
  schema: Record<string, unknown> | undefined;
  guard: string | undefined;
  idempotent: boolean;
}

export interface Built {
  app: App;
  /** Every route the app serves, for the cross-domain suites (guards, isolation, contract). */
  routes: RouteInfo[];
  deps: AppDeps;
  jobs: JobRunner;
  /** Starts background loops (event relay, job runner). Tests leave them off and drive them inline. */
  startBackground(): Promise<void>;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_DIR = path.resolve(here, '../../web/dist');

export async function buildApp(options: BuildOptions): Promise<Built> {
  const { config, db, log, modules } = options;
  const app = Fastify({
    loggerInstance: log,
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors: sendProblemFor,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.setValidatorCompiler(createValidatorCompiler());
  app.setSerializerCompiler(serializersOnFirstUse((schema) => fastJsonStringify(schema as Schema)));

  const bus = createEventBus((error, event) => log.error({ err: error, event: event.type }, 'event handler failed'));
  // The relay, what it hands events to and the jobs wait behind requests and ingest where the database has one session.
  const background = backgroundDb(db);
  const relay = createEventRelay(background, bus, (error) => log.error({ err: error }, 'event relay failed'));
  const authenticator = createAuthenticator(db);
  const deps: AppDeps = { config, db, log, bus, relay, authenticator };
  const backgroundDeps: AppDeps = { ...deps, db: background };
  const metrics = createMetrics(db);

  addSecurityHeaders(app);
  await app.register(cookie, { secret: config.secret });
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(swagger, openApiDocument());
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({
        method,
        url: route.url,
        schema: route.schema as Record<string, unknown> | undefined,
        guard: route.config?.guard,
        idempotent: route.config?.idempotent === true,
      });
    }
  });

  registerProblemHandler(app);
  registerJsonBodies(app);
  // Authentication first: a refusal of what the request holds is for a caller the route admits.
  registerGuard(app, authenticator);
  refuseNulInUrls(app);
  registerIdempotency(app, db);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    // Writes commit events; relay them now rather than at the next poll so live views update at once.
    if (request.method !== 'GET' && reply.statusCode < 400) relay.nudge();
    if (reply.statusCode >= 500) log.warn({ reqId: request.id, url: request.url, status: reply.statusCode }, 'request failed');
    // The web app shows a refusal's request id as its reference: the log must find it. The route, not the
    // URL, so that what a user typed into a query string stays out of the log.
    else if (reply.statusCode >= 400)
      log.info({ reqId: request.id, method: request.method, route, status: reply.statusCode }, 'request refused');
  });

  healthRoutes(app, db, metrics);
  for (const module of modules) module.routes?.(app, deps);
  for (const module of modules) module.subscribe?.(backgroundDeps);

  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    // The SPA's client-side routes all load index.html.
    app.get('/*', { schema: { hide: true }, config: { guard: 'public' } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }

  const jobs = createJobRunner(
    background,
    modules.flatMap((m) => (typeof m.jobs === 'function' ? m.jobs(backgroundDeps) : (m.jobs ?? []))),
    log,
  );

  return {
    app,
    routes,
    deps,
    jobs,
    async startBackground() {
      relay.start(500);
      await jobs.scheduleRecurring();
      jobs.start(config.jobPollMs);
      for (const module of modules) await module.start?.(deps);
    },
    async close() {
      await app.close();
      await relay.stop();
      await jobs.stop();
      for (const module of modules) await module.close?.(deps);
    },
  };
}
