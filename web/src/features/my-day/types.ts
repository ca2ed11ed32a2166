import type { Task } from '../tasks/types';

export interface UpcomingDate {
  contactId: string;
  contactName: string;
  kind: string;
  label: string | null;
  date: string;
  nextOccurrence: string;
  daysAway: number;
}

export interface MyDay {
  overdue: Task[];
  today: Task[];
  upcoming: Task[];
  dates: UpcomingDate[];
  /** My unread notifications. */
  notifications: number;
}
