import { describe, expect, it } from 'vitest';
import { formatRelative } from './format';

describe('relative times either side of now', () => {
  const now = new Date('2026-12-07T00:30:00.000Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

  it('says a time a few seconds ahead is still to come', () => {
    expect(formatRelative(at(5), { now })).toBe('in a moment');
    expect(formatRelative(at(59), { now })).toBe('in a moment');
  });

  it('says a time a few seconds ago, or this very moment, is just now', () => {
    expect(formatRelative(at(-5), { now })).toBe('just now');
    expect(formatRelative(at(0), { now })).toBe('just now');
  });

  it('counts minutes, hours and days ahead and ago', () => {
    expect(formatRelative(at(5 * 60), { now })).toBe('in 5 minutes');
    expect(formatRelative(at(-5 * 60), { now })).toBe('5 minutes ago');
    expect(formatRelative(at(3 * 3600), { now })).toBe('in 3 hours');
    expect(formatRelative(at(2 * 86_400), { now })).toBe('in 2 days');
  });

  it('leaves a value that is not a time as it is', () => {
    expect(formatRelative('soon', { now })).toBe('soon');
  });
});
