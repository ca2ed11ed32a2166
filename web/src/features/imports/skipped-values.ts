/**
 * The values an import left out of the rows it imported, grouped for reading: by the column or
 * vCard property they came from, each reason once with the rows (or cards) it was given for.
 */
import type { SkippedValue } from './types';

export interface SkippedReason {
  reason: string;
  /** In the order of the file, each once. */
  rows: number[];
}

export interface SkippedField {
  field: string;
  /** The values of this column or property left out. */
  count: number;
  reasons: SkippedReason[];
}

/** The columns or properties with the most values left out first; reasons in the order of the file. */
export function groupSkipped(skipped: readonly SkippedValue[]): SkippedField[] {
  const fields = new Map<string, { count: number; reasons: Map<string, number[]> }>();
  for (const { row, field, reason } of skipped) {
    let group = fields.get(field);
    if (!group) fields.set(field, (group = { count: 0, reasons: new Map() }));
    group.count++;
    const rows = group.reasons.get(reason);
    // A card with three addresses has two left out, for one reason: the card is named once.
    if (!rows) group.reasons.set(reason, [row]);
    else if (rows[rows.length - 1] !== row) rows.push(row);
  }
  return [...fields]
    .map(([field, { count, reasons }]) => ({ field, count, reasons: [...reasons].map(([reason, rows]) => ({ reason, rows })) }))
    .sort((a, b) => b.count - a.count || a.field.localeCompare(b.field));
}

/** How many rows a reason names before "and N more". */
export const SHOWN_ROWS = 10;

const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/**
 * The rows a reason was given for: "Card 3", "Rows 2, 5 and 9", "Cards 1, 2, … 10 and 40 more".
 * Row numbers are written plain, as a spreadsheet shows them (no thousands separator to read as a list's comma).
 */
export function rowsText(rows: readonly number[], [one, many]: readonly [string, string]): string {
  if (rows.length === 1) return `${capitalised(one)} ${rows[0]}`;
  const listed = rows.slice(0, SHOWN_ROWS);
  const rest = rows.length - listed.length;
  const last = rest > 0 ? `${rest} more` : String(listed.pop());
  return `${capitalised(many)} ${listed.join(', ')} and ${last}`;
}
