import { describe, expect, it } from 'vitest';
import { cardAfter } from './stream-keys';

describe('moving through the stream with j and k', () => {
  it('starts at the first card, whichever key, when none has the focus', () => {
    expect(cardAfter(-1, 5, 1)).toBe(0);
    expect(cardAfter(-1, 5, -1)).toBe(0);
  });

  it('moves one card, and stops at either end', () => {
    expect(cardAfter(0, 5, 1)).toBe(1);
    expect(cardAfter(3, 5, -1)).toBe(2);
    expect(cardAfter(4, 5, 1)).toBe(4);
    expect(cardAfter(0, 5, -1)).toBe(0);
  });

  it('has nowhere to go in an empty stream', () => {
    expect(cardAfter(-1, 0, 1)).toBe(-1);
  });
});
