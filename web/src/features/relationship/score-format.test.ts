import { describe, expect, it } from 'vitest';
import { formatEffect, formatShare, healthBand, monthLabel, sentimentWord, sortReasons, tierColor, tierLabel } from './score-format';

describe('score formatting', () => {
  it('colours the usual tiers and any other name', () => {
    expect(tierColor('gold')).toBe('yellow');
    expect(tierColor('Platinum')).toBe('grape');
    expect(tierColor('vip')).toBe('blue');
    expect(tierLabel('key_account')).toBe('Key account');
  });

  it('bands health around the neutral 50', () => {
    expect([healthBand(90), healthBand(65), healthBand(50), healthBand(40), healthBand(39), healthBand(0)]).toEqual([
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      'poor',
    ]);
  });

  it('signs effects and orders reasons by how much they moved health', () => {
    expect([formatEffect(10), formatEffect(-15), formatEffect(0)]).toEqual(['+10', '−15', '0']);
    const reasons = [
      { code: 'positive', text: 'Happy lately', effect: 5 },
      { code: 'quiet', text: 'No contact in 90 days', effect: -20 },
    ];
    expect(sortReasons(reasons).map((r) => r.code)).toEqual(['quiet', 'positive']);
  });

  it('reads months, sentiment averages and shares', () => {
    expect(monthLabel('2026-03')).toMatch(/2026/);
    expect(monthLabel('2026-12')).not.toMatch(/\b26\b/);
    expect(monthLabel('junk')).toBe('junk');
    expect([sentimentWord(0.5), sentimentWord(0), sentimentWord(-0.4)]).toEqual(['positive', 'neutral', 'negative']);
    expect(formatShare(0.625)).toBe('63%');
  });

  it('reads a sentiment average as the server labels a message of that score', () => {
    expect([sentimentWord(0.05), sentimentWord(0.1), sentimentWord(0.049)]).toEqual(['positive', 'positive', 'neutral']);
    expect([sentimentWord(-0.05), sentimentWord(-0.15), sentimentWord(-0.049)]).toEqual(['negative', 'negative', 'neutral']);
  });
});
