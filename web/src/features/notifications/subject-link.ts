/** Where a notification about a record leads. */
export function subjectLink(subjectType: string | null, subjectId: string | null): string | null {
  if (!subjectId) return null;
  if (subjectType === 'contact') return `/contacts/${subjectId}`;
  if (subjectType === 'company') return `/companies/${subjectId}`;
  if (subjectType === 'task') return '/my-day';
  // Assigned, @mentioned, SLA missed, back from snooze: the conversation itself, in the inbox.
  if (subjectType === 'conversation') return `/inbox/${subjectId}`;
  // A spike or keyword alert fired: the alerts and their recent firings.
  if (subjectType === 'listening_alert') return '/listening/alerts';
  return null;
}
