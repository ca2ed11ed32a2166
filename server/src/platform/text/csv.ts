/** CSV for files people open in a spreadsheet: cells quoted when needed, and never run as a formula. */

/**
 * A text cell starting with = + - @ (or a tab or carriage return) would run as a formula in Excel or
 * LibreOffice; a leading quote keeps it text (OWASP's advice for CSV injection). Imports strip it,
 * so a value that itself starts with quotes before one of those gets one more, and reads back whole.
 * A number is written as it is: -0.5 is a number to a spreadsheet, never a formula.
 */
export function csvCell(value: unknown): string {
  if (typeof value === 'number') return String(value);
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^'*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvLines(rows: readonly (readonly unknown[])[]): string {
  return rows.map(csvLine).join('');
}
