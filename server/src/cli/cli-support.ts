/** Shared plumbing for CLI commands: open the runtime, report errors plainly, close cleanly. */
import { InvalidArgumentError } from 'commander';
import { allMigrations } from '../modules.js';
import { openRuntime, type Runtime } from '../platform/runtime.js';
import { RapportError } from '../platform/http/errors.js';
import { ConfigError } from '../platform/config/config.js';

export class CliError extends Error {}

export function fail(message: string): never {
  throw new CliError(message);
}

export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof ConfigError) return error.message;
  if (error instanceof RapportError) {
    return [error.message, ...error.fields.map((f) => `  ${f.field}: ${f.reason}`)].join('\n');
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
