/**
 * Server-sent events: a live stream of what changed in the workspace. Payloads carry only the
 * event type and subject (clients refetch through the API, where record-level access applies),
 * except notifications, which go only to the user they are for, and ephemeral events (presence),
 * whose data is meant for the whole workspace and which have no id to resume from.
 */
import { Type } from 'typebox';
import type { App } from '../http/app-types.js';
import type { AppDeps } from '../module.js';
import { requirePrincipal } from '../auth/auth.service.js';
import { ERROR_RESPONSES } from '../http/schemas.js';

const HEARTBEAT_MS = 25_000;

export function sseRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Live updates as text/event-stream',
        description: 'Each message has `event: <type>` and a JSON `data` with id, type, subjectType, subjectId, occurredAt.',
        response: { 200: Type.String({ description: 'text/event-stream' }), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(': connected\n\n');
      const unsubscribe = deps.bus.subscribe('*', (event) => {
        if (event.workspaceId !== principal.workspaceId) return;
        if (event.ephemeral) {
          const { type, subjectType, subjectId, occurredAt, data } = event;
          raw.write(`event: ${type}\ndata: ${JSON.stringify({ type, subjectType, subjectId, occurredAt, ...data })}\n\n`);
          return;
        }
        let payload: Record<string, unknown> = {
          id: event.id,
          type: event.type,
          subjectType: event.subjectType,
          subjectId: event.subjectId,
          occurredAt: event.occurredAt,
        };
        if (event.type === 'notification.created') {
          if (event.data.userId !== principal.userId) return;
          payload = { ...payload, notification: event.data };
        }
        raw.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
