import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { waitingInvitations } from './waiting-invitations';

const invitation = { id: 'b1c2', workspace: { id: 'w1', name: 'Acme support' }, role: 'agent', createdAt: '2026-12-07T10:00:00Z' };

describe('the invitations a refused sign-in offers', () => {
  it('lists those of an account that belongs to no workspace', () => {
    const refused = new ApiError(403, 'no_workspace', 'This account belongs to no workspace', [], null, {
      invitations: [invitation, { id: 3 }],
    });
    expect(waitingInvitations(refused)).toEqual([invitation]);
  });

  it('offers nothing for any other refusal, or none waiting', () => {
    expect(
      waitingInvitations(new ApiError(401, 'invalid_credentials', 'Wrong e-mail or password', [], null, { invitations: [invitation] })),
    ).toEqual([]);
    expect(waitingInvitations(new ApiError(403, 'no_workspace', 'This account belongs to no workspace'))).toEqual([]);
    expect(waitingInvitations(new Error('offline'))).toEqual([]);
  });
});
