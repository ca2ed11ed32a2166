import { describe, expect, it } from 'vitest';
import { influenceScore, type InfluenceInput, type SeenPosts } from './influence.js';

const typical: InfluenceInput = {
  followers: 12_400,
  following: 800,
  postsCount: 3_000,
  accountAgeDays: 1_500,
  seen: { posts: 40, interactions: 1_000, repliedTo: 12, shared: 8 },
};

function part(input: InfluenceInput, name: string) {
  return influenceScore(input).parts.find((p) => p.name === name)!;
}

describe('influenceScore', () => {
  it('is an integer from 0 to 100 equal to the sum of its parts, each within its maximum', () => {
    for (const input of [
      {},
      typical,
      { followers: 1e12, postsCount: 1e9, accountAgeDays: 1, seen: { posts: 1e6, interactions: 1e15, repliedTo: 1e6, shared: 1e6 } },
    ]) {
      const { score, parts } = influenceScore(input);
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      expect(parts.reduce((sum, p) => sum + p.points, 0)).toBe(score);
      expect(parts.reduce((sum, p) => sum + p.max, 0)).toBe(100);
      for (const p of parts) expect(p.points).toBeLessThanOrEqual(p.max);
    }
  });

  it('gives nothing to an unknown author and reaches 100 for a huge, engaged, echoed one', () => {
    expect(influenceScore({}).score).toBe(0);
    const star = {
      followers: 20_000_000,
      postsCount: 5_000,
      accountAgeDays: 1_000,
      seen: { posts: 50, interactions: 50 * 2_000, repliedTo: 50, shared: 50 },
    };
    expect(influenceScore(star).score).toBe(100);
  });

  it('never decreases when a count grows', () => {
    const grow: ((value: number) => InfluenceInput)[] = [
      (value) => ({ ...typical, followers: value }),
      ...(['interactions', 'repliedTo', 'shared'] as const).map((key) => (value: number) => ({
        ...typical,
        seen: { ...typical.seen!, [key]: value },
      })),
    ];
    for (const input of grow) {
      let previous = -1;
      for (const value of [0, 1, 10, 100, 1_000, 10_000, 100_000, 1e6, 1e7]) {
        const { score } = influenceScore(input(value));
        expect(score).toBeGreaterThanOrEqual(previous);
        previous = score;
      }
    }
  });

  it('reads engagement per post seen, not per post on the profile: one post’s likes are not spread over a lifetime of posts', () => {
    // 12 likes, shares and replies on the one post heard of an author with 4,000 posts on their profile.
    const onePost = { postsCount: 4_000, seen: { posts: 1, interactions: 12, repliedTo: 1, shared: 1 } };
    const engagement = part(onePost, 'engagement');
    expect(engagement.points).toBeGreaterThan(0);
    expect(engagement.explanation).toBe(`12 likes, shares and replies per post over 1 mention → ${engagement.points} of 25 points`);
    // The same mean over more posts is the same engagement.
    expect(part({ ...onePost, seen: { posts: 10, interactions: 120, repliedTo: 0, shared: 0 } }, 'engagement').points).toBe(
      engagement.points,
    );
    // A mean below one reads as what it is, not as none.
    const quiet = part({ seen: { posts: 5, interactions: 2, repliedTo: 0, shared: 0 } }, 'engagement');
    expect(quiet.explanation).toBe(`0.4 likes, shares and replies per post over 5 mentions → ${quiet.points} of 25 points`);
    expect(part({ postsCount: 4_000 }, 'engagement').explanation).toBe(
      'no mention with its likes, shares and replies counted yet → 0 of 25 points',
    );
  });

  it('discounts the followers of a follow-back farm', () => {
    const genuine = part({ followers: 50_000, following: 500 }, 'reach').points;
    const farm = part({ followers: 50_000, following: 90_000 }, 'reach');
    expect(farm.points).toBeLessThan(genuine);
    expect(farm.explanation).toContain('discounted');
  });

  it('explains each part in plain language with its figures', () => {
    const [reach, engagement, activity, echo] = influenceScore(typical).parts;
    expect(reach?.explanation).toBe(`12,400 followers → ${reach?.points} of 40 points`);
    expect(engagement?.explanation).toMatch(/^25 likes, shares and replies per post over 40 mentions → \d+ of 25 points$/);
    expect(activity?.explanation).toMatch(/^14 posts a week → \d+ of 15 points$/);
    expect(echo?.explanation).toMatch(/^others replied to 12 and shared 8 of 40 mentions → \d+ of 20 points$/);
  });

  it('reads negative, fractional and non-finite counts as nothing, and caps echoes at the mentions', () => {
    const odd: SeenPosts = { posts: Number.NaN, interactions: Number.POSITIVE_INFINITY, repliedTo: -1, shared: 3 };
    expect(influenceScore({ followers: -5, postsCount: Number.POSITIVE_INFINITY, seen: odd }).score).toBe(0);
    expect(part({ seen: { posts: 10, interactions: 0, repliedTo: 1_000, shared: 1_000 } }, 'echo').points).toBe(20);
  });
});
