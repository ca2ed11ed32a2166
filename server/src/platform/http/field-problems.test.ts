import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { buildWorkspace, testApp } from '../testing/test-app.js';
import { PATTERN_FALLBACK, reasonOf, type ValidationIssue } from './field-problems.js';
import { bodyProblems } from './validation.js';
import { Uuid } from './schemas.js';

const Shape = Type.Object(
  {
    role: Type.Union([Type.Literal('owner'), Type.Literal('agent')]),
    stage: Type.Optional(Type.String({ enum: ['lead', 'customer'] })),
    id: Type.Optional(Uuid),
    email: Type.Optional(Type.String({ format: 'email' })),
    when: Type.Optional(Type.String({ format: 'date-time' })),
    target: Type.Optional(Type.Union([Type.Object({ url: Type.String() }), Type.Object({ email: Type.String() })])),
    code: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', patternReason: 'must be three capital letters, such as EUR' })),
    minutes: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10080 }), Type.Null()])),
    due: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
  },
  { additionalProperties: false },
);

describe('validation problems', () => {
  it('says which values a union of literals or an enum allows, once', () => {
    expect(bodyProblems(Shape, { role: 'king' })).toEqual([{ field: 'role', reason: 'must be one of: owner, agent' }]);
    expect(bodyProblems(Shape, { role: 'agent', stage: 'vip' })).toEqual([{ field: 'stage', reason: 'must be one of: lead, customer' }]);
  });

  it('puts ids, e-mail addresses and dates in plain words, and keeps other reasons as they are', () => {
    expect(bodyProblems(Shape, { role: 'agent', id: 'nope' })).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
    expect(bodyProblems(Shape, { role: 'agent', email: 'nope' })).toEqual([{ field: 'email', reason: 'must be an e-mail address' }]);
    expect(bodyProblems(Shape, { role: 'agent', when: 'tomorrow' })).toEqual([
      { field: 'when', reason: 'must be a date and time (ISO 8601, e.g. 2026-01-31T09:00:00Z) in the years 1 to 9999' },
    ]);
  });

  it('says what a pattern wants in the words declared beside it, and never shows the expression', () => {
    expect(bodyProblems(Shape, { role: 'agent', currency: 'euro' })).toEqual([
      { field: 'currency', reason: 'must be three capital letters, such as EUR' },
    ]);
    expect(bodyProblems(Shape, { role: 'agent', code: 'abc' })).toEqual([{ field: 'code', reason: PATTERN_FALLBACK }]);
    expect(PATTERN_FALLBACK).not.toMatch(/pattern|\^|\$/);
  });

  it('finds the words for TypeBox’s issues, which name the failing schema by its path', () => {
    const Filters = Type.Object({ owners: Type.Array(Type.Union([Uuid, Type.Null()])) });
    const issues = [...Compile(Filters).Errors({ owners: ['me'] })] as unknown as ValidationIssue[];
    const pattern = issues.find((issue) => issue.keyword === 'pattern')!;
    expect(pattern.message).toContain('^[0-9a-fA-F]');
    expect(reasonOf(pattern, Filters)).toBe('must be a UUID');
    expect(reasonOf(pattern)).toBe(PATTERN_FALLBACK);
  });

  it('folds a union of shapes into one problem on the field', () => {
    expect(bodyProblems(Shape, { role: 'agent', target: { phone: '1' } })).toEqual([
      { field: 'target', reason: 'does not match any of the accepted forms' },
    ]);
  });

  it('says what a value that may also be null must be, not that it matched no form', () => {
    expect(bodyProblems(Shape, { role: 'agent', minutes: 99999 })).toEqual([{ field: 'minutes', reason: 'must be at most 10,080' }]);
    expect(bodyProblems(Shape, { role: 'agent', minutes: 1.5 })).toEqual([{ field: 'minutes', reason: 'must be a whole number' }]);
    expect(bodyProblems(Shape, { role: 'agent', due: 'soon' })).toEqual([
      { field: 'due', reason: 'must be a date (YYYY-MM-DD) in the years 1 to 9999' },
    ]);
    expect(bodyProblems(Shape, { role: 'agent', minutes: null, due: null })).toEqual([]);
  });

  it('says limits and types in words, not operators or JSON types', () => {
    const Limited = Type.Object({
      name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      password: Type.Optional(Type.String({ minLength: 10 })),
      count: Type.Optional(Type.Integer({ minimum: 1 })),
      tags: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 20, uniqueItems: true })),
      note: Type.Optional(Type.String()),
      flag: Type.Optional(Type.Boolean()),
    });
    const reasons = (value: unknown) => bodyProblems(Limited, value).map((p) => `${p.field} ${p.reason}`);
    expect(reasons({ name: '' })).toEqual(['name must not be empty']);
    expect(reasons({ name: 'x'.repeat(201) })).toEqual(['name must be at most 200 characters']);
    expect(reasons({ password: 'short' })).toEqual(['password must be at least 10 characters']);
    expect(reasons({ count: 0 })).toEqual(['count must be at least 1']);
    expect(reasons({ tags: [] })).toEqual(['tags must have at least 1 entry']);
    expect(reasons({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).toEqual(['tags must have at most 20 entries']);
    expect(reasons({ tags: ['a', 'a'] })).toEqual(['tags must not repeat']);
    expect(reasons({ note: 1 })).toEqual(['note must be text']);
    expect(reasons({ flag: 'yes' })).toEqual(['flag must be true or false']);
  });

  it('reaches API clients as problem+json', async () => {
    const t = await testApp();
    const ws = await buildWorkspace(t.db);
    const member = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: ws.owner.headers,
      payload: { email: 'new@example.test', name: 'New', password: 'correct-horse-battery', role: 'king' },
    });
    expect(member.statusCode).toBe(400);
    expect(JSON.parse(member.body)).toMatchObject({
      detail: 'role must be one of: owner, admin, agent, viewer',
      errors: [{ field: 'role', reason: 'must be one of: owner, admin, agent, viewer' }],
    });
    const contact = await t.app.inject({ method: 'GET', url: '/api/v1/contacts/not-an-id', headers: ws.owner.headers });
    expect(JSON.parse(contact.body)).toMatchObject({ errors: [{ field: 'params.id', reason: 'must be a UUID' }] });
  });
});
