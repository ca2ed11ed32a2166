import { describe, expect, it } from 'vitest';
import { fieldChoices } from './field-options';

describe('field choices', () => {
  it('offers the options, and a held value whose option was removed, marked', () => {
    expect(fieldChoices(['Free', 'Pro'], 'Gold')).toEqual([
      { value: 'Free', label: 'Free' },
      { value: 'Pro', label: 'Pro' },
      { value: 'Gold', label: 'Gold (no longer an option)' },
    ]);
    expect(fieldChoices(['en', 'de'], ['fr', 'en']).map((c) => c.label)).toEqual(['en', 'de', 'fr (no longer an option)']);
  });

  it('offers only the options when the record holds nothing removed', () => {
    expect(fieldChoices(['Free', 'Pro'], 'Pro')).toEqual([
      { value: 'Free', label: 'Free' },
      { value: 'Pro', label: 'Pro' },
    ]);
    expect(fieldChoices(['Free'], undefined)).toEqual([{ value: 'Free', label: 'Free' }]);
    expect(fieldChoices(['Free'], null)).toEqual([{ value: 'Free', label: 'Free' }]);
  });
});
