/**
 * `rapport query check`: reads listening queries on standard input (one per line, or JSON Lines
 * `{"id", "query"}`) and writes one JSON verdict per query, for reviewing queries before saving
 * them. Exits with 1 when any query is invalid, so scripts and CI can stop on a bad one.
 */
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { checkQueries } from '../listening/query/index.js';

/** Checks every query read from `input`; the exit code: 0 when all are valid, 1 otherwise. */
export async function queryCheckCommand(input: Readable, output: Writable): Promise<number> {
  const summary = await checkQueries(input, output);
  return summary.invalid > 0 ? 1 : 0;
}

export function registerQueryCommand(program: Command) {
  const query = program.command('query').description('Work with listening queries');
  query
    .command('check')
    .description('Check listening queries read from standard input (one per line, or JSON Lines {"id", "query"}); exit 1 if any is invalid')
    .action(async () => {
      process.exitCode = await queryCheckCommand(process.stdin, process.stdout);
    });
}
