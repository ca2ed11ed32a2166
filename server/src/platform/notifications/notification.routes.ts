/** The signed-in member's notifications. */
import { Type } from 'typebox';
import type { App } from '../http/app-types.js';
import type { AppDeps } from '../module.js';
import { ctxOf } from '../http/ctx.js';
import { DateTime, ERROR_RESPONSES, IdParams, Page, PageQuery } from '../http/schemas.js';
import { listMyNotifications, markRead } from './notification.service.js';

const NotificationView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  subjectType: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  readAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
});

export function notificationRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the unread count',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), ...PageQuery }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            ...Page(NotificationView).properties,
            unread: Type.Integer({ description: 'Unread in all, not only on this page' }),
          }),
          ...ERROR_RESPONSES,
        },
      },
      config: { guard: 'viewer' },
    },
    async (request) => {
      const { unread = false, limit = 50, cursor } = request.query;
      return listMyNotifications(ctxOf(request, db), unread, limit, cursor);
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request, reply) => {
      await markRead(ctxOf(request, db), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request, reply) => {
      await markRead(ctxOf(request, db), 'all');
      return reply.status(204).send(null);
    },
  );
}
