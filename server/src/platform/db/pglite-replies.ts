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

interface Columns {
  names: string[];
  typeIds: number[];
  parsers: (TypeParser | undefined)[];
}

function columnsOf(message: RowDescriptionMessage, parsers: TypeParsers): Columns {
  const names = message.fields.map((field) => field.name);
  const typeIds = message.fields.map((field) => field.dataTypeID);
  return { names, typeIds, parsers: typeIds.map((typeId) => parsers[typeId]) };
}

function rowOf(message: DataRowMessage, columns: Columns): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const { names, typeIds, parsers } = columns;
  for (let i = 0; i < names.length; i++) {
    const text = message.fields[i];
    const parse = parsers[i];
    row[names[i]!] = text === null || text === undefined ? null : parse ? parse(text, typeIds[i]!) : text;
  }
  return row;
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
