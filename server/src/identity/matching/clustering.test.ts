import { describe, expect, it } from 'vitest';
import { clusterLinks, pairCode } from './clustering.js';

const options = { maxClusterSize: 10, vetoBelow: -6 };

describe('clustering', () => {
  it('joins linked pairs transitively', () => {
    const clusters = clusterLinks(
      5,
      [
        { left: 0, right: 1, weight: 20 },
        { left: 1, right: 2, weight: 15 },
      ],
      new Map(),
      options,
    );
    expect(clusters.map((cluster) => [...cluster].sort())).toEqual([[0, 1, 2]]);
  });

  it('refuses to chain in a record judged clearly different from a member', () => {
    const weights = new Map([[pairCode(0, 2, 3), -20]]);
    const clusters = clusterLinks(
      3,
      [
        { left: 0, right: 1, weight: 20 },
        { left: 1, right: 2, weight: 10 },
      ],
      weights,
      options,
    );
    expect(clusters).toEqual([[0, 1]]);
  });

  it('caps the size of a cluster', () => {
    const links = Array.from({ length: 5 }, (_, index) => ({ left: index, right: index + 1, weight: 10 }));
    const clusters = clusterLinks(6, links, new Map(), { ...options, maxClusterSize: 3 });
    expect(Math.max(...clusters.map((cluster) => cluster.length))).toBe(3);
  });
});
