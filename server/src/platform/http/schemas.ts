/** Schemas shared by every domain's routes. */
import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';
import { UUID_PATTERN } from '../db/ids.js';

export const Uuid = Type.String({ pattern: UUID_PATTERN, patternReason: 'must be a UUID', description: 'UUID' });
export const IdParams = Type.Object({ id: Uuid });
/** Serialised as an ISO 8601 string; handlers may return Date objects. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
/** A calendar date, YYYY-MM-DD. */
export const DateOnly = Type.String({ format: 'date' });

/**
 * A response field that may be null, as a type list (`type: ['string', 'null']`) where
 * `Type.Union([schema, Type.Null()])` writes `anyOf`. The response serializer tests a type list
 * inline, but serialises an `anyOf` by running a schema validator on the value until a branch
 * matches: on a page of 50 contacts, 400 validations that also built an error object for every null
 * the first branch refused (a sixth of what serving the page allocated). For response schemas: the
 * same JSON Schema, so the OpenAPI document (3.1) and the clients see no difference.
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const { type } = schema as { type?: unknown };
  if (typeof type !== 'string') throw new Error('Nullable needs a schema of one type');
  const values = (schema as { enum?: unknown[] }).enum;
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'], ...(values ? { enum: [...values, null] } : {}) });
}

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }))),
  },
  { description: 'RFC 9457 problem details' },
);

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const ERROR_RESPONSES = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  429: Problem,
} as const;

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    data: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null at the end' }),
  });
}

/** The query string of a route that takes no parameters: an unknown one is refused rather than silently ignored. */
export const NoQuery = Type.Object({}, { additionalProperties: false });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  // A name's cursor holds the name (200 letters of up to four bytes each, in base64).
  cursor: Type.Optional(Type.String({ maxLength: 3000 })),
};

/** A string that must be one of `values`. */
export function OneOf<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * A success response in media types other than JSON (a download, an event stream), each with its
 * schema, as Fastify and the OpenAPI document take them. A streamed body is not serialised; a JSON
 * one is, by its own schema.
 */
export function MediaTypes<const T extends Record<string, TSchema>>(description: string, content: T) {
  const schemas = Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }]));
  return { description, content: schemas as { [K in keyof T]: { schema: T[K] } } };
}
