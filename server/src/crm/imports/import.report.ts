/**
 * The report an import builds as it reads a file: rejected rows with why, and the values of
 * imported rows left out. The count of rejected rows is complete; the lists keep the first
 * MAX_REPORTED_ERRORS entries.
 */
import type { FieldProblem } from '../../platform/http/errors.js';
import { MAX_REPORTED_ERRORS, type ImportReport } from './import.schema.js';
import type { RowProblem } from './import.validate.js';

export class ReportBuilder {
  readonly errors: RowProblem[] = [];
  readonly skipped: RowProblem[] = [];
  rejected = 0;

  /** A row rejected for these problems. */
  reject(problems: readonly RowProblem[]): void {
    this.rejected++;
    const room = MAX_REPORTED_ERRORS - this.errors.length;
    if (room > 0) this.errors.push(...problems.slice(0, room));
  }

  /** Values a row is imported without. */
  skip(row: number, values: readonly FieldProblem[]): void {
    const room = MAX_REPORTED_ERRORS - this.skipped.length;
    if (room > 0) this.skipped.push(...values.slice(0, room).map((value) => ({ row, ...value })));
  }
}

/**
 * The report before anything is written: failed when a row was rejected and partial imports are not
 * allowed, in which case nothing is written. When nothing is written, nothing was imported without
 * some of its values, so `skipped` is empty.
 */
export function reportBeforeWriting(total: number, found: ReportBuilder, allowPartial: boolean, writable: number): ImportReport {
  const failed = found.rejected > 0 && !allowPartial;
  return {
    status: failed ? 'failed' : 'done',
    total,
    processed: total,
    imported: 0,
    rejected: found.rejected,
    companiesCreated: 0,
    errors: found.errors,
    skipped: failed || writable === 0 ? [] : found.skipped,
  };
}
