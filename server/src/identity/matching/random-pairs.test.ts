import { describe, expect, it } from 'vitest';
import { COMPARISONS } from './comparisons.js';
import { normalisePerson } from './normalise-person.js';
import { estimateU } from './random-pairs.js';

const region = COMPARISONS.findIndex((comparison) => comparison.field === 'region');
const birthDate = COMPARISONS.findIndex((comparison) => comparison.field === 'birthDate');

describe('u from random pairs', () => {
  it('measures how often different people agree by chance', () => {
    const people = Array.from({ length: 400 }, (_, index) =>
      normalisePerson({
        id: String(index),
        birthDate: `19${String(10 + (index % 80)).padStart(2, '0')}0${1 + (index % 9)}1${index % 10}`,
        address: { region: index % 2 === 0 ? 'nsw' : 'vic' },
      }),
    );
    const u = estimateU(people, 20_000);
    expect(u[region]![0]).toBeGreaterThan(0.45);
    expect(u[region]![0]).toBeLessThan(0.55);
    expect(u[birthDate]![0]).toBeLessThan(0.02);
    expect(estimateU(people, 20_000)).toEqual(u);
  });
});
