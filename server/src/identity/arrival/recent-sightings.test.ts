/** The set of recently seen keys that decides which candidates the arrival cache keeps. */
import { describe, expect, it } from 'vitest';
import { RecentSightings } from './recent-sightings.js';

describe('recent sightings', () => {
  it('answers seen from the second sighting of a key on', () => {
    const sightings = new RecentSightings(1_000, 1 << 14);
    expect(sightings.seenBefore('contact-a')).toBe(false);
    expect(sightings.seenBefore('contact-b')).toBe(false);
    expect(sightings.seenBefore('contact-a')).toBe(true);
    expect(sightings.seenBefore('contact-a')).toBe(true);
  });

  it('forgets every key after as many sightings as its capacity', () => {
    const sightings = new RecentSightings(100, 1 << 14);
    sightings.seenBefore('early');
    for (let index = 0; index < 99; index++) sightings.seenBefore(`other-${index}`);
    // The hundred-and-first sighting clears the set first.
    expect(sightings.seenBefore('early')).toBe(false);
    expect(sightings.seenBefore('early')).toBe(true);
  });

  it('mistakes few keys never seen for seen ones at its capacity', () => {
    const sightings = new RecentSightings(20_000, 1 << 18);
    for (let index = 0; index < 19_000; index++) sightings.seenBefore(`seen-${index}`);
    let mistaken = 0;
    for (let index = 0; index < 1_000; index++)
      if (sightings.seenBefore(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`)) mistaken++;
    // 19,000 keys over 262,144 bits set about 7 % of them: about 70 of 1,000 are mistaken, none would mean no set.
    expect(mistaken).toBeLessThan(120);
    expect(mistaken).toBeGreaterThan(20);
  });

  it('refuses a bit count that is not a power of two', () => {
    expect(() => new RecentSightings(10, 1000)).toThrow(RangeError);
  });
});
