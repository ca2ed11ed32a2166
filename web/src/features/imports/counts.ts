/** Counts in words that agree with them: "1 row", "2 rows", "1,250 contacts". */
import { formatNumber } from '../../lib/format';

/** What one of each file format holds, singular and plural. */
export const FILE_UNITS = {
  csv: ['row', 'rows'],
  vcard: ['card', 'cards'],
  json: ['contact', 'contacts'],
} as const;

/** What each format's columns are, singular and plural. */
export const COLUMN_UNITS = {
  csv: ['column', 'columns'],
  vcard: ['property', 'properties'],
  json: ['field', 'fields'],
} as const;

/** The unit alone, in the form a count of `count` takes ("of 1 row", "of 3 rows"). */
export function unitFor(count: number, [one, many]: readonly [string, string]): string {
  return count === 1 ? one : many;
}

/** A count and its unit: `countOf(1, ['row', 'rows'])` is "1 row". */
export function countOf(count: number, unit: readonly [string, string]): string {
  return `${formatNumber(count)} ${unitFor(count, unit)}`;
}
