/**
 * JSON request bodies, parsed as Fastify parses them by default (prototype and constructor
 * poisoning refused), and refused when a string or key holds a lone surrogate: half of a UTF-16
 * pair, which JSON can write as an escape but which is no text. PostgreSQL refuses it inside jsonb
 * (the request ended in a 500) and a text column would quietly store U+FFFD instead; the 400 names
 * the field, as every other validation problem does. A NUL character (`\u0000`) is refused the same
 * way (PostgreSQL can store it in neither text nor jsonb), except in the field of a route that takes
 * a file's text, which judges binary content itself.
 */
import type { FastifyInstance } from 'fastify';
import { hasLoneSurrogate } from '../text/surrogates.js';
import { invalid } from './errors.js';

/** UTF-8 cannot encode a lone surrogate, so only an escape can bring one into a JSON text. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Only an escape can bring a NUL into a JSON text: a raw control character is a syntax error. */
const NUL_ESCAPE = /\\u0000/;

const hasNul = (text: string) => text.includes('\u0000');

/**
 * The dotted path (`emails.0.label`) of the first string or key that fails `isBad`, or null. The
 * top-level field `unchecked` (a file's text) is left out.
 */
function badStringAt(value: unknown, isBad: (text: string) => boolean, path: readonly string[] = [], unchecked?: string): string | null {
  if (typeof value === 'string') return isBad(value) ? path.join('.') || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (isBad(key)) return [...path, key].join('.');
    if (path.length === 0 && key === unchecked) continue;
    const found = badStringAt(item, isBad, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** The dotted path of the first string or key holding a lone surrogate, or null. */
export function loneSurrogateAt(value: unknown): string | null {
  return badStringAt(value, hasLoneSurrogate);
}

export function registerJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  // The API reads JSON alone: a text body was taken as a string, and refused as "body must be
  // object" rather than as the wrong media type (415). Webhook deliveries have their own parser.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = String(raw);
    // Many clients send the JSON content type on every request, a DELETE without a body included;
    // no body is no body, and a route that needs one says so by naming it.
    if (body.trim() === '') return done(null, undefined);
    void parse(request, body, (error, value) => {
      if (error) return done(error, undefined);
      const halfPair = SURROGATE_ESCAPE.test(body) ? loneSurrogateAt(value) : null;
      if (halfPair !== null) {
        return done(invalid([{ field: halfPair, reason: 'holds half of a UTF-16 surrogate pair, which is not text' }]), undefined);
      }
      const nul = NUL_ESCAPE.test(body) ? badStringAt(value, hasNul, [], request.routeOptions.config.fileText) : null;
      if (nul !== null)
        return done(invalid([{ field: nul, reason: 'holds a NUL character (\\u0000), which cannot be stored' }]), undefined);
      done(null, value);
    });
  });
}
