/** Custom values as CSV cells for exports (csvCell in platform/text/csv.ts makes any cell safe to open). */
import { joinItems } from '../shared/list-items.js';

/** A custom value in one cell: a multi-select's options joined as tags are, so the import splits them back. */
export function customCell(value: unknown): unknown {
  return Array.isArray(value) ? joinItems(value.map(String), ';,') : value;
}
