import { describe, expect, it } from 'vitest';
import type { CustomField } from '../custom-fields/types';
import { notRestoredLabels } from './not-restored';

const plan: CustomField = {
  id: 'f',
  entity: 'contact',
  key: 'plan',
  label: 'Plan',
  type: 'select',
  options: ['free', 'pro'],
  required: false,
  position: 0,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('the fields an unmerge kept as they are', () => {
  it('are named as the contact form names them: custom fields by their label, the others in words', () => {
    expect(notRestoredLabels(['custom.plan', 'title', 'lifecycleStage', 'socialHandles'], [plan])).toEqual([
      'Plan',
      'Job title',
      'Lifecycle stage',
      'Social profiles',
    ]);
  });

  it('name a custom field deleted since by its key, without the path around it', () => {
    expect(notRestoredLabels(['custom.membership_no'], [plan])).toEqual(['membership_no']);
  });
});
