/** How far a member's access reaches, to tell a change that gives them more from one that takes away. */
import { ROLE_RANK, type RecordScope, type Role } from '../context.js';

/** Records a scope shows: `own` ⊂ `team` (theirs and their teams') ⊂ `all`. */
const SCOPE_REACH: Record<RecordScope, number> = { own: 0, team: 1, all: 2 };

/** Whether the change gives the member a higher role or a record scope that shows more than they had. */
export function widensAccess(before: { role: Role; recordScope: RecordScope }, patch: { role?: Role; recordScope?: RecordScope }): boolean {
  const higherRole = patch.role !== undefined && ROLE_RANK[patch.role] > ROLE_RANK[before.role];
  const widerScope = patch.recordScope !== undefined && SCOPE_REACH[patch.recordScope] > SCOPE_REACH[before.recordScope];
  return higherRole || widerScope;
}
