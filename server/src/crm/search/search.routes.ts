/** HTTP route for global search. */
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES } from '../../platform/http/schemas.js';
import { SearchQuery, SearchResponse } from './search.schema.js';
import { searchEverything } from './search.service.js';

export function searchRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Find contacts and companies by name, e-mail, phone, handle or domain, best matches first (typo tolerant; at most 50, not paged)',
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => searchEverything(ctxOf(request, db), request.query),
  );
}
