/** Validates a record's custom values against the workspace's field definitions. */
import type { FieldProblem } from '../../platform/http/errors.js';
import type { CustomField } from './custom-field.schema.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real day: `Date.parse` rolls 2026-02-30 over into March instead of refusing it. */
function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/**
 * Why `value` does not fit `field`, or null. `stored` is what the record held before the change: an
 * option removed from a select field since stays valid where it is already set (it is still shown,
 * and the record's other fields can still be saved), but cannot be given anew.
 */
function checkOne(field: CustomField, value: unknown, stored: unknown): string | null {
  switch (field.type) {
    case 'text':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'must be a date (YYYY-MM-DD)';
    case 'url': {
      if (typeof value !== 'string') return 'must be a URL';
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'must be an http(s) URL';
      } catch {
        return 'must be a URL';
      }
    }
    case 'select':
      return typeof value === 'string' && (field.options.includes(value) || value === stored)
        ? null
        : `must be one of: ${field.options.join(', ')}`;
    case 'multi_select': {
      const held = Array.isArray(stored) ? stored : [];
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && (field.options.includes(v) || held.includes(v)))
        ? null
        : `must be a list of: ${field.options.join(', ')}`;
    }
  }
}

/**
 * Returns the problems with `values`; null clears a value. `merged` is the full set after the
 * change, used to enforce required fields; `stored` the set before it (none for a new record).
 */
export function checkCustomValues(
  fields: readonly CustomField[],
  values: Record<string, unknown>,
  merged: Record<string, unknown>,
  stored: Record<string, unknown> = {},
): FieldProblem[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      problems.push({ field: `custom.${key}`, reason: 'is not a custom field of this workspace' });
      continue;
    }
    if (value === null) continue;
    const reason = checkOne(field, value, stored[key]);
    if (reason) problems.push({ field: `custom.${key}`, reason });
  }
  for (const field of fields) {
    const value = merged[field.key];
    if (field.required && (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))) {
      problems.push({ field: `custom.${field.key}`, reason: 'is required' });
    }
  }
  return problems;
}

/** Drops cleared (null) values so stored records only hold set fields. */
export function mergeCustomValues(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
