import { describe, expect, it } from 'vitest';
import { selectionLabel } from './customer-name';

const ada = {
  identity: null,
  contact: { id: 'c1', displayName: 'Ada Lovelace', tier: null },
};

describe('selectionLabel', () => {
  it('tells one customer’s conversations apart by their subject, or preview without one', () => {
    const first = selectionLabel({ ...ada, subject: 'Invoice 7781 charged twice', preview: 'Hello' });
    const second = selectionLabel({ ...ada, subject: '', preview: 'Can I  add\nseats?' });
    expect(first).toBe('Select conversation with Ada Lovelace: Invoice 7781 charged twice');
    expect(second).toBe('Select conversation with Ada Lovelace: Can I add seats?');
    expect(selectionLabel({ ...ada, subject: '', preview: '' })).toBe('Select conversation with Ada Lovelace');
  });

  it('keeps a long subject short', () => {
    const label = selectionLabel({ ...ada, subject: 'x'.repeat(200), preview: '' });
    expect(label).toBe(`Select conversation with Ada Lovelace: ${'x'.repeat(79)}…`);
  });
});
