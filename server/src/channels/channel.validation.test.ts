import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { schemaProblems } from './channel.validation.js';

const Config = Type.Object(
  {
    feedUrl: Type.String({ minLength: 8, maxLength: 2048 }),
    pollSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400 })),
    keywords: Type.Optional(Type.Array(Type.String(), { maxItems: 2 })),
  },
  { additionalProperties: false },
);

describe('channel settings problems', () => {
  it('say limits in words and grouped digits, as the API says them for request bodies', () => {
    expect(schemaProblems('config', Config, { feedUrl: 'http:', pollSeconds: 5 })).toEqual([
      { field: 'config.feedUrl', reason: 'must be at least 8 characters' },
      { field: 'config.pollSeconds', reason: 'must be at least 60' },
    ]);
    expect(
      schemaProblems('config', Config, { feedUrl: 'https://example.org/feed', pollSeconds: 100_000, keywords: ['a', 'b', 'c'] }),
    ).toEqual([
      { field: 'config.pollSeconds', reason: 'must be at most 86,400' },
      { field: 'config.keywords', reason: 'must have at most 2 entries' },
    ]);
    expect(schemaProblems('config', Config, { feedUrl: 'https://example.org/feed', pollSeconds: 90.5 })).toEqual([
      { field: 'config.pollSeconds', reason: 'must be a whole number' },
    ]);
  });
});
