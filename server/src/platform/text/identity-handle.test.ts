import { describe, expect, it } from 'vitest';
import { isNetworkId, shownHandleOf, shownNameOf } from './identity-handle.js';

describe('a handle that is only the network’s numeric id', () => {
  it('is left out, and a handle or name of the person is kept', () => {
    expect(shownHandleOf({ handle: '6512345678901234', externalId: '6512345678901234' })).toBeNull();
    expect(shownHandleOf({ handle: 'mia.rossi', externalId: '6512345678901234' })).toBe('mia.rossi');
    // A user name of digits is still the person's choice: only the id itself names nobody.
    expect(shownHandleOf({ handle: '1984', externalId: '6512345678901234' })).toBe('1984');
    expect(shownHandleOf({ handle: 'acct-1', externalId: 'acct-1' })).toBe('acct-1');
    expect(isNetworkId('Mia Rossi', '6512345678901234')).toBe(false);
  });
});

describe('a display name that is only the network’s numeric id', () => {
  it('is left out, and a name of the person is kept, digits or not', () => {
    expect(shownNameOf({ displayName: '6512345678901234', externalId: '6512345678901234' })).toBeNull();
    expect(shownNameOf({ displayName: 'Mia Rossi', externalId: '6512345678901234' })).toBe('Mia Rossi');
    expect(shownNameOf({ displayName: '1984', externalId: '6512345678901234' })).toBe('1984');
    expect(shownNameOf({ displayName: 'ana@example.org', externalId: 'ana@example.org' })).toBe('ana@example.org');
  });
});
