/**
 * Public webhook endpoints, one URL per channel. They take the body as raw bytes (signatures cover
 * the bytes, not a re-serialisation), in a scope of their own so no other route loses its JSON
 * parsing, and with a body limit of their own.
 */
import { Type, type Static } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { MediaTypes, Problem, Uuid } from '../../platform/http/schemas.js';
import { sendProblemFor } from '../../platform/http/problem.js';
import { ChannelPaused, PAUSED_RETRY_AFTER_SECONDS, receiveDelivery, type WebhookDeps } from './webhook.service.js';
import { refusalTally } from './refusal-tally.js';

/**
 * Webhook deliveries are small: a few events. Declared on the route rather than on the body parser,
 * so the 413's detail, which reads the route's limit, states this one and not the server-wide one.
 */
const MAX_DELIVERY_BYTES = 1024 * 1024;

const Params = Type.Object({ channelId: Uuid });
/** The handshake parameters of the networks that verify a subscription; any others a network adds are taken and ignored. */
const Handshake = Type.Object({
  'hub.mode': Type.Optional(Type.String({ description: 'Meta: `subscribe`' })),
  'hub.verify_token': Type.Optional(Type.String({ description: 'Meta: the verify token set on the channel' })),
  'hub.challenge': Type.Optional(Type.String({ description: 'Meta: answered back as text/plain' })),
  crc_token: Type.Optional(Type.String({ description: 'X: answered with its HMAC under the consumer secret, as JSON' })),
  nonce: Type.Optional(Type.String({ description: 'X: sent with the CRC check, not needed for the answer' })),
});
const CrcAnswer = Type.Object({ response_token: Type.String({ description: 'X: sha256=<base64 HMAC-SHA256 of crc_token>' }) });
const HandshakeAnswer = MediaTypes('The handshake answered: Meta’s challenge, or X’s response token', {
  'text/plain': Type.String({ description: 'Meta: the hub.challenge' }),
  'application/json': CrcAnswer,
});
const Report = Type.Object({
  received: Type.Integer(),
  ingested: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
});
const ERRORS = {
  401: Problem,
  404: Problem,
  413: Problem,
  503: Type.Object(Problem.properties, {
    description: `channel_paused: the channel is paused; deliver again after Retry-After (${PAUSED_RETRY_AFTER_SECONDS} seconds). credentials_unreadable: its secrets must be entered again`,
  }),
};

export function webhookRoutes(app: App, deps: WebhookDeps) {
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.setErrorHandler<Error>((error, request, reply) => {
      if (error instanceof ChannelPaused) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendProblemFor(error, request, reply);
    });

    scope.get(
      '/api/v1/webhooks/:channelId',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Subscription handshake (Meta hub.challenge, X CRC check); public, verified with the channel’s secrets',
          params: Params,
          querystring: Handshake,
          response: { 200: HandshakeAnswer, ...ERRORS },
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
        // The connector answers in its network's form, one of the two documented above.
        return reply.type(answer.contentType).send(answer.body as string | Static<typeof CrcAnswer>);
      },
    );

    scope.post(
      '/api/v1/webhooks/:channelId',
      {
        bodyLimit: MAX_DELIVERY_BYTES,
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
