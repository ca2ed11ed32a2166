import { describe, expect, it } from 'vitest';
import { canonicalBirthDate, canonicalEmail, canonicalHandle, canonicalPhone, normalisePerson } from './normalise-person.js';
import { soundex } from './phonetic.js';
import { foldText } from './text-folding.js';

describe('normalisation', () => {
  it('folds accents, case and punctuation, and transliterates Cyrillic and Greek', () => {
    expect(foldText('  José-María  Ñúñez ')).toBe('jose maria nunez');
    expect(foldText('Straße Łódź')).toBe('strasse lodz');
    expect(foldText('Иван Петров')).toBe('ivan petrov');
    expect(foldText('Σωκράτης')).toBe('sokratis');
  });

  it('treats junk and placeholder names as missing, and drops titles', () => {
    expect(normalisePerson({ id: '1', givenName: 'N/A', familyName: 'test' })).toMatchObject({ given: null, family: null });
    expect(normalisePerson({ id: '2', fullName: '----' })).toMatchObject({ given: null, family: null });
    expect(normalisePerson({ id: '3', fullName: 'Dr. Anna Berg' })).toMatchObject({ given: 'anna', family: 'berg' });
    expect(normalisePerson({ id: '4', givenName: '12345', familyName: 'Berg' })).toMatchObject({ given: null, family: 'berg' });
  });

  it('maps nicknames to one given name', () => {
    expect(normalisePerson({ id: '1', givenName: 'Bob', familyName: 'Jones' }).given).toBe('robert');
    expect(normalisePerson({ id: '2', givenName: 'Robert', familyName: 'Jones' }).given).toBe('robert');
  });

  it('keeps personal addresses in canonical form and drops shared mailboxes', () => {
    expect(canonicalEmail('Anna.Berg+news@GoogleMail.com')).toBe('annaberg@gmail.com');
    expect(canonicalEmail('info@acme.io')).toBeNull();
    expect(canonicalEmail('Support2@acme.io')).toBeNull();
    expect(canonicalEmail('anna@test.com')).toBeNull();
    expect(canonicalEmail('not an address')).toBeNull();
  });

  it('reduces phones to their last digits and rejects junk numbers', () => {
    expect(canonicalPhone('+44 20 7946 0018')).toBe(canonicalPhone('020 7946 0018'));
    expect(canonicalPhone('000 0000')).toBeNull();
    expect(canonicalPhone('1234567')).toBeNull();
  });

  it('gives profile URLs and handles one form', () => {
    expect(canonicalHandle('https://mastodon.social/@ana/')).toBe('mastodon.social/ana');
    expect(canonicalHandle('@ana@mastodon.social')).toBe('mastodon.social/ana');
    expect(canonicalHandle('@Ana_B')).toBe('ana_b');
  });

  it('reads birth dates and rejects placeholders', () => {
    expect(canonicalBirthDate('1981-02-19')).toBe('19810219');
    expect(canonicalBirthDate('19000101')).toBeNull();
    expect(canonicalBirthDate('19/02')).toBeNull();
  });

  it('codes spelling variants alike', () => {
    expect(soundex('smith')).toBe(soundex('smyth'));
    expect(soundex('robert')).toBe('r163');
    expect(soundex('ashcraft')).toBe('a261');
  });
});
