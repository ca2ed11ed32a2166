/** The OpenAPI document is generated from the routes and describes every one of them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../src/platform/testing/test-app.js';
import { apiRoutes } from './isolation-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every API route with its responses', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = JSON.parse(response.body) as {
      openapi: string;
      paths: Record<string, Record<string, { responses?: Record<string, unknown>; summary?: string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of apiRoutes(t)) {
      const path = route.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path} missing from the document`).toBeDefined();
      expect(operation!.summary, `${route.method} ${path} has no summary`).toBeTruthy();
      expect(
        Object.keys(operation!.responses ?? {}).some((code) => code.startsWith('2')),
        `${route.method} ${path} has no success response`,
      ).toBe(true);
    }
  });

  it('answers every list as an object whose records are under `data`, never as a bare array or under another name', () => {
    const successSchemas = apiRoutes(t).flatMap((route) => {
      const responses = (route.schema?.response ?? {}) as Record<string, { type?: string; properties?: Record<string, unknown> }>;
      return Object.entries(responses)
        .filter(([code]) => code.startsWith('2'))
        .map(([, schema]) => ({ route: `${route.method} ${route.url}`, schema }));
    });
    expect(successSchemas.length).toBeGreaterThan(50);
    for (const { route, schema } of successSchemas) {
      expect(schema.type, `${route} answers a bare array`).not.toBe('array');
      const listNames = Object.keys(schema.properties ?? {}).filter((name) => name === 'items' || name === 'results');
      expect(listNames, `${route} names its list other than data`).toEqual([]);
    }
  });

  it('serves the interactive reference', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html');
  });
});
