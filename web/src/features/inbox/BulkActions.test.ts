import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { BulkActions } from './BulkActions';
import { assigneeChoices, PRIORITY_CHOICES, STATUS_CHOICES, teamChoices } from './bulk-choices';

describe('the bulk actions', () => {
  it('offer what the bulk API takes: assignee, team, status, priority, labels and spam', () => {
    const markup = renderMarkup(createElement(BulkActions, { ids: ['c1', 'c2'], onDone: () => undefined }));
    const buttons = [...markup.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(buttons).toEqual(['Assign', 'Team', 'Status', 'Priority', 'Label', 'Spam', 'Clear selection']);
  });

  it('set every priority, and say which once done', () => {
    expect(PRIORITY_CHOICES.flat().map(({ label, action, done }) => ({ label, action, done }))).toEqual([
      { label: 'Low', action: { priority: 'low' }, done: 'Low priority' },
      { label: 'Normal', action: { priority: 'normal' }, done: 'Normal priority' },
      { label: 'High', action: { priority: 'high' }, done: 'High priority' },
      { label: 'Urgent', action: { priority: 'urgent' }, done: 'Urgent priority' },
    ]);
  });

  it('assign to oneself, nobody or a member, and move to no team or a team, the fixed choices set apart', () => {
    const ada = { id: 'u-ada', name: 'Ada' };
    expect(assigneeChoices('u-me', [ada]).map((group) => group.map((c) => [c.label, c.action]))).toEqual([
      [
        ['Me', { assigneeId: 'u-me' }],
        ['Nobody', { assigneeId: null }],
      ],
      [['Ada', { assigneeId: 'u-ada' }]],
    ]);
    const support = { id: 't-support', name: 'Support' };
    expect(teamChoices([support]).map((group) => group.map((c) => [c.label, c.action, c.done]))).toEqual([
      [['No team', { teamId: null }, 'Team removed']],
      [['Support', { teamId: 't-support' }, 'Moved to Support']],
    ]);
    expect(STATUS_CHOICES.flat().map((c) => c.action)).toEqual([{ status: 'open' }, { status: 'pending' }, { status: 'resolved' }]);
  });
});
