/**
 * Typed domain errors with stable codes. Domain code throws these; `problem.ts` renders them as
 * RFC 9457 problem+json in one place, so no route decides status codes on its own.
 */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class RapportError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** Members the problem adds to the standard ones (RFC 9457 §3.2): what a refused client may do instead. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RapportError';
  }
}

/** A text given only as spaces (or nothing): the schemas count characters, people see none. */
export const blank = (field: string): FieldProblem => ({ field, reason: 'must not be blank' });

export const notFound = (what: string) => new RapportError('not_found', 404, `${what} not found`);

/** The first field's problem in words, and how many more there are: a detail that says what to fix. */
function describe(fields: readonly FieldProblem[]): string {
  const [first] = fields;
  if (!first) return 'The request is not valid';
  const more = fields.length - 1;
  return `${first.field} ${first.reason}${more > 0 ? ` (and ${more} more)` : ''}`;
}

export const invalid = (fields: FieldProblem[], message = describe(fields)) => new RapportError('validation_failed', 400, message, fields);

export const conflict = (code: string, message: string) => new RapportError(code, 409, message);

export const forbidden = (message = 'You are not allowed to do this') => new RapportError('forbidden', 403, message);

export const unauthenticated = (message = 'Sign in first') => new RapportError('unauthenticated', 401, message);
