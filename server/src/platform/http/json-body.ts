/**
 * JSON request bodies. Text that is no JSON is refused as `malformed_json`, with where the parser
 * stopped. A `__proto__` key or a `constructor.prototype` pair is refused (as Fastify's own parser
 * refuses them: merged into an object, they would change what every object inherits), and so is a
 * string or key holding a lone surrogate: half of a UTF-16 pair, which JSON can write as an escape
 * but which is no text. PostgreSQL refuses it inside jsonb (the request ended in a 500) and a text
 * column would quietly store U+FFFD instead. A NUL character (`\u0000`) is refused the same way
 * (PostgreSQL can store it in neither text nor jsonb), except in the field of a route that takes a
 * file's text, which judges binary content itself. Each of these 400s names the field, as every
 * other validation problem does.
 */
import type { FastifyInstance } from 'fastify';
import { hasLoneSurrogate } from '../text/surrogates.js';
import { RapportError, invalid } from './errors.js';
import { findPlace, pathOf, type JsonPlace } from './json-places.js';

/** UTF-8 cannot encode a lone surrogate, so only an escape can bring one into a JSON text. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Only an escape can bring a NUL into a JSON text: a raw control character is a syntax error. */
const NUL_ESCAPE = /\\u0000/;

const hasNul = (text: string) => text.includes('\u0000');

/** Without these in its text (or an escape, which could spell them), a body holds no prototype key. */
const PROTOTYPE_KEY = /__proto__|prototype|\\u/;

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * The dotted path of the first `__proto__` key, or `constructor` object with a `prototype` key, or
 * null. JSON.parse keeps either as a plain property; code that copies the body into another object
 * key by key (a deep merge) would set that object's prototype, or its class's.
 */
function prototypeKeyAt(body: unknown): string | null {
  const place = findPlace(
    body,
    ({ key, value }) => key === '__proto__' || (key === 'constructor' && isObject(value) && Object.hasOwn(value, 'prototype')),
  );
  if (!place) return null;
  return place.key === '__proto__' ? pathOf(place) : `${pathOf(place)}.prototype`;
}

/** JSON.parse's message says where the text stops being JSON (`… at position 12 (line 1 column 13)`). */
const malformedJson = (error: unknown) =>
  new RapportError('malformed_json', 400, `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);

/**
 * The dotted path (`emails.0.label`) of the first string or key that fails `isBad`, or null. What
 * the top-level field `unchecked` (a file's text) holds is left out.
 */
function badStringAt(body: unknown, isBad: (text: string) => boolean, unchecked?: string): string | null {
  const isUnchecked = (place: JsonPlace) => place.depth === 1 && place.key === unchecked;
  const place = findPlace(
    body,
    (at) => (at.key !== null && isBad(at.key)) || (typeof at.value === 'string' && !isUnchecked(at) && isBad(at.value)),
    isUnchecked,
  );
  return place && pathOf(place);
}

/** The dotted path of the first string or key holding a lone surrogate, or null. */
export function loneSurrogateAt(value: unknown): string | null {
  return badStringAt(value, hasLoneSurrogate);
}

export function registerJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  // The API reads JSON alone: a text body was taken as a string, and refused as "body must be
  // object" rather than as the wrong media type (415). Webhook deliveries have their own parser.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = String(raw);
    // Many clients send the JSON content type on every request, a DELETE without a body included;
    // no body is no body, and a route that needs one says so by naming it.
    if (body.trim() === '') return done(null, undefined);
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      return done(malformedJson(error), undefined);
    }
    const prototypeKey = PROTOTYPE_KEY.test(body) ? prototypeKeyAt(value) : null;
    if (prototypeKey !== null) {
      return done(
        invalid([{ field: prototypeKey, reason: 'is a name that would change what every object inherits, and is refused' }]),
        undefined,
      );
    }
    const halfPair = SURROGATE_ESCAPE.test(body) ? loneSurrogateAt(value) : null;
    if (halfPair !== null) {
      return done(invalid([{ field: halfPair, reason: 'holds half of a UTF-16 surrogate pair, which is not text' }]), undefined);
    }
    const nul = NUL_ESCAPE.test(body) ? badStringAt(value, hasNul, request.routeOptions.config.fileText) : null;
    if (nul !== null) return done(invalid([{ field: nul, reason: 'holds a NUL character (\\u0000), which cannot be stored' }]), undefined);
    done(null, value);
  });
}
