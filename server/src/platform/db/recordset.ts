/**
 * Bulk writes of wide rows as one statement: the rows travel as one JSON document, which
 * `jsonb_to_recordset` turns back into typed rows. For rows with long text this beats `unnestOf`:
 * the driver turns each array parameter into a literal by escaping every element and joining
 * them (40 % of all the memory an ingest batch allocated, most of it for the messages' texts),
 * while the document is one native `JSON.stringify` (inserting 1,000 corpus messages: 20-25 % less
 * of the process's CPU, and no more of PostgreSQL's or PGlite's time; docs/benchmarks.md, session
 * 21). A jsonb column's field holds the value itself, not its JSON text.
 */
import { replaceLoneSurrogates } from '../text/surrogates.js';

/** How JSON.stringify writes any lone surrogate (lowercase hex); text that merely contains it only takes the slow path. */
const ESCAPED_SURROGATE = '\\ud';

/** Rows as JSON text that jsonb accepts: lone surrogates become U+FFFD, as the text protocol's UTF-8 encoding makes them. */
export function rowsJson(rows: readonly object[]): string {
  const json = JSON.stringify(rows);
  if (!json.includes(ESCAPED_SURROGATE)) return json;
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'string' ? replaceLoneSurrogates(value) : value));
}

/**
 * A relation `u` over the rows that parameter `$param` holds (`rowsJson`), its columns named as the
 * table's; `names` lists them. Each column is `[column, type, field]`: the row's `field` holds it.
 */
export function recordset<Row extends object>(columns: readonly (readonly [string, string, keyof Row])[], param: number) {
  const fields = columns.map(([, type, field]) => `"${String(field)}" ${type}`).join(', ');
  const renamed = columns.map(([column, , field]) => `"${String(field)}" AS ${column}`).join(', ');
  return {
    from: `(SELECT ${renamed} FROM jsonb_to_recordset($${param}::jsonb) AS r(${fields})) AS u`,
    names: columns.map(([column]) => column).join(', '),
  };
}
