/**
 * A token with the write scope alone (a web form pushing leads) must not read the workspace if it
 * leaks, not even through what its writes answer: a change answers the whole record, fields the token
 * never sent included, and a create that matches an existing record answers that record. Such a token
 * gets back only the id of what it wrote, to change it later, with the status it would have had;
 * answers that name no record are empty objects. The OpenAPI document shows both answers.
 */
import type { FastifyContextConfig } from 'fastify';
import type { App } from '../http/app-types.js';
import { neededScopes } from './token-scopes.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; allOf?: JsonSchema[] };

const WRITE_ONLY_DESCRIPTION = 'What a token with only the `write` scope gets back: the id of what it wrote, nothing it could not read';

/** Whether a token with the write scope alone can call the route at all (reads need `read`). */
export function reachableWriteOnly(method: string, config: FastifyContextConfig | undefined): boolean {
  return config?.guard !== 'public' && !neededScopes(method, config).includes('read');
}

/** The answer's own id, as the answer schema types it (an intersection's parts included). */
function idSchemaOf(schema: JsonSchema): unknown {
  return schema.properties?.id ?? schema.allOf?.map(idSchemaOf).find((id) => id !== undefined);
}

/** A success answer as the OpenAPI document shows it: the full one, or the write-only token's. */
export function withWriteOnlyAnswer(schema: JsonSchema): JsonSchema {
  const id = idSchemaOf(schema);
  const writeOnly = {
    type: 'object',
    description: WRITE_ONLY_DESCRIPTION,
    additionalProperties: false,
    ...(id === undefined ? { properties: {} } : { properties: { id }, required: ['id'] }),
  };
  return { ...(schema.description ? { description: schema.description } : {}), anyOf: [schema, writeOnly] };
}

export function registerWriteOnlyAnswers(app: App) {
  // Before serialising, so that a replayed Idempotency-Key answer is cut down too. A callback rather
  // than an async hook: every answer passes here, and nearly all pass unchanged.
  app.addHook('preSerialization', (request, reply, payload, done) => {
    const principal = request.principal;
    if (!principal || principal.scopes.includes('read') || reply.statusCode >= 300) return done(null, payload);
    // The route's serializer would ask for every field its schema requires.
    reply.serializer(JSON.stringify);
    const id = (payload as { id?: unknown }).id;
    done(null, typeof id === 'string' ? { id } : {});
  });
}
