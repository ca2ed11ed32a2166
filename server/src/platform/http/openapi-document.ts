/**
 * The OpenAPI document served at `/api/docs/json`, generated from the routes. What the server does
 * for every route alike is written into each operation here, from the same route config the server
 * acts on, rather than repeated by 190 routes: errors are problem+json, a body in another media type
 * than JSON is refused (415), a create that honours Idempotency-Key takes the header and may answer
 * 422 or 409 for it, a public route asks for no credentials, and a write a token with the `write`
 * scope alone can make shows the id-only answer such a token gets.
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifyContextConfig, FastifySchema } from 'fastify';
import { Type } from 'typebox';
import { Problem } from './schemas.js';
import { reachableWriteOnly, withWriteOnlyAnswer } from '../auth/write-only-answers.js';

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const PROBLEM_DESCRIPTION = (Problem as { description?: string }).description;

const IdempotencyKey = Type.String({
  minLength: 1,
  maxLength: 200,
  description:
    'Retrying with the same key and body answers the first response again (`Idempotent-Replayed: true`) instead of creating twice',
});

/** What the server's own refusals mean, beside whatever a route documents for the same status. */
const REFUSALS = {
  415: 'The body is not JSON sent as `application/json`',
  409: '`idempotency_in_progress`: a request with this Idempotency-Key is still running',
  422: '`idempotency_key_reused`: this Idempotency-Key was sent before with another request',
} as const;
type Refusal = keyof typeof REFUSALS;

type Response = { description?: string } & Record<string, unknown>;

/** A problem response as the server sends it, in the media type of RFC 9457 rather than plain JSON. */
function asProblem(response: Response | undefined, refusal: Refusal | undefined) {
  const description = [response && (response.description ?? PROBLEM_DESCRIPTION), refusal && REFUSALS[refusal]].filter(Boolean).join('; ');
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema: response ?? Problem } } };
}

/** A JSON body of its own schema: not an empty answer, nor one in media types of their own. */
const hasJsonBody = (response: Response) => response.type !== 'null' && !('content' in response);

function withIdempotencyKey(headers: FastifySchema['headers']) {
  const own = (headers ?? {}) as { properties?: Record<string, unknown> };
  return { ...own, type: 'object', properties: { ...own.properties, 'Idempotency-Key': IdempotencyKey } };
}

/** The route's schema as the document shows it; the route itself keeps its own. */
export function documentedSchema(
  schema: FastifySchema | undefined,
  config: FastifyContextConfig | undefined,
  method: string,
): FastifySchema | undefined {
  if (!schema || schema.hide) return schema;
  const refusals: Refusal[] = [...(schema.body ? [415 as const] : []), ...(config?.idempotent ? [409 as const, 422 as const] : [])];
  const own = (schema.response ?? {}) as Record<string, Response>;
  const responses: Record<string, unknown> = { ...own };
  const writeOnly = reachableWriteOnly(method, config);
  for (const status of new Set([...Object.keys(own), ...refusals.map(String)])) {
    const response = own[status];
    if (Number(status) < 400) {
      if (writeOnly && response && hasJsonBody(response)) responses[status] = withWriteOnlyAnswer(response);
      continue;
    }
    const refusal = refusals.find((r) => String(r) === status);
    responses[status] = asProblem(response, refusal);
  }
  return {
    ...schema,
    response: responses,
    ...(config?.idempotent ? { headers: withIdempotencyKey(schema.headers) } : {}),
    ...(config?.guard === 'public' ? { security: [] } : {}),
  } as FastifySchema;
}

export function openApiDocument(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: '1',
        description:
          'REST API of Rapport. Authenticate with `Authorization: Bearer <API token>` or the session cookie (writes then need `X-CSRF-Token`). Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: ({ schema, url, route }) => ({ schema: documentedSchema(schema, route.config, [route.method].flat()[0]!) ?? schema, url }),
  };
}
