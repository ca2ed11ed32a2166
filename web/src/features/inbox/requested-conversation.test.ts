import { describe, expect, it } from 'vitest';
import { conversationAfter, conversationAfterDone, conversationIn } from './requested-conversation';

const IDS = ['c1', 'c2', 'c3', 'c4'];

describe('the conversation a shortcut moves to', () => {
  it('moves on from the one the last key asked for, though the page still shows an earlier one', () => {
    // j j k j without waiting: each key changes the address at once, the page renders later.
    let pathname = '/inbox/c1';
    for (const by of [1, 1, -1, 1]) pathname = `/inbox/${conversationAfter(IDS, conversationIn(pathname), by)}`;
    expect(conversationIn(pathname)).toBe('c3');
  });

  it('starts at the first when none is open, or the open one has left the list, and stops at either end', () => {
    expect(conversationAfter(IDS, undefined, 1)).toBe('c1');
    expect(conversationAfter(IDS, undefined, -1)).toBe('c1');
    expect(conversationAfter(IDS, 'gone', 1)).toBe('c1');
    expect(conversationAfter(IDS, 'c4', 1)).toBe('c4');
    expect(conversationAfter(IDS, 'c1', -1)).toBe('c1');
    expect(conversationAfter([], undefined, 1)).toBeUndefined();
  });

  it('moves on from a resolved conversation to the next, or the one before at the end of the list', () => {
    expect(conversationAfterDone(IDS, 'c2')).toBe('c3');
    expect(conversationAfterDone(IDS, 'c4')).toBe('c3');
    expect(conversationAfterDone(['c1'], 'c1')).toBeUndefined();
    expect(conversationAfterDone(IDS, 'gone')).toBeUndefined();
  });

  it('reads the conversation from an inbox address only', () => {
    expect(conversationIn('/inbox/c2')).toBe('c2');
    expect(conversationIn('/inbox')).toBeUndefined();
    expect(conversationIn('/inbox/')).toBeUndefined();
    expect(conversationIn('/contacts/c2')).toBeUndefined();
  });
});
