import { describe, expect, it } from 'vitest';
import { detectSpike, median } from './spike.js';

describe('spike detection', () => {
  it('fires on a count far above a steady history and says why', () => {
    const verdict = detectSpike({ observed: 40, history: [10, 12, 9, 11, 10, 13, 8], sensitivity: 3, minMentions: 5 });
    expect(verdict.fired).toBe(true);
    expect(verdict.expected).toBe(10);
    expect(verdict.reason).toMatch(/40 mentions against 10 expected/);
  });

  it('does not fire within the usual range, nor below the minimum, nor without history', () => {
    expect(detectSpike({ observed: 14, history: [10, 12, 9, 11, 10, 13, 8], sensitivity: 3, minMentions: 5 }).fired).toBe(false);
    expect(detectSpike({ observed: 4, history: [0, 0, 0, 0], sensitivity: 3, minMentions: 5 }).fired).toBe(false);
    expect(detectSpike({ observed: 1, history: [0, 0, 0, 0], sensitivity: 3, minMentions: 5 }).reason).toBe(
      '1 mention, below the minimum of 5',
    );
    const young = detectSpike({ observed: 100, history: [1, 1], sensitivity: 3, minMentions: 5 });
    expect(young.fired).toBe(false);
    expect(young.reason).toMatch(/not enough history/);
  });

  it('is robust to an earlier spike in the baseline', () => {
    // A mean and standard deviation would be dragged up by the 200 and miss the new spike.
    const verdict = detectSpike({ observed: 60, history: [10, 11, 9, 200, 10, 12, 10], sensitivity: 3, minMentions: 5 });
    expect(verdict.fired).toBe(true);
    expect(verdict.expected).toBe(10);
  });

  it('floors the spread by count noise, so a flat small history does not fire on a blip', () => {
    expect(detectSpike({ observed: 6, history: [2, 2, 2, 2, 2], sensitivity: 3, minMentions: 5 }).fired).toBe(false);
    expect(detectSpike({ observed: 12, history: [2, 2, 2, 2, 2], sensitivity: 3, minMentions: 5 }).fired).toBe(true);
  });

  it('takes medians of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});
