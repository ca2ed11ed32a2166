import { describe, expect, it } from 'vitest';
import { mapDelivery } from './webhook-mapping.js';

const settings = { mapping: { externalId: '/id', text: '/text', authorId: '/from' } };
const receivedAt = new Date('2025-03-01T10:00:00Z');

describe('generic webhook items', () => {
  it('dead-letters an item whose text is empty or only spaces, saying why, and keeps the others', () => {
    const { messages, rejected } = mapDelivery(
      [
        { id: 'a', text: '', from: 'u1' },
        { id: 'b', text: ' \n\t ', from: 'u1' },
        { id: 'c', text: 'Hello', from: 'u1' },
        { id: 'd', from: 'u1' },
      ],
      settings,
      receivedAt,
    );
    expect(messages.map((m) => m.externalId)).toEqual(['c']);
    expect(rejected).toEqual([
      { index: 0, code: 'invalid', reason: "the item's text (at /text) is empty" },
      { index: 1, code: 'invalid', reason: "the item's text (at /text) is empty" },
      { index: 3, code: 'invalid', reason: 'the item has no text (at /text)' },
    ]);
  });
});
