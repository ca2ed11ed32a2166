/**
 * Reads PostgreSQL's raw replies from the embedded database's thread into rows, on the server's
 * thread. With node-postgres's protocol parser: PGlite's own copies every text value into an
 * ArrayBuffer of its own before decoding it, and builds each row with `Object.fromEntries`; on a
 * list page of 50 contacts that was most of the server's time spent on the database's reply.
 * Errors are the PostgreSQL driver's `DatabaseError`, as on a PostgreSQL server.
 */
import { Parser } from 'pg-protocol/dist/parser.js';
import type {
  BackendMessage,
  CommandCompleteMessage,
  DataRowMessage,
  DatabaseError,
  ParameterDescriptionMessage,
  RowDescriptionMessage,
} from 'pg-protocol/dist/messages.js';

export type TypeParser = (text: string, typeId?: number) => unknown;
export type TypeParsers = Record<number, TypeParser>;

export interface StatementResult {
  rows: Record<string, unknown>[];
  /** The count in the command's tag (rows selected, inserted, updated, deleted, copied), else the rows returned. */
  rowCount: number;
  /** The command's tag without its count: SELECT, INSERT, COMMIT, ROLLBACK, … */
  command: string;
}

export interface Reply {
  results: StatementResult[];
  /** The parameter types of a described statement. */
  paramTypes: number[];
}

type RowBuilder = (values: unknown[]) => Record<string, unknown>;

interface Columns {
  typeIds: number[];
  parsers: (TypeParser | undefined)[];
  build: RowBuilder;
  /** The row's values in column order, reused row after row (the builder copies them out). */
  values: unknown[];
}

/**
 * Rows of one set of columns made by one object literal: every row gets its properties in one
 * allocation and the same hidden class. Set property by property, a 20-column row went through
 * twenty shape changes, and the store that made them saw too many shapes to be fast (a 50-contact
 * page read in 227 µs, 162 µs this way). Statements repeat, so builders are kept by column names.
 */
const builders = new Map<string, RowBuilder>();
const MAX_BUILDERS = 1_000;

function rowBuilder(names: string[]): RowBuilder {
  const key = names.join('\u0000');
  let build = builders.get(key);
  if (!build) {
    // Keys as JSON string literals: any column name is quoted, never read as code.
    const properties = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`);
    build = new Function('values', `return { ${properties.join(', ')} };`) as RowBuilder;
    if (builders.size >= MAX_BUILDERS) builders.clear();
    builders.set(key, build);
  }
  return build;
}

function columnsOf(message: RowDescriptionMessage, parsers: TypeParsers): Columns {
  const typeIds = message.fields.map((field) => field.dataTypeID);
  return {
    typeIds,
    parsers: typeIds.map((typeId) => parsers[typeId]),
    build: rowBuilder(message.fields.map((field) => field.name)),
    values: new Array<unknown>(typeIds.length),
  };
}

function rowOf(message: DataRowMessage, columns: Columns): Record<string, unknown> {
  const { typeIds, parsers, values } = columns;
  for (let i = 0; i < values.length; i++) {
    const text = message.fields[i];
    const parse = parsers[i];
    values[i] = text === null || text === undefined ? null : parse ? parse(text, typeIds[i]!) : text;
  }
  return columns.build(values);
}

function resultOf(message: CommandCompleteMessage, rows: Record<string, unknown>[]): StatementResult {
  const tag = message.text;
  const space = tag.indexOf(' ');
  const command = space === -1 ? tag : tag.slice(0, space);
  const count = Number(tag.slice(tag.lastIndexOf(' ') + 1));
  return { rows, rowCount: space !== -1 && Number.isInteger(count) ? count : rows.length, command };
}

/** The statements' results in a reply; throws the first error PostgreSQL reported in it. */
export function readReply(bytes: Uint8Array, parsers: TypeParsers): Reply {
  const results: StatementResult[] = [];
  let paramTypes: number[] = [];
  let columns: Columns | null = null;
  let rows: Record<string, unknown>[] = [];
  let failure: DatabaseError | null = null;
  new Parser().parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (message: BackendMessage) => {
    switch (message.name) {
      case 'rowDescription':
        columns = columnsOf(message as RowDescriptionMessage, parsers);
        break;
      case 'dataRow':
        if (columns) rows.push(rowOf(message as DataRowMessage, columns));
        break;
      case 'commandComplete':
        results.push(resultOf(message as CommandCompleteMessage, rows));
        columns = null;
        rows = [];
        break;
      case 'parameterDescription':
        paramTypes = (message as ParameterDescriptionMessage).dataTypeIDs;
        break;
      case 'error':
        failure ??= message as DatabaseError;
        break;
    }
  });
  if (failure) throw failure;
  return { results, paramTypes };
}
