/** Shared plumbing for CLI commands: open the runtime, report errors plainly, close cleanly. */
import { InvalidArgumentError } from 'commander';
import { allMigrations } from '../modules.js';
import { openRuntime, type Runtime } from '../platform/runtime.js';
import { RapportError } from '../platform/http/errors.js';
import { ConfigError } from '../platform/config/config.js';
import type { Db } from '../platform/db/db.js';

export class CliError extends Error {}

/** Where a command writes its output; tests pass their own to read it. */
export type Print = (text: string) => void;
export const print: Print = (text) => process.stdout.write(text);

export function fail(message: string): never {
  throw new CliError(message);
}

export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof ConfigError) return error.message;
  if (error instanceof RapportError) {
    // The message often says a field's problem already: an unreadable file's reason is both the
    // message and its `content` field's, and a validation message names the first field's.
    const unsaid = error.fields.filter((f) => f.reason !== error.message && !error.message.includes(`${f.field} ${f.reason}`));
    return [error.message, ...unsaid.map((f) => `  ${f.field}: ${f.reason}`)].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

export async function withRuntime(work: (runtime: Runtime) => Promise<void>): Promise<void> {
  const runtime = await openRuntime(allMigrations(), { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  try {
    await work(runtime);
  } finally {
    await runtime.db.close();
  }
}

/** An option parser for a whole number in [min, max]; commander reports the message with the option's name. */
export function wholeNumber(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return value;
  };
}

/** The workspace named (by id or slug), or the only one; with several and none named, the user must choose. */
export async function resolveWorkspace(db: Db, id: string | undefined): Promise<string> {
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM workspaces WHERE ($1::text IS NULL OR id::text = $1 OR slug = $1) ORDER BY created_at LIMIT 20',
    [id ?? null],
  );
  if (id && rows.length === 0) fail(`No workspace ${id}`);
  if (rows.length === 0) fail('No workspace exists yet; run `rapport seed --demo` or start the server first');
  if (rows.length > 1)
    fail(`There are several workspaces; choose one with --workspace:\n${rows.map((w) => `  ${w.id}  ${w.name}`).join('\n')}`);
  return rows[0]!.id;
}
