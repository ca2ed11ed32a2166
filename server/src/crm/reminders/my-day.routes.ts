/** HTTP route for My day. */
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES } from '../../platform/http/schemas.js';
import { MyDay, MyDayQuery } from './my-day.schema.js';
import { myDay } from './my-day.service.js';

export function myDayRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/my-day',
    {
      schema: {
        tags: ['tasks'],
        summary: 'My open tasks (overdue, today, next 7 days), important dates in the next 30 days, unread notifications',
        querystring: MyDayQuery,
        response: { 200: MyDay, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => myDay(ctxOf(request, db), request.query.tz ?? 'UTC'),
  );
}
