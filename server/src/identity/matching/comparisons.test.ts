import { describe, expect, it } from 'vitest';
import { COMPARISONS, MISSING, comparePeople, type FieldName } from './comparisons.js';
import { normalisePerson } from './normalise-person.js';
import type { PersonRecord } from './person.js';

function levels(a: Omit<PersonRecord, 'id'>, b: Omit<PersonRecord, 'id'>): Record<FieldName, string | null> {
  const vector = comparePeople(normalisePerson({ id: 'a', ...a }), normalisePerson({ id: 'b', ...b }));
  return Object.fromEntries(
    COMPARISONS.map((comparison, index) => [comparison.field, vector[index] === MISSING ? null : comparison.levels[vector[index]!]!]),
  ) as Record<FieldName, string | null>;
}

describe('field comparisons', () => {
  it('grades names from exact to different, and leaves a missing one out', () => {
    expect(levels({ givenName: 'Katherine', familyName: 'Smith' }, { givenName: 'Kate', familyName: 'Smiht' })).toMatchObject({
      given: 'exact',
      family: 'close spelling',
    });
    expect(levels({ givenName: 'Anna' }, { givenName: 'Oscar', familyName: 'Berg' })).toMatchObject({ given: 'different', family: null });
  });

  it('notices given and family names entered the other way round', () => {
    expect(levels({ givenName: 'Anna', familyName: 'Berg' }, { givenName: 'Berg', familyName: 'Anna' })).toMatchObject({
      given: 'exact',
      family: 'exact',
    });
  });

  it('compares transliterated names as the same', () => {
    expect(levels({ fullName: 'Иван Петров' }, { fullName: 'Ivan Petrov' })).toMatchObject({ given: 'exact', family: 'exact' });
  });

  it('grades dates and numbers by closeness', () => {
    expect(levels({ birthDate: '19810219' }, { birthDate: '19810291' }).birthDate).toBe('one typo');
    expect(levels({ birthDate: '19810219' }, { birthDate: '19790219' }).birthDate).toBe('two of three parts');
    expect(levels({ birthDate: '19810219' }, { birthDate: '19640730' }).birthDate).toBe('different');
    expect(levels({ address: { postcode: '4011' } }, { address: { postcode: '4101' } }).postcode).toBe('one typo');
  });

  it('reads an e-mail local part as the name of a contact when the identity has no name', () => {
    expect(levels({ emails: ['a.berg@acme.io'] }, { fullName: 'Anna Berg' })).toMatchObject({ emailName: 'local part spells the name' });
    expect(levels({ emails: ['oscar@acme.io'] }, { fullName: 'Anna Berg' })).toMatchObject({ emailName: 'does not' });
    expect(levels({ fullName: 'Ann Berg', emails: ['aberg@acme.io'] }, { fullName: 'Anna Berg' }).emailName).toBeNull();
  });

  it('counts a shared local part only when it says more than the name', () => {
    const john = { givenName: 'John', familyName: 'Smith' };
    expect(levels({ ...john, emails: ['john.smith@gmail.com'] }, { ...john, emails: ['john.smith@yahoo.com'] }).email).toBe('different');
    expect(levels({ ...john, emails: ['jsmith82@gmail.com'] }, { ...john, emails: ['jsmith82@yahoo.com'] }).email).toBe('same local part');
  });

  it('compares company names without their legal form', () => {
    const company = (a: string, b: string) => levels({ company: a }, { company: b }).company;
    expect(company('Merton Inc', 'Berton Inc')).not.toBe('same');
    expect(company('Alder Ltd', 'Birch Ltd')).toBe('different');
    expect(company('Acme', 'ACME GmbH')).toBe('same');
    expect(company('Acme S.A.', 'Acme SA')).toBe('same');
    expect(company('Nordvik GmbH & Co. KG', 'Nordvik')).toBe('same');
    expect(company('AB Volvo', 'Volvo')).toBe('same');
    // A name that is a legal form and nothing else is kept as it is.
    expect(company('Company', 'Company')).toBe('same');
    expect(company('Ltd', 'Alder Ltd')).toBe('different');
  });

  it('gives a shared mailbox no say at all', () => {
    expect(levels({ emails: ['info@acme.io'] }, { emails: ['info@acme.io'] })).toMatchObject({ email: null, emailName: null });
  });
});
