/**
 * A NUL (`%00`) in a query string or path parameter is refused at the edge, naming the parameter:
 * PostgreSQL cannot take it in text, so it would otherwise fail the request's query with a 500.
 */
import type { FastifyInstance } from 'fastify';
import { invalid } from './errors.js';

const ENCODED_NUL = /%00/i;

function nulAt(part: 'querystring' | 'params', values: unknown): string | null {
  if (values === null || typeof values !== 'object') return null;
  for (const [key, value] of Object.entries(values)) {
    const texts = Array.isArray(value) ? value : [value];
    if (key.includes('\u0000') || texts.some((text) => typeof text === 'string' && text.includes('\u0000'))) return `${part}.${key}`;
  }
  return null;
}

export function refuseNulInUrls(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!ENCODED_NUL.test(request.url)) return;
    const field = nulAt('querystring', request.query) ?? nulAt('params', request.params) ?? 'url';
    throw invalid([{ field, reason: 'holds a NUL character (%00), which cannot be stored or searched for' }]);
  });
}
