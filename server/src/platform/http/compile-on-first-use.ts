/**
 * Request validators and response serializers compiled when a route first needs them, not when it
 * is registered. Compiling every route's schemas up front took most of the app's start (0.7-1.5 s of
 * its 0.85-1.6 s, measured with `buildApp` + `ready()` on PostgreSQL) and kept about 10 MB of
 * generated code alive for routes a process may never serve. `route-schemas.test.ts` compiles every
 * route's schemas, so a schema that cannot compile still fails before it ships.
 */
import type { ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';

type Validate = ReturnType<FastifySchemaCompiler<unknown>>;
type DataContext = Parameters<ValidateFunction>[1];

/**
 * A validator that compiles on its first call. It declares `schemaEnv` as Ajv's functions do, so
 * Fastify hands it the request as parent data: Ajv's defaults and coercion may then replace the
 * validated part itself, as they do when compiled up front.
 */
export function validatorOnFirstUse(compile: () => ValidateFunction): Validate {
  let compiled: ValidateFunction | null = null;
  const validate = (data: unknown, context?: DataContext): boolean => {
    compiled ??= compile();
    const valid = compiled(data, context);
    validate.errors = compiled.errors;
    return valid;
  };
  validate.errors = undefined as unknown;
  validate.schemaEnv = true;
  return validate as unknown as Validate;
}

/** A serializer compiler whose serializers compile on their first response. */
export function serializersOnFirstUse(compile: (schema: unknown) => (data: unknown) => string): FastifySerializerCompiler<unknown> {
  return ({ schema }) => {
    let serialize: ((data: unknown) => string) | null = null;
    return (data: unknown) => {
      serialize ??= compile(schema);
      return serialize(data);
    };
  };
}
