/**
 * How common each value of a frequency-adjusted field is among the known people, so that an exact
 * agreement on a rare value ("zyborski") weighs more than on a common one ("smith"). The adjustment
 * replaces the average chance that two different people share a value, Σp², by the chance p(v) for
 * this value, and is bounded so one field can never decide a pair alone.
 */
import { COMPARISONS } from './comparisons.js';
import type { NormalisedPerson } from './person.js';

/** Bounds of the adjustment in bits: a common value can lose much, a rare one gains little. */
const MOST_PENALTY = -8;
const MOST_BONUS = 2;

interface FieldCounts {
  value: (person: NormalisedPerson) => string | null;
  counts: Map<string, number>;
  total: number;
  sumOfSquares: number;
}

export class TermFrequencies {
  /** By COMPARISONS index, undefined for fields without frequencies: an array, as it is read for every pair. */
  private readonly byField: (FieldCounts | undefined)[] = COMPARISONS.map((comparison) =>
    comparison.frequencyValue ? { value: comparison.frequencyValue, counts: new Map(), total: 0, sumOfSquares: 0 } : undefined,
  );

  add(person: NormalisedPerson): void {
    for (const field of this.byField) {
      if (field === undefined) continue;
      const value = field.value(person);
      if (value === null) continue;
      const count = field.counts.get(value) ?? 0;
      field.counts.set(value, count + 1);
      field.total++;
      field.sumOfSquares += 2 * count + 1;
    }
  }

  /** Bits to add to the weight of an exact agreement on `value` in field `index` (0 for other fields). */
  adjustment(index: number, value: string | null): number {
    const field = this.byField[index];
    if (!field || value === null || field.total < 2) return 0;
    const count = Math.max(1, field.counts.get(value) ?? 0);
    const bits = Math.log2(field.sumOfSquares / (count * field.total));
    return Math.min(MOST_BONUS, Math.max(MOST_PENALTY, bits));
  }
}
