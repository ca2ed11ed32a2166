/**
 * Serial ids (events, jobs: any column a sequence fills) are numbered across all the workspaces
 * of a database, so another database may already use a backup's. A restore notes them all while
 * it first reads the file; a serial whose ids are all free here keeps them, one with any taken gets
 * new values from this database's sequence in the same order, and every column holding those ids
 * (backup.tables.ts finds them) is rewritten as the rows are inserted.
 */
import type { Queryable } from '../db/db.js';
import { ident } from '../db/db.js';
import type { SerialRef, TableInfo } from './backup.tables.js';

/** The restore's scratch list of serial ids, `serial` being `table.column`; gone when the transaction ends. */
export async function startSerialIds(tx: Queryable) {
  await tx.query(`CREATE TEMP TABLE restored_serials (
    serial text NOT NULL, old bigint NOT NULL, new bigint, PRIMARY KEY (serial, old)) ON COMMIT DROP`);
}

/** Notes the serial ids of a batch of `table`'s rows (raw row JSON). */
export async function noteSerialIds(tx: Queryable, table: TableInfo, rows: readonly string[]) {
  for (const column of table.serials) {
    await tx.query(
      `INSERT INTO restored_serials (serial, old)
       SELECT $1, (r ->> $2)::bigint FROM jsonb_array_elements($3::jsonb) r WHERE r ->> $2 IS NOT NULL`,
      [`${table.name}.${column}`, column, `[${rows.join(',')}]`],
    );
  }
}

/** Moves `sequence` past `highest` (an SQL expression), unless it is there already. */
async function movePast(tx: Queryable, sequence: string, highest: string, params: unknown[]) {
  await tx.query(
    `SELECT setval(s.seq, h.id) FROM (SELECT ${sequence} AS seq) s, (${highest}) h(id)
      WHERE h.id > COALESCE(pg_sequence_last_value(s.seq), 0)`,
    params,
  );
}

/**
 * Keeps each serial's ids when this database holds none of them (so a restore into an empty
 * database keeps them all), else numbers them anew from the sequence, lowest first so their order
 * stays. Kept ids move the sequence past them first, so rows written meanwhile cannot take one;
 * before numbering anew the sequence moves past the table's ids, should a row have been written
 * with its own. Sequences are not rolled back: a restore that fails leaves a gap in the numbers.
 * Returns the serials numbered anew and how many ids each had.
 */
export async function assignSerialIds(tx: Queryable): Promise<Map<string, number>> {
  const { rows: serials } = await tx.query<{ serial: string; count: string }>(
    'SELECT serial, count(*) AS count FROM restored_serials GROUP BY serial ORDER BY serial',
  );
  const renumbered = new Map<string, number>();
  for (const { serial, count } of serials) {
    const [table, column] = serial.split('.') as [string, string];
    const sequence = `pg_get_serial_sequence(${literal(table)}, ${literal(column)})::regclass`;
    const { rows: taken } = await tx.query(
      `SELECT 1 FROM restored_serials m JOIN ${ident(table)} t ON t.${ident(column)} = m.old WHERE m.serial = $1 LIMIT 1`,
      [serial],
    );
    if (taken.length === 0) {
      await movePast(tx, sequence, 'SELECT max(old) FROM restored_serials WHERE serial = $1', [serial]);
      continue;
    }
    await movePast(tx, sequence, `SELECT max(${ident(column)}) FROM ${ident(table)}`, []);
    await tx.query(
      `WITH fresh AS (SELECT nextval(${sequence}) AS new FROM restored_serials WHERE serial = $1),
            fresh_in_order AS (SELECT new, row_number() OVER (ORDER BY new) AS n FROM fresh),
            old_in_order AS (SELECT old, row_number() OVER (ORDER BY old) AS n FROM restored_serials WHERE serial = $1)
       UPDATE restored_serials m SET new = f.new
         FROM old_in_order o JOIN fresh_in_order f USING (n)
        WHERE m.serial = $1 AND m.old = o.old`,
      [serial],
    );
    renumbered.set(serial, Number(count));
  }
  return renumbered;
}

/** A name of ours (a serial's `table.column`, a JSON key from a column comment) as an SQL string. */
function literal(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw new Error(`unsafe name: ${name}`);
  return `'${name}'`;
}

/** The value `value` (a column of the row being inserted) takes once ids of `ref.serial` are numbered anew. */
function rewritten(value: string, ref: SerialRef): string {
  const idOf = (old: string) => `FROM restored_serials m WHERE m.serial = ${literal(ref.serial)} AND m.old = ${old}`;
  if (ref.key === null) return `COALESCE((SELECT m.new ${idOf(value)}), ${value})`;
  const key = literal(ref.key);
  const held = `${value} ->> ${key}`;
  // The id keeps its JSON type: a string stays a string.
  const replacement = `(SELECT CASE jsonb_typeof(${value} -> ${key}) WHEN 'string' THEN to_jsonb(m.new::text) ELSE to_jsonb(m.new) END
                          ${idOf(`(${held})::bigint`)})`;
  return `CASE WHEN ${held} ~ '^[0-9]{1,18}$' THEN COALESCE(jsonb_set(${value}, ARRAY[${key}], ${replacement}), ${value}) ELSE ${value} END`;
}

/**
 * What to insert for `column` of rows read as `r`: the column itself, or, when it holds ids of a
 * serial numbered anew, the new ids (an id the backup does not hold is left as it is).
 */
export function columnValue(table: TableInfo, column: string, renumbered: ReadonlyMap<string, number>): string {
  let value = `r.${ident(column)}`;
  for (const ref of table.serialRefs) if (ref.column === column && renumbered.has(ref.serial)) value = rewritten(value, ref);
  return value;
}
