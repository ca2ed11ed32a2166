import { describe, expect, it } from 'vitest';
import { hasTaskFilters, sortChange, statusChange, taskListParams, taskSort, taskSorts } from './task-filters';

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
      sort: '-doneAt',
    });
    expect(hasTaskFilters({ assignee: 'me' })).toBe(true);
    expect(hasTaskFilters({ status: 'all' })).toBe(true);
  });

  it('list done tasks most recently completed first, and offer each status the orders that mean something for it', () => {
    expect(taskSort({ status: 'done' })).toBe('-doneAt');
    expect(taskSort({})).toBe('dueAt');
    expect(taskSorts('open').map((s) => s.value)).toEqual(['dueAt', '-dueAt', '-createdAt']);
    expect(taskSorts('done').map((s) => s.value)).toEqual(['-doneAt', 'dueAt', '-dueAt', '-createdAt']);
    expect(taskSorts('all').map((s) => s.value)).toContain('-doneAt');
    // A sort the status does not offer (kept in an old link) falls back to the status's default.
    expect(taskListParams({ status: 'open', sort: '-doneAt' }, 'UTC').sort).toBe('dueAt');
    expect(taskListParams({ status: 'done', sort: '-createdAt' }, 'UTC').sort).toBe('-createdAt');
  });

  it('keep the URL short: a status’s default order is left out, and one the next status lacks is dropped', () => {
    expect(sortChange({ status: 'done' }, '-doneAt')).toEqual({ sort: undefined });
    expect(sortChange({ status: 'done' }, 'dueAt')).toEqual({ sort: 'dueAt' });
    expect(sortChange({}, 'dueAt')).toEqual({ sort: undefined });
    expect(statusChange({ status: 'done', sort: '-createdAt' }, 'open')).toEqual({ status: 'open', sort: '-createdAt' });
    expect(statusChange({ status: 'all', sort: '-doneAt' }, 'open')).toEqual({ status: 'open', sort: undefined });
    // Due soonest is a choice among done tasks but the default of open ones.
    expect(statusChange({ status: 'done', sort: 'dueAt' }, 'open')).toEqual({ status: 'open', sort: undefined });
    expect(statusChange({ sort: 'dueAt' }, 'done')).toEqual({ status: 'done', sort: 'dueAt' });
  });
});
