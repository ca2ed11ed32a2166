import { describe, expect, it } from 'vitest';
import { fileProblem, formatOfFile } from './import-file';

const file = (name: string, size = 1024) => ({ name, size });

describe('the file chosen for an import', () => {
  it('refuses a vCard for companies, saying why and what to do, and takes it for contacts', () => {
    const problem = fileProblem('companies', file('address-book.VCF'));
    expect(problem).toBe(
      'A vCard file holds contacts, and companies are imported from a CSV file only. Choose a .csv file, or import this one as contacts.',
    );
    expect(fileProblem('companies', file('card.vcard'))).toBe(problem);
    expect(fileProblem('contacts', file('address-book.vcf'))).toBeNull();
  });

  it('refuses a JSON file for companies, and takes a CSV or a file named otherwise', () => {
    expect(fileProblem('companies', file('rapport-export.json'))).toMatch(/^Companies are imported from a CSV file only, not JSON\./);
    expect(fileProblem('contacts', file('rapport-export.json'))).toBeNull();
    expect(fileProblem('companies', file('companies.csv'))).toBeNull();
    expect(fileProblem('companies', file('export.txt'))).toBeNull();
    expect(fileProblem('companies', null)).toBeNull();
  });

  it('refuses a file over 20 MB whatever it holds', () => {
    expect(fileProblem('contacts', file('big.csv', 20 * 1024 * 1024 + 1))).toBe('The file is larger than 20 MB');
    expect(fileProblem('contacts', file('just-fits.csv', 20 * 1024 * 1024))).toBeNull();
  });

  it('reads the format from the file’s name, CSV unless it says vCard or JSON', () => {
    expect(formatOfFile('a.vcf')).toBe('vcard');
    expect(formatOfFile('a.VCard')).toBe('vcard');
    expect(formatOfFile('a.json')).toBe('json');
    expect(formatOfFile('a.csv')).toBe('csv');
    expect(formatOfFile('vcf.csv')).toBe('csv');
  });
});
