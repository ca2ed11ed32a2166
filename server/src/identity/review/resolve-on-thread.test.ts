import { describe, expect, it } from 'vitest';
import { resolveAll, type PersonRecord } from '../matching/index.js';
import { resolveOnThread } from './resolve-on-thread.js';

/** Sixty people, every fourth with a misspelt duplicate. */
function peopleWithDuplicates(): PersonRecord[] {
  const given = ['anna', 'oscar', 'liam', 'maja', 'noah', 'ella', 'hugo', 'ines', 'finn', 'lena', 'ida'];
  const family = ['berg', 'lind', 'holm', 'dahl', 'nyberg', 'ek', 'strand', 'wall', 'sjoberg', 'falk', 'moberg', 'lund', 'hedlund'];
  const people: PersonRecord[] = [];
  for (let index = 0; index < 60; index++) {
    const person = {
      givenName: given[index % given.length]!,
      familyName: family[(index * 7) % family.length]!,
      emails: [`${given[index % given.length]}.${index}@posteo.de`],
      birthDate: `19${String(40 + ((index * 13) % 60))}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + ((index * 5) % 28)).padStart(2, '0')}`,
    };
    people.push({ id: `p${index}`, ...person });
    if (index % 4 === 0) people.push({ id: `p${index}-dup`, ...person, givenName: `${person.givenName}h` });
  }
  return people;
}

describe('resolution on a thread of its own', () => {
  it('resolves as resolveAll does on the calling thread', async () => {
    const people = peopleWithDuplicates();
    const onThread = await resolveOnThread(people);
    expect(onThread.clusters.length).toBeGreaterThan(0);
    expect(onThread).toEqual(resolveAll(people));
  });

  it('leaves the calling thread free while it resolves', async () => {
    const people = Array.from({ length: 40 }, () => peopleWithDuplicates()).flatMap((copy, n) =>
      copy.map((person) => ({ ...person, id: `${person.id}-${n}`, familyName: `${person.familyName}${n}` })),
    );
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    await resolveOnThread(people);
    clearInterval(timer);
    const elapsed = performance.now() - started;
    // A blocked event loop would fire the timer once, after the resolution.
    expect(ticks).toBeGreaterThan(Math.min(10, elapsed / 20));
  });

  it('fails with the thread’s error when the resolution throws', async () => {
    await expect(resolveOnThread(null as never)).rejects.toThrow(TypeError);
  });
});
