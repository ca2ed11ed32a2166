/**
 * The common start of every JSON-based parser: refuse an oversized file, read JSON or JSON Lines,
 * and report each unreadable line; then visit each top-level value with a guard, so one value that
 * trips a parser costs that value, never the file.
 */
import { isBytes, tooLarge } from './input.js';
import { readJson } from './json.js';
import type { ParseOptions, ParserInput, ResultCollector } from './parse-result.js';

export function forEachJsonValue(
  collector: ResultCollector,
  input: ParserInput,
  options: ParseOptions | undefined,
  visit: (value: unknown, line: number | undefined) => void,
): void {
  if (typeof input === 'string' || isBytes(input)) {
    const oversize = tooLarge(input, options);
    if (oversize) return collector.reject(null, 'too-large', oversize);
  }
  const { records, errors } = readJson(input);
  for (const error of errors) collector.reject(null, 'malformed', error.reason, error.line);
  for (const { value, line } of records) {
    // A top-level array is a list of the format's items (a timeline, a batch of deliveries).
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        visit(item, line);
      } catch (error) {
        collector.reject(null, 'invalid', `could not be read: ${error instanceof Error ? error.message : String(error)}`, line);
      }
    }
  }
}
