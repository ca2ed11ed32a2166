import { describe, expect, it } from 'vitest';
import { invalid } from './errors.js';

describe('a validation error raised by a use case', () => {
  it('says in its detail which field is wrong and why, and how many more are', () => {
    expect(invalid([{ field: 'dueAt', reason: 'must be after startAt' }]).message).toBe('dueAt must be after startAt');
    const several = invalid([
      { field: 'name', reason: 'must not be blank' },
      { field: 'emails.1.address', reason: 'is already on this contact' },
      { field: 'tags.0', reason: 'must be at most 50 characters' },
    ]);
    expect(several.message).toBe('name must not be blank (and 2 more)');
    expect(several.fields).toHaveLength(3);
  });

  it('keeps a detail given in words', () => {
    expect(invalid([{ field: 'mapping.0', reason: 'is mapped twice' }], 'The column mapping is not valid').message).toBe(
      'The column mapping is not valid',
    );
  });
});
