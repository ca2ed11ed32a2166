/**
 * An important date as people read it. A date whose year is not known (a vCard's `--04-12`) is
 * stored in the year 1604, as Apple Contacts stores one: shown without the year.
 */
import { formatDay } from '../../lib/format';
import type { ImportantDateKind } from './types';

export const IMPORTANT_DATE_LABELS: Record<ImportantDateKind, string> = {
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  renewal: 'Renewal',
  custom: 'Other',
};

export const UNKNOWN_YEAR = '1604';

const monthAndDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export function formatImportantDate(isoDate: string): string {
  if (!isoDate.startsWith(`${UNKNOWN_YEAR}-`)) return formatDay(isoDate);
  const [, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!m || !d) return isoDate;
  return monthAndDay.format(new Date(Number(UNKNOWN_YEAR), m - 1, d));
}
