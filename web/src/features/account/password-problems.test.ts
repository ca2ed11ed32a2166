import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-problems';

describe('password change checks', () => {
  it('accepts a long enough new password, repeated, different from the current one', () => {
    expect(passwordProblems({ currentPassword: 'old-secret-1', newPassword: 'new-secret-12', repeated: 'new-secret-12' })).toEqual({});
  });

  it('names each field that is wrong', () => {
    expect(passwordProblems({ currentPassword: '', newPassword: 'short', repeated: 'shorter' })).toEqual({
      currentPassword: 'Enter your current password',
      newPassword: 'Use at least 10 characters',
      repeated: 'The two new passwords differ',
    });
    expect(passwordProblems({ currentPassword: 'same-secret-1', newPassword: 'same-secret-1', repeated: 'same-secret-1' })).toEqual({
      newPassword: 'Choose a password other than your current one',
    });
  });
});
