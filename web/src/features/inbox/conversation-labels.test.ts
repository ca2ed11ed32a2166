import { describe, expect, it } from 'vitest';
import { labelsToAdd, sameLabel } from './conversation-labels';

describe('conversation labels', () => {
  it('are one label whatever their case or surrounding spaces', () => {
    expect(sameLabel('Billing', ' billing ')).toBe(true);
    expect(sameLabel('Billing', 'Billings')).toBe(false);
  });

  it('suggest only the labels a conversation does not have in any case', () => {
    expect(labelsToAdd(['Billing', 'Urgent', 'vip'], ['billing', 'VIP'])).toEqual(['Urgent']);
  });
});
