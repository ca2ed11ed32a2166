/**
 * Dates and date-times the API takes, within the years 1 to 9999. ISO 8601 writes any year from
 * 0000 and any offset, but PostgreSQL has no year 0 (the statement fails: a 500 where the caller
 * deserved a 400) and a time past 9999 in UTC is stored, then answered as `+010000-…`, which is no
 * date-time a client can read back. So the formats themselves refuse them, for every body, query
 * string and path parameter.
 */
import type { Ajv } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

const FIRST = Date.parse('0001-01-01T00:00:00Z');
const END = Date.parse('+010000-01-01T00:00:00Z');

type Check = (value: string) => boolean;

function validatorOf(format: 'date' | 'date-time'): Check {
  const definition = fullFormats[format];
  if (typeof definition === 'object' && 'validate' in definition && typeof definition.validate === 'function') {
    return definition.validate as Check;
  }
  throw new Error(`ajv-formats has no ${format} validator`);
}

const isDate = validatorOf('date');
const isDateTime = validatorOf('date-time');

/** Within the years, as UTC: `9999-12-31T23:59:59-14:00` is already in the year 10000. */
function inYears(at: number): boolean {
  return at >= FIRST && at < END;
}

/** A date-time the API takes, for values checked outside a schema (a list cursor's instant). */
export function isApiDateTime(value: string): boolean {
  return isDateTime(value) && inYears(Date.parse(value));
}

export function addDateFormats(ajv: Ajv): void {
  ajv.addFormat('date', { type: 'string', validate: (value: string) => isDate(value) && !value.startsWith('0000') });
  ajv.addFormat('date-time', { type: 'string', validate: isApiDateTime });
}

export const YEARS = 'in the years 1 to 9999';
