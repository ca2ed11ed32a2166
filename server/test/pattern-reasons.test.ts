/**
 * No refusal shows a regular expression: every `pattern` the OpenAPI document declares for a
 * request has its reason in words, and the fields people meet most say it end to end.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyProblems } from '../src/platform/http/validation.js';
import { buildWorkspace, testApp, type TestApp, type TestWorkspace } from '../src/platform/testing/test-app.js';

interface PatternNode {
  pattern: string;
  patternReason?: unknown;
  minLength?: number;
  [keyword: string]: unknown;
}

/** Every schema with a `pattern` under `node`, wherever it sits (properties, items, unions). */
function patternsIn(node: unknown, where: string, found: { where: string; schema: PatternNode }[] = []) {
  if (Array.isArray(node)) node.forEach((child, i) => patternsIn(child, `${where}.${i}`, found));
  else if (node !== null && typeof node === 'object') {
    if (typeof (node as PatternNode).pattern === 'string') found.push({ where, schema: node as PatternNode });
    for (const [key, child] of Object.entries(node)) patternsIn(child, `${where}.${key}`, found);
  }
  return found;
}

/** A value of the schema's length that its pattern refuses. */
function refusedBy(schema: PatternNode): string {
  const regex = new RegExp(schema.pattern, 'u');
  const value = ['!', ' ', '-', '\n'].map((c) => c.repeat(Math.max(1, schema.minLength ?? 1))).find((candidate) => !regex.test(candidate));
  if (value === undefined) throw new Error(`no refused value found for ${schema.pattern}`);
  return value;
}

let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await testApp();
  ws = await buildWorkspace(t.db);
});

type Problem = { detail: string; errors: { field: string; reason: string }[] };

async function refusal(method: 'GET' | 'POST', url: string, payload?: object): Promise<Problem> {
  const response = await t.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });
  expect(response.statusCode, response.body).toBe(400);
  return JSON.parse(response.body) as Problem;
}

describe('reasons for a value a pattern refuses', () => {
  it('are in words for every pattern of every request in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = JSON.parse(response.body) as {
      paths: Record<string, Record<string, { parameters?: unknown; requestBody?: unknown }>>;
    };
    const declared = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        patternsIn([operation.parameters, operation.requestBody], `${method.toUpperCase()} ${path}`),
      ),
    );
    // Ids in paths and queries, phone numbers, custom field keys, times of day, shortcuts, ...
    expect(declared.length).toBeGreaterThan(100);
    for (const { where, schema } of declared) {
      const [problem] = bodyProblems(Type.Object({ value: Type.Unsafe(schema) }), { value: refusedBy(schema) });
      expect(problem, where).toBeDefined();
      expect(problem!.reason, `${where} has no reason in words beside its pattern`).toBe(schema.patternReason);
      expect(problem!.reason, where).not.toContain(schema.pattern);
      expect(problem!.reason, where).not.toMatch(/pattern|\\[dswSDW]|\[\^|\{\d/);
    }
  });

  it('tell a contact’s phone number and a custom field’s key in words', async () => {
    const contact = await refusal('POST', '/api/v1/contacts', { firstName: 'Ada', phones: [{ number: 'call me' }] });
    expect(contact.errors).toEqual([{ field: 'phones.0.number', reason: 'must be a phone number: digits, spaces and + ( ) . - / x # *' }]);
    expect(contact.detail).toBe('phones.0.number must be a phone number: digits, spaces and + ( ) . - / x # *');

    const field = await refusal('POST', '/api/v1/custom-fields', { entity: 'contact', key: 'Shoe size', label: 'Shoe size', type: 'text' });
    expect(field.errors).toEqual([
      {
        field: 'key',
        reason: 'must start with a lower-case letter and hold only lower-case letters, digits and _ (at most 63 characters)',
      },
    ]);
  });

  it('tell a query string and a canned response’s shortcut in words', async () => {
    const mentions = await refusal('GET', '/api/v1/listening/mentions?language=English');
    expect(mentions.errors).toEqual([
      { field: 'querystring.language', reason: 'must be a language code of 2 or 3 lower-case letters, such as en' },
    ]);
    const canned = await refusal('POST', '/api/v1/canned-responses', { name: 'Hi', shortcut: 'Hello there', body: 'Hello!' });
    expect(canned.errors).toEqual([
      {
        field: 'shortcut',
        reason: 'must start with a lower-case letter or digit and hold only lower-case letters, digits, _ and - (at most 40 characters)',
      },
    ]);
  });

  it('are in words where a use case checks a value against a schema itself', async () => {
    const segment = await refusal('POST', '/api/v1/segments', { name: 'Mine', entity: 'contact', filters: { ownerId: 'me' } });
    expect(segment.errors).toEqual([{ field: 'filters.ownerId', reason: 'must be a UUID' }]);
    const action = await refusal('POST', `/api/v1/listening/mentions/${randomUUID()}/actions/make-lead`, { teamId: 'sales' });
    expect(action.errors).toEqual([{ field: 'teamId', reason: 'must be a UUID' }]);
  });
});
