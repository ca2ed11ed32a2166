/**
 * The OpenAPI document read as a client generator reads it: every schema is JSON Schema 2020-12 (the
 * dialect of OpenAPI 3.1), and what it says of errors, credentials, media types and Idempotency-Key
 * is what the server does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { testApp, type TestApp } from '../src/platform/testing/test-app.js';
import { apiRoutes } from './isolation-support.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface MediaType {
  schema?: object;
}
interface Response {
  content?: Record<string, MediaType>;
}
interface Parameter {
  in: string;
  name: string;
  schema?: object;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  responses: Record<string, Response>;
  security?: unknown[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

let t: TestApp;
let doc: Document;
beforeAll(async () => {
  t = await testApp();
  doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).body) as Document;
});

const operationOf = (method: string, url: string): Operation | undefined =>
  doc.paths[url.replace(/:([a-zA-Z]+)/g, '{$1}')]?.[method.toLowerCase()];

function operations(): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
  );
}

/** Every schema of an operation, named by where it is. */
function schemasOf(operation: Operation): [string, object][] {
  const found: [string, object][] = [];
  for (const parameter of operation.parameters ?? []) {
    if (parameter.schema) found.push([`${parameter.in} ${parameter.name}`, parameter.schema]);
  }
  for (const [type, media] of Object.entries(operation.requestBody?.content ?? {}))
    if (media.schema) found.push([`body ${type}`, media.schema]);
  for (const [status, response] of Object.entries(operation.responses)) {
    for (const [type, media] of Object.entries(response.content ?? {})) if (media.schema) found.push([`${status} ${type}`, media.schema]);
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('holds only schemas that compile as JSON Schema 2020-12', () => {
    // Strict: a keyword 2020-12 does not know is an error, but for the one the API adds (a pattern's meaning in words).
    const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false });
    addFormats(ajv);
    ajv.addKeyword({ keyword: 'patternReason', schemaType: 'string' });
    const failures: string[] = [];
    let compiled = 0;
    for (const [name, operation] of operations()) {
      for (const [where, schema] of schemasOf(operation)) {
        try {
          ajv.compile(schema);
          compiled++;
        } catch (error) {
          failures.push(`${name} ${where}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(compiled).toBeGreaterThan(500);
  });

  it('documents every error as application/problem+json', () => {
    const failures = operations().flatMap(([name, operation]) =>
      Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, response]) => {
          const types = Object.keys(response.content ?? {});
          return types.length === 1 && types[0] === 'application/problem+json' ? [] : [`${name} ${status}: ${types.join(', ')}`];
        }),
    );
    expect(failures).toEqual([]);
  });

  it('asks no credentials of public routes, while the others keep the document’s two schemes', () => {
    const routes = apiRoutes(t);
    expect(routes.filter((r) => r.guard === 'public').length).toBeGreaterThanOrEqual(3);
    for (const route of routes) {
      const operation = operationOf(route.method, route.url);
      const key = `${route.method} ${route.url}`;
      if (route.guard === 'public') expect(operation?.security, key).toEqual([]);
      else expect(operation?.security, key).toBeUndefined();
    }
  });

  it('documents Idempotency-Key, and the 422 and 409 it may answer, on every route that honours it', () => {
    const idempotent = apiRoutes(t).filter((r) => r.idempotent);
    expect(idempotent.length).toBeGreaterThan(20);
    for (const route of apiRoutes(t)) {
      const operation = operationOf(route.method, route.url)!;
      const key = `${route.method} ${route.url}`;
      const header = operation.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
      if (!route.idempotent) {
        expect(header, key).toBeUndefined();
        continue;
      }
      expect(header, key).toMatchObject({ schema: { type: 'string', minLength: 1, maxLength: 200 } });
      expect(Object.keys(operation.responses), key).toEqual(expect.arrayContaining(['409', '422']));
    }
  });

  it('documents 415 on every route that takes a body', () => {
    for (const route of apiRoutes(t).filter((r) => r.schema?.body)) {
      const operation = operationOf(route.method, route.url)!;
      expect(Object.keys(operation.responses), `${route.method} ${route.url}`).toContain('415');
    }
  });

  it('names the media types of answers that are not JSON', () => {
    const typesOf = (method: string, url: string) => Object.keys(operationOf(method, url)?.responses['200']?.content ?? {});
    expect(typesOf('GET', '/api/v1/events')).toEqual(['text/event-stream']);
    expect(typesOf('GET', '/api/v1/exports/contacts')).toEqual(['text/csv', 'application/json']);
    expect(typesOf('GET', '/api/v1/exports/companies')).toEqual(['text/csv', 'application/json']);
    expect(typesOf('GET', '/api/v1/listening/analytics/volume')).toEqual(['application/json', 'text/csv']);
    expect(typesOf('GET', '/api/v1/webhooks/:channelId')).toEqual(['text/plain', 'application/json']);
  });

  it('shows beside a write’s answer the id alone that a token with only the write scope gets, and leaves reads whole', () => {
    const answer = (method: string, url: string, status: string) =>
      operationOf(method, url)?.responses[status]?.content?.['application/json']?.schema as { anyOf?: object[] } | undefined;
    const idOnly = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string' } } };
    expect(answer('POST', '/api/v1/contacts', '201')?.anyOf).toEqual([
      expect.objectContaining({ type: 'object' }),
      expect.objectContaining(idOnly),
    ]);
    expect(answer('PATCH', '/api/v1/contacts/:id', '200')?.anyOf?.[1]).toMatchObject(idOnly);
    // An answer that names no record is an empty object.
    expect(answer('POST', '/api/v1/conversations/bulk', '200')?.anyOf?.[1]).toEqual(
      expect.objectContaining({ type: 'object', additionalProperties: false, properties: {} }),
    );
    // Reads, and the POSTs that need the read scope (they answer with what they read), answer whole.
    expect(answer('GET', '/api/v1/contacts/:id', '200')).toMatchObject({ type: 'object' });
    expect(answer('GET', '/api/v1/contacts/:id', '200')?.anyOf).toBeUndefined();
    expect(answer('POST', '/api/v1/listening/alerts/:id/check', '200')?.anyOf).toBeUndefined();
    expect(answer('POST', '/api/v1/nlp/analyze', '200')?.anyOf).toBeUndefined();
  });

  it('lists the query parameters of the webhook handshake, not the parts of a schema', () => {
    const names = (operationOf('GET', '/api/v1/webhooks/:channelId')?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(names).toEqual(['hub.mode', 'hub.verify_token', 'hub.challenge', 'crc_token', 'nonce']);
  });
});
