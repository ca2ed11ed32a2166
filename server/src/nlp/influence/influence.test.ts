import { describe, expect, it } from 'vitest';
import { influenceScore, type InfluenceInput } from './influence.js';

const typical: InfluenceInput = {
  followers: 12_400,
  following: 800,
  postsCount: 3_000,
  likes: 60_000,
  shares: 9_000,
  replies: 6_000,
  messages: 40,
  repliedToByOthers: 12,
  sharedByOthers: 8,
  accountAgeDays: 1_500,
};

function partPoints(input: InfluenceInput, name: string): number {
  return influenceScore(input).parts.find((part) => part.name === name)?.points ?? -1;
}

describe('influenceScore', () => {
  it('is an integer from 0 to 100 equal to the sum of its parts, each within its maximum', () => {
    for (const input of [
      {},
      typical,
      { followers: 1e12, postsCount: 1e9, likes: 1e15, messages: 1e6, repliedToByOthers: 1e6, sharedByOthers: 1e6, accountAgeDays: 1 },
    ]) {
      const { score, parts } = influenceScore(input);
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      expect(parts.reduce((sum, part) => sum + part.points, 0)).toBe(score);
      expect(parts.reduce((sum, part) => sum + part.max, 0)).toBe(100);
      for (const part of parts) expect(part.points).toBeLessThanOrEqual(part.max);
    }
  });

  it('gives nothing to an unknown author and reaches 100 for a huge, engaged, echoed one', () => {
    expect(influenceScore({}).score).toBe(0);
    const star = {
      followers: 20_000_000,
      postsCount: 5_000,
      likes: 9e6,
      accountAgeDays: 1_000,
      messages: 50,
      repliedToByOthers: 50,
      sharedByOthers: 50,
    };
    expect(influenceScore(star).score).toBe(100);
  });

  it('never decreases when a count grows', () => {
    const counts: (keyof InfluenceInput)[] = ['followers', 'likes', 'shares', 'replies', 'repliedToByOthers', 'sharedByOthers'];
    for (const key of counts) {
      let previous = -1;
      for (const value of [0, 1, 10, 100, 1_000, 10_000, 100_000, 1e6, 1e7]) {
        const { score } = influenceScore({ ...typical, [key]: value });
        expect(score).toBeGreaterThanOrEqual(previous);
        previous = score;
      }
    }
  });

  it('discounts the followers of a follow-back farm', () => {
    const genuine = partPoints({ followers: 50_000, following: 500 }, 'reach');
    const farm = partPoints({ followers: 50_000, following: 90_000 }, 'reach');
    expect(farm).toBeLessThan(genuine);
    expect(influenceScore({ followers: 50_000, following: 90_000 }).parts[0]?.explanation).toContain('discounted');
  });

  it('explains each part in plain language with its figures', () => {
    const [reach, engagement, activity, echo] = influenceScore(typical).parts;
    expect(reach?.explanation).toBe(`12,400 followers → ${reach?.points} of 40 points`);
    expect(engagement?.explanation).toMatch(/^25 likes, shares and replies per post → \d+ of 25 points$/);
    expect(activity?.explanation).toMatch(/^14 posts a week → \d+ of 15 points$/);
    expect(echo?.explanation).toMatch(/^others replied to 12 and shared 8 of 40 messages → \d+ of 20 points$/);
  });

  it('reads negative, fractional and non-finite counts as nothing, and caps echoes at the messages seen', () => {
    expect(influenceScore({ followers: -5, likes: Number.NaN, postsCount: Number.POSITIVE_INFINITY }).score).toBe(0);
    const overCounted = partPoints({ messages: 10, repliedToByOthers: 1_000, sharedByOthers: 1_000 }, 'echo');
    expect(overCounted).toBe(20);
  });
});
