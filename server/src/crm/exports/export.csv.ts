/** CSV cells for exports: quoted when needed, and safe to open in a spreadsheet. */
import { joinItems } from '../shared/list-items.js';

/**
 * A cell starting with = + - @ (or a tab or carriage return) would run as a formula in Excel or
 * LibreOffice; a leading quote keeps it text (OWASP's advice for CSV injection). Imports strip it,
 * so a value that itself starts with quotes before one of those gets one more, and reads back whole.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^'*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** A custom value in one cell: a multi-select's options joined as tags are, so the import splits them back. */
export function customCell(value: unknown): unknown {
  return Array.isArray(value) ? joinItems(value.map(String), ';,') : value;
}
