/**
 * Public webhook endpoints, one URL per channel. They take the body as raw bytes (signatures cover
 * the bytes, not a re-serialisation), in a scope of their own so no other route loses its JSON
 * parsing, and with a body limit of their own.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { Problem, Uuid } from '../../platform/http/schemas.js';
import { receiveDelivery, type WebhookDeps } from './webhook.service.js';
import { refusalTally } from './refusal-tally.js';

/** Webhook deliveries are small: a few events. */
const MAX_DELIVERY_BYTES = 1024 * 1024;

const Params = Type.Object({ channelId: Uuid });
const Query = Type.Record(Type.String(), Type.String());
const Report = Type.Object({
  received: Type.Integer(),
  ingested: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
});
const ERRORS = { 401: Problem, 404: Problem, 413: Problem, 503: Problem };

export function webhookRoutes(app: App, deps: WebhookDeps) {
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DELIVERY_BYTES }, (_request, body, done) => done(null, body));

    scope.get(
      '/api/v1/webhooks/:channelId',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Subscription handshake (Meta hub.challenge, X CRC check); public, verified with the channel’s secrets',
          params: Params,
          querystring: Query,
          response: { 200: Type.Union([Type.String(), Type.Record(Type.String(), Type.Unknown())]), ...ERRORS },
        },
        config: { guard: 'public' },
      },
      async (request, reply) => {
        const answer = await receiveDelivery(deps, request.params.channelId, {
          method: 'GET',
          headers: request.headers,
          query: request.query,
          rawBody: Buffer.alloc(0),
        });
        if (answer.kind !== 'handshake') return reply.callNotFound();
        return reply.type(answer.contentType).send(answer.body);
      },
    );

    scope.post(
      '/api/v1/webhooks/:channelId',
      {
        schema: {
          tags: ['webhooks'],
          summary:
            'Receive a delivery; public, signature-verified over the raw body. Unreadable deliveries are dead-lettered and acknowledged',
          params: Params,
          response: { 200: Report, ...ERRORS },
        },
        config: { guard: 'public' },
      },
      async (request) => {
        const answer = await receiveDelivery(deps, request.params.channelId, {
          method: 'POST',
          headers: request.headers,
          query: {},
          rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        });
        if (answer.kind !== 'report') return { received: 0, ingested: 0, duplicates: 0, rejected: 0 };
        return answer.report;
      },
    );
  });
}

export function webhookDeps(deps: AppDeps, pipeline: WebhookDeps['pipeline']): WebhookDeps {
  return { db: deps.db, secret: deps.config.secret, log: deps.log, pipeline, refusals: refusalTally(deps) };
}
