/** Schemas compile when a route is first called (compile-on-first-use.ts): every route's must compile, checked here. */
import { beforeAll, describe, expect, it } from 'vitest';
import fastJsonStringify, { type Schema } from 'fast-json-stringify';
import { testApp, type TestApp } from '../src/platform/testing/test-app.js';
import { createValidatorCompiler } from '../src/platform/http/validation.js';

const REQUEST_PARTS = ['body', 'querystring', 'params', 'headers'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('route schemas', () => {
  it('every route’s request and response schemas compile', () => {
    const compile = createValidatorCompiler();
    let compiled = 0;
    for (const route of t.routes) {
      const schema = route.schema ?? {};
      for (const httpPart of REQUEST_PARTS) {
        if (!schema[httpPart]) continue;
        const validate = compile({ schema: schema[httpPart] as object, httpPart, method: route.method, url: route.url });
        expect(() => validate({}), `${route.method} ${route.url} ${httpPart}`).not.toThrow();
        compiled++;
      }
      const responses = (schema.response ?? {}) as Record<string, unknown>;
      for (const [status, response] of Object.entries(responses)) {
        expect(() => fastJsonStringify(response as Schema), `${route.method} ${route.url} ${status}`).not.toThrow();
        compiled++;
      }
    }
    expect(compiled).toBeGreaterThan(300);
  });
});
