import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('a call or meeting length', () => {
  it('is told in minutes, whole hours, or both', () => {
    expect(formatDuration(25)).toBe('25 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(90)).toBe('1 h 30 min');
    expect(formatDuration(0)).toBe('0 min');
  });
});
