/** Shared plumbing for CLI commands: open the runtime, report errors plainly, close cleanly. */
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
