import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { labelsFailure, labelsToAdd, sameLabel } from './conversation-labels';

describe('conversation labels', () => {
  it('are one label whatever their case or surrounding spaces', () => {
    expect(sameLabel('Billing', ' billing ')).toBe(true);
    expect(sameLabel('Billing', 'Billings')).toBe(false);
  });

  it('suggest only the labels a conversation does not have in any case', () => {
    expect(labelsToAdd(['Billing', 'Urgent', 'vip'], ['billing', 'VIP'])).toEqual(['Urgent']);
  });

  it('name a refused label by its text, not by its place in the list', () => {
    const long = 'x'.repeat(51);
    const refusal = new ApiError(400, 'validation_failed', 'labels.1 must be at most 50 characters', [
      { field: 'labels.1', reason: 'must be at most 50 characters' },
    ]);
    expect(labelsFailure(refusal, ['billing', long])).toBe(`The label “${long}” must be at most 50 characters`);
    const tooMany = new ApiError(400, 'validation_failed', 'labels must have at most 50 items', [
      { field: 'labels', reason: 'must have at most 50 items' },
    ]);
    expect(labelsFailure(tooMany, ['billing'])).toBe('Labels must have at most 50 items');
  });
});
