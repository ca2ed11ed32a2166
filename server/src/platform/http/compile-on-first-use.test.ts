import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Ajv } from 'ajv';
import { Type } from 'typebox';
import { serializersOnFirstUse, validatorOnFirstUse } from './compile-on-first-use.js';

describe('validators and serializers compiled on first use', () => {
  it('compile when a route is first called, and validate, coerce and fill defaults as compiled up front', async () => {
    const ajv = new Ajv({ coerceTypes: 'array', useDefaults: true });
    const compiled: string[] = [];
    const app = Fastify();
    app.setValidatorCompiler(({ schema, httpPart }) =>
      validatorOnFirstUse(() => {
        compiled.push(`validator ${httpPart}`);
        return ajv.compile(schema as object);
      }),
    );
    app.setSerializerCompiler(
      serializersOnFirstUse((schema) => {
        compiled.push('serializer');
        const validateOut = ajv.compile(schema as object);
        return (data) => JSON.stringify(validateOut(data) ? data : { invalid: true });
      }),
    );
    const querystring = Type.Object({ limit: Type.Integer({ minimum: 1, default: 20 }), tags: Type.Optional(Type.Array(Type.String())) });
    const response = { 200: Type.Object({ limit: Type.Integer(), tags: Type.Array(Type.String()) }) };
    app.get('/items', { schema: { querystring, response } }, async (request) => {
      const query = request.query as { limit: number; tags?: string[] };
      return { limit: query.limit, tags: query.tags ?? [] };
    });
    await app.ready();
    expect(compiled).toEqual([]);

    const filled = await app.inject({ url: '/items?tags=a' });
    expect(filled.json()).toEqual({ limit: 20, tags: ['a'] });
    expect(compiled).toEqual(['validator querystring', 'serializer']);

    const coerced = await app.inject({ url: '/items?limit=5' });
    expect(coerced.json()).toEqual({ limit: 5, tags: [] });
    const refused = await app.inject({ url: '/items?limit=0' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/limit/);
    expect(compiled).toEqual(['validator querystring', 'serializer']);
    await app.close();
  });
});
