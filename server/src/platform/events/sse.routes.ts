/**
 * Server-sent events: a live stream of what changed in the workspace. Payloads carry only the
 * event type and subject (clients refetch through the API, where record-level access applies),
 * except notifications, which go only to the user they are for, and ephemeral events (presence),
 * which go only to the members who may see their record and have no id to resume from. A stored
 * event that names its record's audience (a contact's new scores) goes only to those members. A client
 * resumes after a disconnect with `Last-Event-ID`; a stream whose credentials stop holding is closed.
 */
import { Type } from 'typebox';
import type { App } from '../http/app-types.js';
import type { AppDeps } from '../module.js';
import { CACHE_TTL_MS, requirePrincipal } from '../auth/auth.service.js';
import { resolvePrincipal } from '../auth/guard.js';
import { ERROR_RESPONSES, MediaTypes } from '../http/schemas.js';
import { REPLAY_LIMIT, openEventStream } from './event-stream.js';
import { REFETCH_EVENT } from './stream-message.js';

/** Event ids are bigints; 18 digits stay below the largest. */
const EVENT_ID = { pattern: '^[0-9]{1,18}$', patternReason: 'must be the id of an event: a whole number' };

export function sseRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Live updates as text/event-stream',
        description:
          'Each message has `id: <event id>` (presence, which is not stored, has none), `event: <type>` and a JSON `data` with id, type, subjectType, subjectId, occurredAt. ' +
          `With \`Last-Event-ID\` (or \`lastEventId\`), the events after that one are replayed first (at most ${REPLAY_LIMIT}; ` +
          `when more were missed, a single \`${REFETCH_EVENT}\` says to refetch everything instead).`,
        headers: Type.Object({ 'last-event-id': Type.Optional(Type.String(EVENT_ID)) }),
        querystring: Type.Object({
          lastEventId: Type.Optional(
            Type.String({ ...EVENT_ID, description: 'For clients that cannot send Last-Event-ID; the header wins when both are sent' }),
          ),
        }),
        response: { 200: MediaTypes('The stream, until the client closes it', { 'text/event-stream': Type.String() }), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      // A browser reconnecting sends the header with its newest id, the URL keeping the first one.
      const afterId = request.headers['last-event-id'] ?? request.query.lastEventId ?? null;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(': connected\n\n');
      const close = openEventStream(
        { write: (chunk) => raw.write(chunk), end: () => raw.end() },
        {
          db: deps.db,
          bus: deps.bus,
          principal,
          afterId,
          resolvePrincipal: () => resolvePrincipal(request, deps.authenticator),
          onCredentialsDropped: (listener) => deps.authenticator.onForget(listener),
          recheckMs: CACHE_TTL_MS,
          onError: (error) => request.log.error({ err: error }, 'event stream failed'),
        },
      );
      request.raw.on('close', close);
    },
  );
}
