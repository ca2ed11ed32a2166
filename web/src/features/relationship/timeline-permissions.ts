/**
 * Which timeline entries a member may change or delete, as the API allows: tasks and logged calls,
 * meetings and e-mails by anyone who may write; notes, a person's own words, by their author or an
 * admin; messages, mentions and changes by nobody. The server enforces the same.
 */
import type { TimelineItem } from './types';

export interface TimelineMember {
  canWrite: boolean;
  isAdmin: boolean;
  userId: string;
}

const CHANGEABLE = new Set<TimelineItem['kind']>(['note', 'call', 'meeting', 'email', 'task']);

export function canChangeEntry(item: Pick<TimelineItem, 'kind' | 'authorId'>, member: TimelineMember): boolean {
  if (!member.canWrite || !CHANGEABLE.has(item.kind)) return false;
  if (item.kind === 'note') return member.isAdmin || (item.authorId !== null && item.authorId === member.userId);
  return true;
}
