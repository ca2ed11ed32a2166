/**
 * Bulk writes as one statement: each column travels as one array parameter and `unnest` turns the
 * arrays back into rows, so a thousand rows cost one round trip and one plan on both engines.
 */
export function unnestOf<Row>(columns: readonly (readonly [string, string, keyof Row])[], rows: readonly Row[], firstParam: number) {
  const params = columns.map(([, , field]) => rows.map((row) => row[field]));
  const arrays = columns.map(([, type], i) => `$${firstParam + i}::${type}[]`).join(', ');
  const names = columns.map(([column]) => column).join(', ');
  return { params, from: `unnest(${arrays}) AS u(${names})`, names };
}
