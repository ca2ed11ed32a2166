/** Reads an uploaded CSV into a header and rows of text, rejecting what is not CSV text. */
import { parse } from 'csv-parse/sync';
import { RapportError } from '../../platform/http/errors.js';

export interface CsvTable {
  columns: string[];
  rows: string[][];
  /** Each row's number as a spreadsheet shows the file (the header's row counts, and so do blank rows). */
  rowNumbers: number[];
}

export const MAX_ROWS = 1_000_000;
const MAX_COLUMNS = 500;
const MAX_CELL = 100_000;

export const unreadable = (reason: string) => new RapportError('import_unreadable', 400, reason, [{ field: 'content', reason }]);

/**
 * Binary files (spreadsheets saved as .xlsx, images) arrive as text full of NUL bytes or of the
 * U+FFFD a browser puts where bytes are not UTF-8; no CSV or vCard contains many of those.
 */
export function checkText(content: string, kind: string): void {
  if (content.trim() === '') throw unreadable('the file is empty');
  const head = content.slice(0, 65_536);
  const whitespace = new Set([9, 10, 11, 12, 13]);
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code === 0xfffd || (code < 32 && !whitespace.has(code))) odd++;
  }
  // A NUL anywhere, not only in the head: PostgreSQL cannot store one (the upload failed with a 500).
  if (content.includes('\u0000') || odd > head.length / 100) {
    throw unreadable(`the file is not ${kind} text (it looks binary; save it as ${kind} with UTF-8 encoding)`);
  }
}

/** The delimiter used on the header line: comma, semicolon (European Excel) or tab. */
function detectDelimiter(content: string): string {
  const firstLine = content.slice(0, content.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Names every column uniquely: blank headers become `Column N`, repeats get ` (2)`. */
function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/**
 * What the parser found wrong, in words a person with a spreadsheet can act on: its own messages
 * ("Max Record Size: record exceed the maximum number of tolerated bytes of 100000 at line 2") say
 * what broke inside it. A line past the limit is most often a file that is not CSV at all.
 */
function parseProblem(error: unknown): string {
  const { code, lines } = error as { code?: unknown; lines?: unknown };
  const line = typeof lines === 'number' ? `line ${lines}` : 'a line';
  switch (code) {
    case 'CSV_MAX_RECORD_SIZE':
      return `${line} is longer than ${MAX_CELL / 1000} kB; is this a CSV file?`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quoted value is never closed: the file ends inside it (at ${line}); check for a stray "`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${line} has text right after a quoted value's closing "; a " inside a quoted value is written ""`;
    case 'INVALID_OPENING_QUOTE':
      return `${line} has a " inside a value; quote the value and write the " as ""`;
  }
  const message = error instanceof Error ? error.message.replace(/^Invalid Record Length: /, '') : String(error);
  return `the file is not valid CSV: ${message}`;
}

export function readCsv(content: string): CsvTable {
  checkText(content, 'CSV');
  let records: string[][];
  try {
    records = parse(content, {
      bom: true,
      delimiter: detectDelimiter(content.replace(/^\ufeff/, '')),
      relax_column_count: true,
      // Blank lines are kept to be counted: the report names rows as a spreadsheet numbers them.
      skip_empty_lines: false,
      max_record_size: MAX_CELL,
    }) as string[][];
  } catch (error) {
    throw unreadable(parseProblem(error));
  }
  let header: string[] | undefined;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    // A row of empty cells (a spreadsheet's cleared row saved as `,,,`) is no contact, just as a blank line is not.
    if (record.every((cell) => cell.trim() === '')) continue;
    if (!header) header = record;
    else {
      rows.push(record);
      rowNumbers.push(i + 1);
    }
  }
  if (!header) throw unreadable('the file holds only empty cells');
  if (rows.length === 0) throw unreadable('the file has column names but no rows');
  if (header.length > MAX_COLUMNS) throw unreadable(`the file has ${header.length} columns; at most ${MAX_COLUMNS} can be imported`);
  if (rows.length > MAX_ROWS) throw unreadable(`the file has ${rows.length} rows; at most ${MAX_ROWS} can be imported at once`);
  return { columns: columnNames(header), rows, rowNumbers };
}
