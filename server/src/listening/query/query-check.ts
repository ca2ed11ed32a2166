/**
 * `query check` as a stream: queries in (one per line, or JSON Lines `{"id", "query"}`), one JSON
 * verdict per query out, so a file of saved queries can be reviewed before it is imported. Lines
 * are read with a bounded buffer: a line too long to be a query is reported, never held whole.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { QUERY_LIMITS } from './query-limits.js';
import { parseQuery } from './query.parser.js';

/** A JSON line carries the query plus its id and escapes, so it may be longer than the query limit. */
export const MAX_LINE_LENGTH = 4 * QUERY_LIMITS.maxLength;

export interface QueryVerdict {
  id: string | number;
  ok: boolean;
  error?: string;
  position?: number;
  warnings?: { message: string; position: number }[];
}

export interface QueryCheckSummary {
  checked: number;
  invalid: number;
}

/** A line is JSON when it opens an object with a key (`{"`); `{Apple} OR pear` is a query. */
const JSON_LINE = /^\s*\{\s*"/;

function verdictFor(line: string, lineNumber: number): QueryVerdict {
  let id: string | number = lineNumber;
  let query = line;
  if (JSON_LINE.test(line)) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { id, ok: false, error: `Line ${lineNumber} is not valid JSON: ${(error as Error).message}` };
    }
    const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    if (record && (typeof record.id === 'string' || typeof record.id === 'number')) id = record.id;
    if (!record || typeof record.query !== 'string')
      return { id, ok: false, error: `Line ${lineNumber} is a JSON object without a string "query"` };
    query = record.query;
  }
  const result = parseQuery(query);
  const warnings = result.warnings.map(({ message, position }) => ({ message, position }));
  const verdict: QueryVerdict = result.ok
    ? { id, ok: true }
    : { id, ok: false, error: result.error.message, position: result.error.position };
  if (warnings.length) verdict.warnings = warnings;
  return verdict;
}

export async function checkQueries(input: Readable, output: Writable): Promise<QueryCheckSummary> {
  const summary: QueryCheckSummary = { checked: 0, invalid: 0 };
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let overflowing = false;
  let lineNumber = 0;

  const emit = async (verdict: QueryVerdict) => {
    summary.checked++;
    if (!verdict.ok) summary.invalid++;
    if (!output.write(JSON.stringify(verdict) + '\n')) await once(output, 'drain');
  };
  const finishLine = async (line: string) => {
    lineNumber++;
    if (overflowing || line.length > MAX_LINE_LENGTH) {
      overflowing = false;
      return emit({ id: lineNumber, ok: false, error: `Line ${lineNumber} is longer than ${MAX_LINE_LENGTH} characters` });
    }
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.trim()) await emit(verdictFor(text, lineNumber));
  };

  const take = async (chunk: string) => {
    let from = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', from)) {
      const part = chunk.slice(from, newline);
      await finishLine(overflowing ? '' : pending + part);
      pending = '';
      from = newline + 1;
    }
    if (!overflowing) pending += chunk.slice(from);
    if (pending.length > MAX_LINE_LENGTH) {
      overflowing = true;
      pending = '';
    }
  };

  for await (const chunk of input) await take(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
  await take(decoder.end());
  if (pending || overflowing) await finishLine(pending);
  return summary;
}
