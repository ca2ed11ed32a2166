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
  counts: Map<string, number>;
  total: number;
  sumOfSquares: number;
}

export class TermFrequencies {
  private readonly byField = new Map<number, FieldCounts>();

  constructor() {
    COMPARISONS.forEach((comparison, index) => {
      if (comparison.frequencyValue) this.byField.set(index, { counts: new Map(), total: 0, sumOfSquares: 0 });
    });
  }

  add(person: NormalisedPerson): void {
    for (const [index, field] of this.byField) {
      const value = COMPARISONS[index]!.frequencyValue!(person);
      if (value === null) continue;
      const count = field.counts.get(value) ?? 0;
      field.counts.set(value, count + 1);
      field.total++;
      field.sumOfSquares += 2 * count + 1;
    }
  }

  /** Bits to add to the weight of an exact agreement on `value` in field `index` (0 for other fields). */
  adjustment(index: number, value: string | null): number {
    const field = this.byField.get(index);
    if (!field || value === null || field.total < 2) return 0;
    const count = Math.max(1, field.counts.get(value) ?? 0);
    const bits = Math.log2(field.sumOfSquares / (count * field.total));
    return Math.min(MOST_BONUS, Math.max(MOST_PENALTY, bits));
  }
}
