import { describe, expect, it } from 'vitest';
import { changedText, foundBy } from './company-updates';
import type { CompanyUpdate } from './types';

const update = (matchedBy: CompanyUpdate['matchedBy'], value: string): CompanyUpdate => ({
  row: 2,
  companyId: 'c1',
  company: 'Acme',
  matchedBy,
  value,
  changed: [],
});

describe('updated companies in an import report', () => {
  it('says how a row found its company', () => {
    expect(foundBy(update('domain', 'acme.example'))).toBe('domain acme.example');
    expect(foundBy(update('name', 'Acme'))).toBe('name “Acme”');
    expect(foundBy(update('id', '0b6c5a49-0000-4000-8000-000000000001'))).toBe('id in Rapport');
  });

  it('names the fields a row changed in words, or that it changed nothing', () => {
    expect(changedText([])).toBe('nothing changed');
    expect(changedText(['industry'])).toBe('industry');
    expect(changedText(['name', 'ownerId', 'custom', 'note'])).toBe('name, owner, custom fields and note added');
  });
});
