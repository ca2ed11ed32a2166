/**
 * JSON request bodies, parsed as Fastify parses them by default (prototype and constructor
 * poisoning refused), and refused when a string or key holds a lone surrogate: half of a UTF-16
 * pair, which JSON can write as an escape but which is no text. PostgreSQL refuses it inside jsonb
 * (the request ended in a 500) and a text column would quietly store U+FFFD instead; the 400 names
 * the field, as every other validation problem does.
 */
import type { FastifyInstance } from 'fastify';
import { hasLoneSurrogate } from '../text/surrogates.js';
import { invalid } from './errors.js';

/** UTF-8 cannot encode a lone surrogate, so only an escape can bring one into a JSON text. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** The dotted path (`emails.0.label`) of the first string or key holding a lone surrogate, or null. */
export function loneSurrogateAt(value: unknown, path: readonly string[] = []): string | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path.join('.') || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasLoneSurrogate(key)) return [...path, key].join('.');
    const found = loneSurrogateAt(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

export function registerJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = String(raw);
    void parse(request, body, (error, value) => {
      if (error) return done(error, undefined);
      const field = SURROGATE_ESCAPE.test(body) ? loneSurrogateAt(value) : null;
      if (field !== null) return done(invalid([{ field, reason: 'holds half of a UTF-16 surrogate pair, which is not text' }]), undefined);
      done(null, value);
    });
  });
}
