/** Schemas shared by every domain's routes. */
import { Type, type TSchema } from 'typebox';
import { UUID_PATTERN } from '../db/ids.js';

export const Uuid = Type.String({ pattern: UUID_PATTERN, description: 'UUID' });
export const IdParams = Type.Object({ id: Uuid });
/** Serialised as an ISO 8601 string; handlers may return Date objects. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
/** A calendar date, YYYY-MM-DD. */
export const DateOnly = Type.String({ format: 'date' });

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

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

/** A string that must be one of `values`. */
export function OneOf<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
