/**
 * Nullable response fields: the same JSON as a union with null, written as a type list, so the
 * response serializer tests each value inline instead of running a validator per value.
 */
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { DateTime, Nullable, OneOf } from './schemas.js';

const Item = Type.Object({
  name: Nullable(Type.String()),
  at: Nullable(DateTime),
  score: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
  stage: Nullable(OneOf(['lead', 'customer'])),
  address: Nullable(Type.Object({ city: Type.String() })),
  reasons: Nullable(Type.Array(Type.Object({ code: Type.String() }))),
});

async function served(items: unknown[]): Promise<unknown> {
  const app = Fastify();
  app.get('/items', { schema: { response: { 200: Type.Array(Item) } } }, async () => items);
  const response = await app.inject({ method: 'GET', url: '/items' });
  await app.close();
  expect(response.statusCode).toBe(200);
  return JSON.parse(response.body);
}

describe('Nullable', () => {
  it('is the schema with null added to its type, and to its values when it lists them', () => {
    expect(Nullable(Type.String({ maxLength: 5 }))).toMatchObject({ type: ['string', 'null'], maxLength: 5 });
    expect(Nullable(OneOf(['lead', 'customer']))).toMatchObject({ type: ['string', 'null'], enum: ['lead', 'customer', null] });
    expect(() => Nullable(Type.Union([Type.String(), Type.Number()]))).toThrow(/one type/);
  });

  it('serialises null and values as the schema says, leaving out what it does not name', async () => {
    const at = new Date('2026-12-05T10:11:12.345Z');
    const body = await served([
      { name: null, at: null, score: null, stage: null, address: null, reasons: null },
      { name: 'Ada', at, score: 72, stage: 'customer', address: { city: 'Oslo', secret: 'x' }, reasons: [{ code: 'recent', extra: 1 }] },
    ]);
    expect(body).toEqual([
      { name: null, at: null, score: null, stage: null, address: null, reasons: null },
      {
        name: 'Ada',
        at: '2026-12-05T10:11:12.345Z',
        score: 72,
        stage: 'customer',
        address: { city: 'Oslo' },
        reasons: [{ code: 'recent' }],
      },
    ]);
  });
});
