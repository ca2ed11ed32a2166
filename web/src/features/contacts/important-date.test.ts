import { describe, expect, it } from 'vitest';
import { formatDay } from '../../lib/format';
import { formatImportantDate } from './important-date';

describe('important dates as shown', () => {
  it('leaves out a year no one knew, and keeps every other', () => {
    expect(formatImportantDate('1604-04-12')).not.toMatch(/1604/);
    expect(formatImportantDate('1604-04-12')).toMatch(/12/);
    expect(formatImportantDate('1604-02-29')).toMatch(/29/);
    expect(formatImportantDate('1990-04-12')).toBe(formatDay('1990-04-12'));
    expect(formatImportantDate('1990-04-12')).toMatch(/1990/);
  });
});
