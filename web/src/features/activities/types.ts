/** Activities: what happened with a contact or company, shown newest first on its timeline. */
export const ACTIVITY_TYPES = ['note', 'task', 'call', 'meeting', 'email', 'system'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type LoggableType = 'note' | 'call' | 'meeting' | 'email';
export type Direction = 'in' | 'out';

export interface Activity {
  id: string;
  type: ActivityType;
  contactId: string | null;
  companyId: string | null;
  subject: string;
  body: string;
  occurredAt: string;
  durationMinutes: number | null;
  direction: Direction | null;
  authorId: string | null;
  authorName: string | null;
  dueAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  doneAt: string | null;
  systemEvent: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityInput {
  type: LoggableType;
  contactId?: string;
  companyId?: string;
  subject?: string;
  body: string;
  occurredAt?: string;
  /** null takes away a duration noted before. */
  durationMinutes?: number | null;
  direction?: Direction | null;
}

export type ActivityPatch = Omit<ActivityInput, 'type' | 'contactId' | 'companyId'>;

/** The record a timeline belongs to. */
export type TimelineSubject = { contactId: string; companyId?: never } | { companyId: string; contactId?: never };
