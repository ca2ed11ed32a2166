/** Where a notification about a record leads. */
export function subjectLink(subjectType: string | null, subjectId: string | null): string | null {
  if (!subjectId) return null;
  if (subjectType === 'contact') return `/contacts/${subjectId}`;
  if (subjectType === 'company') return `/companies/${subjectId}`;
  if (subjectType === 'task') return '/my-day';
  return null;
}
