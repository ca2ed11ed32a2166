import { describe, expect, it } from 'vitest';
import { BlockIndex, blockingKeys, candidatePairs } from './blocking.js';
import { normalisePerson } from './normalise-person.js';

describe('blocking', () => {
  it('keys a person by identifiers, phonetic name with birth year, postcode with initial', () => {
    const keys = blockingKeys(
      normalisePerson({
        id: '1',
        givenName: 'Anna',
        familyName: 'Berg',
        birthDate: '19810219',
        emails: ['anna@acme.io'],
        address: { postcode: '4011' },
      }),
    );
    expect(keys).toEqual(expect.arrayContaining(['e:anna@acme.io', 'fy:b620a1981', 'd:19810219', 'pf:4011b']));
  });

  it('never uses a shared mailbox as a key', () => {
    expect(blockingKeys(normalisePerson({ id: '1', emails: ['info@acme.io'] }))).toEqual([]);
  });

  it('compares only people sharing a key, and skips blocks over the cap', () => {
    const people = [
      ...Array.from({ length: 5 }, (_, index) => normalisePerson({ id: `s${index}`, emails: [`shared.box${index % 1}@acme.io`] })),
      normalisePerson({ id: 'x', givenName: 'Oscar', familyName: 'Zyborski', birthDate: '19700304' }),
      normalisePerson({ id: 'y', givenName: 'Oskar', familyName: 'Zyborski', birthDate: '19700304' }),
    ];
    const { codes, skippedBlocks } = candidatePairs(people, 3, 0);
    expect([...codes]).toEqual([5 * people.length + 6]);
    expect(skippedBlocks).toBeGreaterThanOrEqual(1);
  });

  it('finds candidates incrementally and ignores blocks over the cap', () => {
    const index = new BlockIndex(2);
    index.add(0, ['a', 'b']);
    index.add(1, ['a']);
    index.add(2, ['a', 'c']);
    expect(index.candidates(['a'])).toEqual([]);
    expect(index.candidates(['b', 'c']).sort()).toEqual([0, 2]);
  });
});
