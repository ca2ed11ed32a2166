import { describe, expect, it } from 'vitest';
import { findTrigger, mentionedIds, replaceTrigger } from './composer-trigger';

describe('findTrigger', () => {
  it('finds a canned-response shortcut being typed at the start or after a space', () => {
    expect(findTrigger('/thank', 6, false)).toEqual({ kind: 'canned', query: 'thank', start: 0 });
    expect(findTrigger('Hi /gre', 7, false)).toEqual({ kind: 'canned', query: 'gre', start: 3 });
  });

  it('ignores a slash inside a word or a URL', () => {
    expect(findTrigger('see https://x.org/a', 19, true)).toBeNull();
    expect(findTrigger('and/or', 6, false)).toBeNull();
  });

  it('finds mentions only where they are allowed', () => {
    expect(findTrigger('ping @an', 8, true)).toEqual({ kind: 'mention', query: 'an', start: 5 });
    expect(findTrigger('ping @an', 8, false)).toBeNull();
    expect(findTrigger('mail a@b.org', 12, true)).toBeNull();
  });

  it('looks only at the text before the caret', () => {
    expect(findTrigger('/abc tail', 4, false)).toEqual({ kind: 'canned', query: 'abc', start: 0 });
    expect(findTrigger('/abc tail', 9, false)).toBeNull();
  });
});

describe('replaceTrigger', () => {
  it('replaces the word and puts the caret after the insert', () => {
    const trigger = findTrigger('Hi /gre!', 7, false)!;
    expect(replaceTrigger('Hi /gre!', trigger, 7, 'Hello there')).toEqual({ text: 'Hi Hello there!', caret: 14 });
  });
});

describe('mentionedIds', () => {
  it('keeps only the colleagues still named in the text', () => {
    const picked = new Map([
      ['Ana Lima', 'u1'],
      ['Bo', 'u2'],
    ]);
    expect(mentionedIds('@Ana Lima can you look?', picked)).toEqual(['u1']);
  });
});
