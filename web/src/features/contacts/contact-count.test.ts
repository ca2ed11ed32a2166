import { describe, expect, it } from 'vitest';
import { contactCountText } from './contact-count';

describe('the count above the contacts list', () => {
  it('tells the number when every page is loaded, and a lower bound before', () => {
    expect(contactCountText(1, false)).toBe('1 contact');
    expect(contactCountText(0, false)).toBe('0 contacts');
    expect(contactCountText(42, false)).toBe('42 contacts');
    expect(contactCountText(100, true)).toBe('More than 100 contacts');
  });
});
