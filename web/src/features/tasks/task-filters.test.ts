import { describe, expect, it } from 'vitest';
import { hasTaskFilters, taskListParams } from './task-filters';

describe('task list filters', () => {
  it('ask for open tasks of anyone by due date when none is set', () => {
    expect(taskListParams({}, 'Europe/Berlin')).toEqual({
      assigneeId: undefined,
      status: 'open',
      due: undefined,
      tz: undefined,
      sort: 'dueAt',
    });
    expect(hasTaskFilters({})).toBe(false);
    expect(hasTaskFilters({ status: 'open' })).toBe(false);
  });

  it('pass the assignee as the API names it, and the time zone whose days a due window means', () => {
    expect(taskListParams({ assignee: 'unassigned', status: 'done', due: 'today' }, 'Europe/Berlin')).toEqual({
      assigneeId: 'unassigned',
      status: 'done',
      due: 'today',
      tz: 'Europe/Berlin',
      sort: 'dueAt',
    });
    expect(hasTaskFilters({ assignee: 'me' })).toBe(true);
    expect(hasTaskFilters({ status: 'all' })).toBe(true);
  });
});
