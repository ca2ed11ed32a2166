/**
 * Two validators: request bodies are checked strictly (wrong types and unknown fields are errors,
 * never silently coerced or dropped), while query strings and path params are coerced from text.
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { validatorOnFirstUse } from './compile-on-first-use.js';
import { addDateFormats } from './date-formats.js';
import type { FieldProblem } from './errors.js';
import { fieldProblems, type ValidationIssue } from './field-problems.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(options: Options): Ajv {
  // `verbose` puts the failing sub-schema on each issue, so a pattern's reason in words can be read from it.
  const ajv = new Ajv({ allErrors: false, strict: false, useDefaults: true, removeAdditional: false, verbose: true, ...options });
  addFormats(ajv);
  addDateFormats(ajv);
  return ajv;
}

let sharedStrict: Ajv | null = null;
function strictAjv(): Ajv {
  sharedStrict ??= makeAjv({ coerceTypes: false });
  return sharedStrict;
}

export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = makeAjv({ coerceTypes: false });
  const coercing = makeAjv({ coerceTypes: 'array' });
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return validatorOnFirstUse(() => ajv.compile(schema as object));
  };
}

const bodyChecks = new WeakMap<TSchema, ValidateFunction>();

/**
 * What is wrong with `value` as a request body of `schema`, checked as the API checks bodies: for
 * input that reaches a use case without HTTP (the command line), with the same rules and reasons.
 */
export function bodyProblems(schema: TSchema, value: unknown): FieldProblem[] {
  let check = bodyChecks.get(schema);
  if (!check) {
    check = strictAjv().compile(schema as object);
    bodyChecks.set(schema, check);
  }
  return check(value) ? [] : fieldProblems('body', (check.errors ?? []) as ValidationIssue[]);
}
