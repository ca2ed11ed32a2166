import { describe, expect, it } from 'vitest';
import { isOneLine, namePartsOf } from './single-line.js';

describe('names a channel gives', () => {
  it('split into a first and a last name at spaces, line breaks and control characters', () => {
    expect(namePartsOf('  Ana   Berg ')).toEqual({ firstName: 'Ana', lastName: 'Berg' });
    expect(namePartsOf('Rima\u2028Al\u0007Haddad\r\n')).toEqual({ firstName: 'Rima Al', lastName: 'Haddad' });
    expect(namePartsOf('Zoë\u0085')).toEqual({ firstName: 'Zoë', lastName: '' });
    expect(namePartsOf('\t\u0000')).toEqual({ firstName: '', lastName: '' });
  });

  it('are always fit for a single-line field, and cut at its length', () => {
    const { firstName, lastName } = namePartsOf(`${'a'.repeat(300)}\u0001b\u009fc d`);
    expect(isOneLine(firstName) && isOneLine(lastName)).toBe(true);
    expect(firstName.length).toBe(200);
    expect(lastName).toBe('d');
  });
});
