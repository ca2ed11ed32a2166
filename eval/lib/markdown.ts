/** Markdown table helpers for eval reports, so every suite prints figures the same way. */
import type { ConfusionMatrix } from './metrics.js';

export type Alignment = 'left' | 'right';

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Alignment[]): string {
  const escape = (cell: string): string => cell.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const rule = header.map((_, index) => (align?.[index] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.map(escape).join(' | ')} |`).join('\n');
}

/** A figure with a fixed number of decimals (three unless told). */
export function decimal(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Rows are the true labels, columns the predicted ones. */
export function confusionTable<Label extends string>(matrix: ConfusionMatrix<Label>): string {
  const header = ['true \\ predicted', ...matrix.labels];
  const rows = matrix.labels.map((label, index) => [label, ...(matrix.counts[index] ?? []).map(count)]);
  return markdownTable(header, rows, ['left', ...matrix.labels.map((): Alignment => 'right')]);
}
