/**
 * Reading untrusted JSON: a document or JSON Lines, and small accessors that answer "absent" for
 * anything of the wrong type, so mapping code never trusts a payload's shape and never throws.
 */
import { decodeUtf8, isBytes } from './input.js';

export type JsonObject = { readonly [key: string]: unknown };

export interface JsonRecord {
  value: unknown;
  /** 1-based line in a JSON Lines file; absent for a single JSON document. */
  line?: number;
}

export interface JsonLineError {
  /** Absent when the file as a whole is not JSON. */
  line?: number;
  reason: string;
}

export interface JsonRecords {
  records: JsonRecord[];
  errors: JsonLineError[];
}

/**
 * One JSON document, or JSON Lines when the whole does not parse (twarc, Jetstream and streaming
 * captures are JSONL; an API response saved from a browser is one pretty-printed document). A bad
 * line of JSON Lines is an error for that line; a broken document is one error. Already-parsed
 * values pass through.
 */
export function readJson(input: unknown): JsonRecords {
  if (typeof input !== 'string' && !isBytes(input)) return { records: [{ value: input }], errors: [] };
  const text = decodeUtf8(input);
  const whole = tryParse(text);
  if (whole.ok) return { records: [{ value: whole.value }], errors: [] };
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim().length > 0);
  const head = first < 0 ? undefined : tryParse(lines[first]!.trim());
  // JSON Lines starts with a complete object or array; anything else is one broken document.
  if (!head?.ok || typeof head.value !== 'object' || head.value === null) return { records: [], errors: [{ reason: whole.reason }] };
  const records: JsonRecord[] = [];
  const errors: JsonLineError[] = [];
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    const parsed = tryParse(trimmed);
    if (parsed.ok) records.push({ value: parsed.value, line: i + 1 });
    else errors.push({ line: i + 1, reason: parsed.reason });
  });
  return { records, errors };
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `malformed JSON: ${message.slice(0, 200)}` };
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string; numbers are accepted because ids arrive as either. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A non-negative integer count; APIs send counts as numbers or numeric strings. */
export function count(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Own property only: a payload's "__proto__" or "constructor" key is data, never the prototype. */
export function field(value: unknown, key: string): unknown {
  return isObject(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** A nested own property, e.g. `path(tweet, 'public_metrics', 'like_count')`. */
export function path(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = field(current, key);
  return current;
}
