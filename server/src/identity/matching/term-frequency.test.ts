import { describe, expect, it } from 'vitest';
import { COMPARISONS } from './comparisons.js';
import { normalisePerson } from './normalise-person.js';
import { TermFrequencies } from './term-frequency.js';

const family = COMPARISONS.findIndex((comparison) => comparison.field === 'family');
const birthDate = COMPARISONS.findIndex((comparison) => comparison.field === 'birthDate');

describe('term frequencies', () => {
  const frequencies = new TermFrequencies();
  const names = [...Array<string>(30).fill('smith'), 'zyborski', ...Array.from({ length: 69 }, (_, index) => `name${index}`)];
  names.forEach((familyName, index) => frequencies.add(normalisePerson({ id: String(index), familyName })));

  it('makes agreement on a common value worth less than on a rare one', () => {
    expect(frequencies.adjustment(family, 'smith')).toBeLessThan(0);
    expect(frequencies.adjustment(family, 'zyborski')).toBeGreaterThan(0);
  });

  it('bounds the adjustment and leaves other fields alone', () => {
    expect(frequencies.adjustment(family, 'zyborski')).toBeLessThanOrEqual(2);
    expect(frequencies.adjustment(birthDate, '19800101')).toBe(0);
  });
});
