/**
 * The span of time CRM entries may be set in. ISO 8601 lets a date-time say any year from 0000,
 * and a year mistyped with its century left out (0026 for 2026) reads back from the database as
 * 1926, or as no date at all, failing every later list the entry is in. No call was logged and no
 * task falls due outside these years.
 */
import type { FieldProblem } from '../../platform/http/errors.js';

const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(10000, 0, 1);

/** Why `value` (an ISO date-time the schema has checked) is no time for `field`, or null if it is one. */
export function instantProblem(field: string, value: string | null | undefined): FieldProblem | null {
  if (value === null || value === undefined) return null;
  const at = Date.parse(value);
  return at >= EARLIEST && at < LATEST ? null : { field, reason: 'must be a time in the years 1900 to 9999' };
}
