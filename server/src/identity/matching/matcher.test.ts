import { describe, expect, it } from 'vitest';
import { createMatcher } from './matcher.js';
import type { PersonRecord } from './person.js';
import { resolveAll } from './resolve-all.js';
import { distinctPeople } from './testing/distinct-people.js';

function matcherWith(people: PersonRecord[]) {
  const matcher = createMatcher();
  for (const person of people) matcher.add(person);
  return matcher;
}

const anna: PersonRecord = {
  id: 'contact-1',
  givenName: 'Anna',
  familyName: 'Zyborski',
  emails: ['anna.zyborski@acme.io'],
  birthDate: '1981-02-19',
  address: { postcode: '4011', locality: 'Brisbane' },
};

describe('incremental matching', () => {
  it('links the same person arriving from another channel, with its evidence', () => {
    const matcher = matcherWith([anna, { id: 'contact-2', givenName: 'Oscar', familyName: 'Berg', birthDate: '1990-05-01' }]);
    const [best, ...others] = matcher.match({
      id: 'identity-9',
      fullName: 'Anna Zyborski',
      emails: ['anna.zyborski@acme.io'],
      handles: ['@anna@mastodon.social'],
    });
    expect(others).toEqual([]);
    expect(best).toMatchObject({ left: 'identity-9', right: 'contact-1', decision: 'link' });
    expect(best!.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'email', level: 'same address' })]));
    expect(best!.evidence.find((item) => item.field === 'email')!.weight).toBeGreaterThan(0);
  });

  it('does not link a common name with nothing else in common', () => {
    const matcher = matcherWith([
      { id: 'c1', givenName: 'John', familyName: 'Smith', emails: ['jsmith@acme.io'], address: { locality: 'Leeds' } },
      { id: 'c2', givenName: 'Mary', familyName: 'Jones' },
    ]);
    const found = matcher.match({
      id: 'n1',
      givenName: 'John',
      familyName: 'Smith',
      emails: ['john.smith82@globex.net'],
      birthDate: '1982-03-04',
    });
    expect(found.every((pair) => pair.decision !== 'link')).toBe(true);
    const disagreeing = matcher.match({ id: 'n2', givenName: 'John', familyName: 'Smith', address: { locality: 'Cardiff' } });
    expect(disagreeing.filter((pair) => pair.decision === 'link')).toEqual([]);
  });

  it('gives names alone at most a review, however rare', () => {
    const matcher = matcherWith([{ id: 'c1', givenName: 'Oscar', familyName: 'Zyborski' }]);
    const found = matcher.match({ id: 'n1', givenName: 'Oscar', familyName: 'Zyborski' });
    expect(found.map((pair) => pair.decision)).not.toContain('link');
  });

  it('never links people through a shared mailbox', () => {
    const matcher = matcherWith([{ id: 'c1', givenName: 'Anna', familyName: 'Berg', emails: ['info@acme.io'], phones: ['0000000'] }]);
    expect(matcher.match({ id: 'n1', givenName: 'Oscar', familyName: 'Lind', emails: ['info@acme.io'] })).toEqual([]);
  });

  it('never links on placeholders or junk names', () => {
    const matcher = matcherWith([{ id: 'c1', givenName: 'N/A', familyName: 'test', emails: ['test@test.com'], birthDate: '1900-01-01' }]);
    expect(matcher.match({ id: 'n1', givenName: 'N/A', familyName: 'test', emails: ['test@test.com'], birthDate: '1900-01-01' })).toEqual(
      [],
    );
  });

  it('matches a name written in Cyrillic to its Latin transliteration', () => {
    const matcher = matcherWith([{ id: 'c1', fullName: 'Иван Петров', birthDate: '1975-11-02', phones: ['+7 912 345 67 89'] }]);
    const [best] = matcher.match({ id: 'n1', givenName: 'Ivan', familyName: 'Petrov', phones: ['8 912 345-67-89'] });
    expect(best).toMatchObject({ right: 'c1', decision: 'link' });
  });
});

describe('batch resolution', () => {
  it('fits a model, links duplicates into clusters and leaves others apart', () => {
    const people: PersonRecord[] = [];
    const given = ['anna', 'oscar', 'liam', 'maja', 'noah', 'ella', 'hugo', 'ines', 'finn', 'lena', 'ida', 'axel'];
    const family = ['berg', 'lind', 'holm', 'dahl', 'nyberg', 'ek', 'strand', 'wall', 'sjoberg', 'falk', 'moberg', 'lund', 'hedlund'];
    const streets = ['kings', 'harbour', 'mill', 'church', 'station', 'park', 'bridge', 'castle', 'garden', 'forest', 'meadow'];
    for (let index = 0; index < 80; index++) {
      const person = {
        givenName: given[index % given.length]!,
        familyName: family[(index * 7) % family.length]!,
        birthDate: `19${String(40 + ((index * 13) % 60))}${String(1 + (index % 12)).padStart(2, '0')}${String(1 + ((index * 5) % 28)).padStart(2, '0')}`,
        address: {
          postcode: String(4000 + ((index * 37) % 500)),
          street: `${streets[index % streets.length]} road`,
          streetNumber: String(index),
        },
      };
      people.push({ id: `p${index}`, ...person });
      if (index % 4 === 0)
        people.push({
          id: `p${index}-dup`,
          ...person,
          givenName: `${person.givenName}e`,
          address: { ...person.address, streetNumber: null },
        });
    }
    const resolution = resolveAll(people);
    const expected = people
      .filter((person) => person.id.endsWith('-dup'))
      .map((person) => [person.id.replace('-dup', ''), person.id].sort());
    expect(resolution.clusters.map((cluster) => [...cluster].sort()).sort()).toEqual(expected.sort());
    expect(resolution.candidatePairs).toBeLessThan((people.length * (people.length - 1)) / 2);
    expect(resolution.pairs[0]!.evidence.length).toBeGreaterThan(0);
  });

  it('queues no pair among different people known by name only, however common their names', () => {
    const resolution = resolveAll(distinctPeople(2_000, 0));
    expect(resolution.pairs).toEqual([]);
    expect(resolution.clusters).toEqual([]);
  });

  it('still links the few duplicates of a workspace that has few', () => {
    const people = distinctPeople(2_000);
    const copies = [11, 500, 1_234].map((index) => {
      const person = people[index]!;
      return { ...person, id: `${person.id}-again`, givenName: `${person.givenName}e`, phones: [] };
    });
    const resolution = resolveAll([...people, ...copies]);
    expect(resolution.pairs.map((pair) => [pair.left, pair.right].sort()).sort()).toEqual(
      copies.map((copy) => [copy.id.replace('-again', ''), copy.id].sort()).sort(),
    );
    expect(resolution.clusters).toHaveLength(3);
  });
});
