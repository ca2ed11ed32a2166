import { describe, expect, it } from 'vitest';
import { FILE_UNITS, countOf, unitFor } from './counts';

describe('counts', () => {
  it('use the singular for exactly one, the plural otherwise', () => {
    expect(countOf(1, FILE_UNITS.csv)).toBe('1 row');
    expect(countOf(0, FILE_UNITS.csv)).toBe('0 rows');
    expect(countOf(2, FILE_UNITS.vcard)).toBe('2 cards');
    expect(countOf(1, FILE_UNITS.json)).toBe('1 contact');
    expect(countOf(1, ['column', 'columns'])).toBe('1 column');
    expect(unitFor(1, FILE_UNITS.vcard)).toBe('card');
    expect(unitFor(5, FILE_UNITS.json)).toBe('contacts');
  });
});
