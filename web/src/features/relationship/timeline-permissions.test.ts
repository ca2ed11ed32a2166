import { describe, expect, it } from 'vitest';
import { canChangeEntry, type TimelineMember } from './timeline-permissions';

const agent: TimelineMember = { canWrite: true, isAdmin: false, userId: 'sky' };

describe('who may change a timeline entry', () => {
  it('lets a member who writes change tasks and logged calls, meetings and e-mails', () => {
    for (const kind of ['task', 'call', 'meeting', 'email'] as const)
      expect(canChangeEntry({ kind, authorId: 'someone-else' }, agent)).toBe(true);
  });

  it('keeps a note to its author and admins', () => {
    expect(canChangeEntry({ kind: 'note', authorId: 'sky' }, agent)).toBe(true);
    expect(canChangeEntry({ kind: 'note', authorId: 'someone-else' }, agent)).toBe(false);
    expect(canChangeEntry({ kind: 'note', authorId: 'someone-else' }, { ...agent, isAdmin: true })).toBe(true);
  });

  it('lets nobody change messages, mentions and changes, and viewers nothing', () => {
    for (const kind of ['message', 'mention', 'system'] as const) {
      expect(canChangeEntry({ kind, authorId: 'sky' }, { ...agent, isAdmin: true })).toBe(false);
    }
    expect(canChangeEntry({ kind: 'task', authorId: 'sky' }, { ...agent, canWrite: false })).toBe(false);
  });
});
