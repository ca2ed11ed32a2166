/**
 * Durable jobs and timers: rows in the database, so a reminder due tomorrow survives a restart.
 * Domains register typed definitions; handlers must be idempotent because a job whose worker dies
 * mid-run is picked up again once its lock expires.
 */
import type { TSchema, Static } from 'typebox';
import Value from 'typebox/value';
import type { Db, Queryable } from '../db/db.js';
import type { Logger } from '../observability/logger.js';

export interface JobContext {
  db: Db;
  workspaceId: string | null;
  log: Logger;
  now: Date;
  /** True when no retry follows a failure: a handler that reports its own failures needs to know. */
  finalAttempt?: boolean;
}

export interface JobDefinition<S extends TSchema = TSchema> {
  name: string;
  payload: S;
  handler: (ctx: JobContext, payload: Static<S>) => Promise<void>;
  maxAttempts?: number;
  /** Delay before retry N (1-based). */
  backoffMs?: (attempt: number) => number;
  /** Re-enqueues itself after each run: a recurring timer. */
  everyMs?: number;
  /**
   * Runs up to `size` due jobs of this name and workspace in one call instead of one by one
   * (`handler` is then unused by the runner): for jobs queued in bursts, e.g. one per contact
   * touched by an import, where a set-based run costs about as much as one. The batch succeeds
   * or fails as a whole.
   */
  batch?: { size: number; handler: (ctx: JobContext, payloads: Static<S>[]) => Promise<void> };
}

export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

export interface EnqueueOptions {
  workspaceId?: string | null;
  runAt?: Date;
  /** A second enqueue with the same key while the first is queued does nothing. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/** Enough of a definition to queue a job whose handler another domain registers. */
export type JobTarget = Pick<JobDefinition, 'name' | 'payload' | 'maxAttempts'>;

export function validatePayload(definition: JobTarget, payload: unknown): void {
  if (!Value.Check(definition.payload, payload)) {
    const first = Value.Errors(definition.payload, payload)[0];
    throw new Error(`job ${definition.name}: invalid payload at ${first?.instancePath || '/'}: ${first?.message}`);
  }
}

export async function enqueueJob(db: Queryable, definition: JobTarget, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
  await enqueueJobs(db, definition, [{ payload, options }]);
}

/** Queues many jobs of one kind in one statement (a relay pass's worth), each as `enqueueJob` would. */
export async function enqueueJobs(
  db: Queryable,
  definition: JobTarget,
  jobs: readonly { payload: unknown; options?: EnqueueOptions }[],
): Promise<void> {
  if (jobs.length === 0) return;
  for (const { payload } of jobs) validatePayload(definition, payload);
  const rows = jobs.map(({ payload, options = {} }) => ({
    workspace_id: options.workspaceId ?? null,
    payload,
    run_at: (options.runAt ?? new Date()).toISOString(),
    unique_key: options.uniqueKey ?? null,
    max_attempts: options.maxAttempts ?? definition.maxAttempts ?? 5,
  }));
  await db.query(
    `INSERT INTO jobs (workspace_id, name, payload, run_at, unique_key, max_attempts)
     SELECT j.workspace_id, $1, j.payload, j.run_at, j.unique_key, j.max_attempts
       FROM jsonb_to_recordset($2::jsonb) AS j(workspace_id uuid, payload jsonb, run_at timestamptz, unique_key text, max_attempts int)
     ON CONFLICT (unique_key) DO NOTHING`,
    [definition.name, JSON.stringify(rows)],
  );
}
