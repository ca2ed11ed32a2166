/** What an import says of a CSV file it cannot read: the problem in words, not the parser's. */
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../platform/http/errors.js';
import { readCsv } from './csv.reader.js';

function refusal(content: string): string {
  try {
    readCsv(content);
  } catch (error) {
    if (error instanceof RapportError) return error.message;
    throw error;
  }
  throw new Error('The file was read');
}

describe('an unreadable CSV file', () => {
  it('says which line is too long, and that the file may not be CSV', () => {
    expect(refusal(`name,email\n${'x'.repeat(2_000_000)},ann@example.com\n`)).toBe('line 2 is longer than 100 kB; is this a CSV file?');
  });

  it('says a file of column names alone has no rows, and one of empty cells has nothing', () => {
    expect(refusal('name,email\n')).toBe('the file has column names but no rows');
    expect(refusal('name,email\n,\n\n')).toBe('the file has column names but no rows');
    expect(refusal(',,\n , ,\n')).toBe('the file holds only empty cells');
  });

  it('says where a quote breaks the file, in words', () => {
    expect(refusal('name,email\n"Ann,ann@example.com\nBob,bob@example.com')).toBe(
      'a quoted value is never closed: the file ends inside it (at line 3); check for a stray "',
    );
    expect(refusal('name,email\n"Ann" Lee,ann@example.com')).toBe(
      'line 2 has text right after a quoted value\'s closing "; a " inside a quoted value is written ""',
    );
    expect(refusal('name,email\nAnn "the" Lee,ann@example.com')).toBe(
      'line 2 has a " inside a value; quote the value and write the " as ""',
    );
  });
});
