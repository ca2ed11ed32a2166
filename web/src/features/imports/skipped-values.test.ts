import { describe, expect, it } from 'vitest';
import { FILE_UNITS } from './counts';
import { groupSkipped, rowsText } from './skipped-values';

const NO_PLACE = 'a contact has no place for this property; not imported';
const ONE_ADDRESS = 'a contact has one postal address: only the first was imported';

describe('values left out of an import', () => {
  it('are grouped by property, the one with most first, each reason once with the cards it names', () => {
    const groups = groupSkipped([
      { row: 1, field: 'URL', reason: '"https://a.example" is not a social profile' },
      { row: 1, field: 'PHOTO', reason: NO_PLACE },
      { row: 2, field: 'ADR', reason: ONE_ADDRESS },
      { row: 2, field: 'ADR', reason: ONE_ADDRESS },
      { row: 3, field: 'PHOTO', reason: NO_PLACE },
      { row: 4, field: 'URL', reason: '"https://b.example" is not a social profile' },
      { row: 5, field: 'PHOTO', reason: NO_PLACE },
    ]);
    expect(groups).toEqual([
      { field: 'PHOTO', count: 3, reasons: [{ reason: NO_PLACE, rows: [1, 3, 5] }] },
      // Two values of one card, left out for one reason: the card is named once.
      { field: 'ADR', count: 2, reasons: [{ reason: ONE_ADDRESS, rows: [2] }] },
      {
        field: 'URL',
        count: 2,
        reasons: [
          { reason: '"https://a.example" is not a social profile', rows: [1] },
          { reason: '"https://b.example" is not a social profile', rows: [4] },
        ],
      },
    ]);
  });

  it('name their rows or cards in words, the first ten of many with a count of the rest', () => {
    expect(rowsText([3], FILE_UNITS.vcard)).toBe('Card 3');
    expect(rowsText([2, 5, 9], FILE_UNITS.csv)).toBe('Rows 2, 5 and 9');
    expect(rowsText([1200, 1300], FILE_UNITS.csv)).toBe('Rows 1200 and 1300');
    const many = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(rowsText(many, FILE_UNITS.vcard)).toBe('Cards 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 40 more');
  });
});
