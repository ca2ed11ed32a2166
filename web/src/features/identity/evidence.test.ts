import { describe, expect, it } from 'vitest';
import {
  describeLink,
  evidenceFieldLabel,
  evidenceLegend,
  evidenceLevelLabel,
  formatProbability,
  formatWeight,
  sortEvidence,
  weightTone,
} from './evidence';

describe('match evidence', () => {
  it('names engine fields in words and leaves unknown ones as they are', () => {
    expect(evidenceFieldLabel('given')).toBe('First name');
    expect(evidenceFieldLabel('emailName')).toBe('E-mail vs name');
    expect(evidenceLevelLabel('given', 'exact')).toBe('same name');
    expect(evidenceLevelLabel('given', 'close spelling')).toBe('close spelling');
    expect(evidenceLevelLabel('email', 'exact')).toBe('exact');
    expect(evidenceFieldLabel('shoeSize')).toBe('shoeSize');
  });

  it('signs weights and tells for from against', () => {
    expect(formatWeight(3.24)).toBe('+3.2');
    expect(formatWeight(-1.46)).toBe('−1.5');
    expect(formatWeight(0.01)).toBe('0');
    expect([weightTone(2), weightTone(-2), weightTone(0)]).toEqual(['for', 'against', 'neutral']);
  });

  it('never rounds a near-certainty to 100% or a long shot to 0%', () => {
    expect(formatProbability(0.99999)).toBe('99.9%');
    expect(formatProbability(0.5)).toBe('50.0%');
    expect(formatProbability(0.00001)).toBe('0.1%');
    expect(formatProbability(1)).toBe('100%');
  });

  it('explains the weights in words, with the starting point they are added to and their total', () => {
    const evidence = [
      { field: 'email', level: 'same address', weight: 8.2 },
      { field: 'phone', level: 'different', weight: -1.5 },
    ];
    const legend = evidenceLegend(evidence, -2);
    expect(legend).toMatch(/^Positive weights are evidence that the two are the same person, negative ones against; /);
    expect(legend).toContain('a starting point of −8.7, for a total of −2.0.');
    // Three weights of 1.04 show as 1.0 each: the start is 2.1, so that what is shown adds up to 5.1.
    const shown = [1.04, 1.04, 1.04].map((weight) => ({ field: 'email', level: 'same address', weight }));
    expect(evidenceLegend(shown, 5.12)).toContain('a starting point of +2.1, for a total of +5.1.');
  });

  it('puts the strongest evidence first, whichever way it points', () => {
    const sorted = sortEvidence([
      { field: 'given', level: 'exact', weight: 2 },
      { field: 'phone', level: 'different', weight: -5 },
      { field: 'email', level: 'same address', weight: 9 },
    ]);
    expect(sorted.map((e) => e.field)).toEqual(['email', 'phone', 'given']);
  });

  it('says how an identity was linked', () => {
    expect(describeLink({ method: 'rule', rule: 'email', probability: null })).toBe('Rule: same e-mail address');
    expect(describeLink({ method: 'score', rule: null, probability: 0.997 })).toBe('Match score 99.7%');
    expect(describeLink({ method: 'manual', rule: null, probability: null })).toBe('Linked by hand');
  });
});
