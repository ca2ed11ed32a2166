import { describe, expect, it } from 'vitest';
import { addedMessage, invitationText } from './invitation-text';
import type { Member } from './types';

const base: Omit<Member, 'name'> = {
  id: 'x',
  email: 'vera@a.local',
  role: 'viewer',
  recordScope: 'all',
  teamIds: [],
  createdAt: '2026-01-01T00:00:00Z',
};

describe('invitation texts', () => {
  it('says a new address was added, by the name given', () => {
    expect(addedMessage({ ...base, status: 'active', name: 'Vera Viewer', notice: null })).toBe('Vera Viewer was added as viewer');
  });

  it('says an existing account was only invited, and that the name and password given were not used', () => {
    const text = addedMessage({ ...base, role: 'agent', status: 'invited', name: null, notice: 'from the server' });
    expect(text).toMatch(/^vera@a\.local already has an account, so it was invited as agent/);
    expect(text).toMatch(/own name and password/);
  });

  it('tells the invited person which workspace invited them, and as what', () => {
    expect(invitationText({ id: 'i', workspace: { id: 'w', name: 'Workspace B' }, role: 'viewer', createdAt: base.createdAt })).toBe(
      'Workspace B invited you as viewer',
    );
  });
});
